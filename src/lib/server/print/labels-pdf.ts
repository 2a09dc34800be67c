/**
 * Wall labels as a PDF: A4 portrait sheets of four A6 labels (cut along the grey lines), each
 * with the label number, title, pseudonym, age band, award, the child's words shortened and —
 * for works shown publicly — a QR code to the artwork's page, drawn as vector squares so it
 * prints sharp at any size.
 */
import { PDFDocument, rgb, type PDFFont, type PDFPage, type RGB } from 'pdf-lib';
import { encode } from 'uqr';
import { embedPrintFont } from './print-font.ts';

export interface Label {
	number: string;
	title: string;
	pseudonym: string;
	band: string | null;
	/** The award's name as printed, or null. */
	award: string | null;
	awardKind: string | null;
	about: string;
	/** The public artwork page, or null for a work shown in class only (no QR). */
	url: string | null;
}

/** The fixed words of a label, already translated. */
export interface LabelWords {
	number(n: string): string;
	band(band: string): string;
	scan: string;
	contest: string;
}

const MM = 72 / 25.4;
const A4 = { w: 210 * MM, h: 297 * MM };
const CARD = { w: A4.w / 2, h: A4.h / 2 };
const PAD = 10 * MM;
const QR_SIZE = 30 * MM;
/** The child's words are cut to this many characters before wrapping. */
export const ABOUT_MAX = 140;
const INK = rgb(0.13, 0.13, 0.13);
const GREY = rgb(0.45, 0.45, 0.45);
const AWARD_COLOURS: Record<string, RGB> = {
	gold: rgb(0.6, 0.45, 0.05),
	silver: rgb(0.4, 0.4, 0.45),
	bronze: rgb(0.55, 0.3, 0.15)
};

/** The QR modules of `url` (true = dark), as uqr encodes it, without the quiet zone. */
export function qrModules(url: string): boolean[][] {
	return encode(url, { ecc: 'M', border: 0 }).data;
}

/** `text` shortened to `max` characters on a word or character boundary, with "…". */
export function shorten(text: string, max: number): string {
	const chars = [...text.trim()];
	if (chars.length <= max) return chars.join('');
	const cut = chars.slice(0, max - 1).join('');
	const space = cut.lastIndexOf(' ');
	return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

const CLOSING = /[，。、；：？！）》」』”’…,.;:!?)]/;

/** Greedy line wrap: at spaces where the text has them, else between any two characters. */
export function wrap(
	font: PDFFont,
	text: string,
	size: number,
	width: number,
	maxLines: number
): string[] {
	const lines: string[] = [];
	for (const paragraph of text.split('\n')) {
		let line = '';
		for (const ch of paragraph) {
			const next = line + ch;
			// Chinese closing punctuation never starts a line: it stays with the line before.
			const fits = font.widthOfTextAtSize(next, size) <= width || CLOSING.test(ch);
			if (fits || line === '') {
				line = next;
				continue;
			}
			const space = line.lastIndexOf(' ');
			if (ch !== ' ' && space > 0) {
				lines.push(line.slice(0, space));
				line = line.slice(space + 1) + ch;
			} else {
				lines.push(line.trimEnd());
				line = ch === ' ' ? '' : ch;
			}
		}
		lines.push(line);
	}
	if (lines.length <= maxLines) return lines;
	const kept = lines.slice(0, maxLines);
	let last = kept[maxLines - 1] ?? '';
	while (last && font.widthOfTextAtSize(`${last}…`, size) > width) last = last.slice(0, -1);
	kept[maxLines - 1] = `${last.trimEnd()}…`;
	return kept;
}

function drawQr(page: PDFPage, url: string, x: number, y: number, size: number): void {
	const modules = qrModules(url);
	const unit = size / modules.length;
	modules.forEach((row, r) =>
		row.forEach((dark, c) => {
			if (!dark) return;
			// Rows run top-down in the matrix and bottom-up in PDF space.
			page.drawRectangle({
				x: x + c * unit,
				y: y + size - (r + 1) * unit,
				width: unit,
				height: unit,
				color: rgb(0, 0, 0)
			});
		})
	);
}

function drawCutLines(page: PDFPage): void {
	const line = { thickness: 0.5, color: rgb(0.8, 0.8, 0.8), dashArray: [4, 4] };
	page.drawLine({ start: { x: CARD.w, y: 0 }, end: { x: CARD.w, y: A4.h }, ...line });
	page.drawLine({ start: { x: 0, y: CARD.h }, end: { x: A4.w, y: CARD.h }, ...line });
}

function drawLabel(page: PDFPage, font: PDFFont, label: Label, words: LabelWords, slot: number) {
	const left = (slot % 2) * CARD.w + PAD;
	const top = A4.h - Math.floor(slot / 2) * CARD.h - PAD;
	const width = CARD.w - 2 * PAD;
	let y = top;
	const text = (s: string, size: number, color = INK, x = left) => {
		y -= size;
		page.drawText(s, { x, y, size, font, color });
		y -= size * 0.45;
	};
	text(words.number(label.number), 10, GREY);
	if (label.award) {
		const colour = (label.awardKind && AWARD_COLOURS[label.awardKind]) || rgb(0.18, 0.49, 0.2);
		const size = 12;
		const w = font.widthOfTextAtSize(label.award, size);
		page.drawText(label.award, { x: left + width - w, y: top - 10, size, font, color: colour });
	}
	y -= 6;
	for (const line of wrap(font, label.title, 20, width, 3)) text(line, 20);
	y -= 2;
	text(label.pseudonym, 13);
	if (label.band) text(words.band(label.band), 11, GREY);
	y -= 6;
	const bottom = PAD + (label.url ? QR_SIZE + 8 : 14);
	const maxLines = Math.max(0, Math.floor((y - bottom) / (10 * 1.45)));
	if (label.about && maxLines > 0) {
		for (const line of wrap(font, shorten(label.about, ABOUT_MAX), 10, width, maxLines))
			text(line, 10, INK);
	}
	const baseY = top - CARD.h + 2 * PAD;
	if (label.url) {
		drawQr(page, label.url, left + width - QR_SIZE, baseY, QR_SIZE);
		const caption = wrap(font, words.scan, 8, width - QR_SIZE - 6, 2);
		caption.forEach((line, i) =>
			page.drawText(line, { x: left, y: baseY + 10 - i * 11, size: 8, font, color: GREY })
		);
	}
	const contest = wrap(font, words.contest, 8, label.url ? width - QR_SIZE - 6 : width, 1)[0];
	page.drawText(contest ?? '', { x: left, y: baseY - 8, size: 8, font, color: GREY });
}

/** Label text, for the font subset: every string a label may draw. */
function allText(labels: readonly Label[], words: LabelWords): string {
	const parts = [words.scan, words.contest, '…0123456789'];
	for (const l of labels) {
		parts.push(words.number(l.number), l.title, l.pseudonym, l.award ?? '', l.about);
		if (l.band) parts.push(words.band(l.band));
	}
	return parts.join('');
}

export async function makeLabelsPdf(
	labels: readonly Label[],
	words: LabelWords,
	options: { title?: string; onProgress?: (done: number) => void } = {}
): Promise<Uint8Array> {
	const pdf = await PDFDocument.create();
	pdf.setTitle(options.title ?? words.contest);
	pdf.setCreator('Sprout');
	const font = await embedPrintFont(pdf, allText(labels, words));
	let page: PDFPage | null = null;
	labels.forEach((label, i) => {
		if (i % 4 === 0) {
			page = pdf.addPage([A4.w, A4.h]);
			drawCutLines(page);
		}
		drawLabel(page!, font, label, words, i % 4);
		options.onProgress?.(i + 1);
	});
	return pdf.save();
}
