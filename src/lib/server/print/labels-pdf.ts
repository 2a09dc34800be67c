/**
 * Wall labels as a PDF: A4 portrait sheets of four A6 labels (cut along the grey lines), each
 * with the label number, title, pseudonym, age band, award, the child's words shortened and —
 * for works shown publicly — a QR code to the artwork's page, drawn as vector squares so it
 * prints sharp at any size.
 */
import { rgb, type PDFFont, type PDFPage, type RGB } from 'pdf-lib';
import { encode } from 'uqr';
import { A4_PORTRAIT, createPdf, drawTextBox, fittedHeight, MM, type Box } from '../pdf/index.ts';

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

const A4 = { w: A4_PORTRAIT[0], h: A4_PORTRAIT[1] };
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

interface Fonts {
	regular: PDFFont;
	bold: PDFFont;
}

function drawLabel(page: PDFPage, fonts: Fonts, label: Label, words: LabelWords, slot: number) {
	const left = (slot % 2) * CARD.w + PAD;
	const top = A4.h - Math.floor(slot / 2) * CARD.h - PAD;
	const bottom = top - CARD.h + 2 * PAD;
	const width = CARD.w - 2 * PAD;
	let y = top;
	/** Draws a text box from `y` down, `height` tall at most, and moves `y` below what it drew. */
	const stack = (
		text: string,
		height: number,
		style: Parameters<typeof drawTextBox>[3],
		gap = 4
	) => {
		const box: Box = { x: left, y: y - height, width, height };
		const fitted = drawTextBox(page, text, box, style);
		y -= fittedHeight(fitted, style.lineHeight ?? 1.3) + gap;
	};
	const head: Box = { x: left, y: top - 14, width, height: 14 };
	drawTextBox(page, words.number(label.number), head, {
		font: fonts.regular,
		size: 10,
		color: GREY
	});
	if (label.award) {
		const color = (label.awardKind && AWARD_COLOURS[label.awardKind]) || rgb(0.18, 0.49, 0.2);
		drawTextBox(page, label.award, head, { font: fonts.bold, size: 12, align: 'right', color });
	}
	y -= 22;
	stack(label.title, 80, { font: fonts.bold, size: 20, minSize: 14, maxLines: 3, color: INK }, 6);
	stack(label.pseudonym, 18, { font: fonts.regular, size: 13, maxLines: 1, color: INK }, 2);
	if (label.band)
		stack(words.band(label.band), 15, { font: fonts.regular, size: 11, color: GREY }, 8);
	const floor = bottom + (label.url ? QR_SIZE + 6 : 14);
	if (label.about.trim() && y - floor > 12) {
		stack(shorten(label.about, ABOUT_MAX), y - floor, {
			font: fonts.regular,
			size: 10,
			lineHeight: 1.45,
			color: INK
		});
	}
	const footWidth = label.url ? width - QR_SIZE - 6 : width;
	if (label.url) {
		drawQr(page, label.url, left + width - QR_SIZE, bottom, QR_SIZE);
		drawTextBox(
			page,
			words.scan,
			{ x: left, y: bottom + 12, width: footWidth, height: 24 },
			{
				font: fonts.regular,
				size: 8,
				valign: 'bottom',
				color: GREY
			}
		);
	}
	drawTextBox(
		page,
		words.contest,
		{ x: left, y: bottom - 4, width: footWidth, height: 12 },
		{
			font: fonts.regular,
			size: 8,
			maxLines: 1,
			color: GREY
		}
	);
}

/** Label text, for the font subset: every string a label may draw. */
function allText(labels: readonly Label[], words: LabelWords): string[] {
	const parts = [words.scan, words.contest];
	for (const l of labels) {
		parts.push(
			words.number(l.number),
			l.title,
			l.pseudonym,
			l.award ?? '',
			shorten(l.about, ABOUT_MAX)
		);
		if (l.band) parts.push(words.band(l.band));
	}
	return parts;
}

export async function makeLabelsPdf(
	labels: readonly Label[],
	words: LabelWords,
	options: { language?: string; onProgress?: (done: number) => void } = {}
): Promise<Uint8Array> {
	const texts = allText(labels, words);
	const { doc, fonts } = await createPdf(
		{ regular: texts, bold: labels.flatMap((l) => [l.title, l.award ?? '']) },
		{ title: words.contest, ...(options.language ? { language: options.language } : {}) }
	);
	let page: PDFPage | null = null;
	labels.forEach((label, i) => {
		if (i % 4 === 0) {
			page = doc.addPage(A4_PORTRAIT);
			drawCutLines(page);
		}
		drawLabel(page!, fonts, label, words, i % 4);
		options.onProgress?.(i + 1);
	});
	return doc.save();
}
