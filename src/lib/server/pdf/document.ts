/**
 * PDF documents with the subset CJK font embedded, and text drawn into boxes. Callers collect
 * every string they will print first (the subset is built from them), then draw.
 */
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, type PDFFont, type PDFPage, rgb, type RGB } from 'pdf-lib';
import { charactersOf, type FontWeight, subsetFor, toPrintable } from './fonts.ts';
import { fitText, type FittedText } from './text.ts';

/** A4 landscape and portrait in PDF points (1/72 inch). */
export const A4_LANDSCAPE: [number, number] = [841.89, 595.28];
export const A4_PORTRAIT: [number, number] = [595.28, 841.89];
export const MM = 72 / 25.4;

// pdf-lib writes glyph widths for the font's plain cmap glyphs only: substitutions (ligatures,
// the font's proportional digits under 'locl') would print with wrong spacing, so they are off.
const PLAIN_FEATURES = {
	liga: false,
	clig: false,
	dlig: false,
	calt: false,
	rlig: false,
	locl: false,
	ccmp: false
};

export interface PdfMetadata {
	title?: string;
	/** BCP 47 language of the text, for screen readers and search (e.g. 'zh-CN', 'fr'). */
	language?: string;
	author?: string;
}

export interface PdfWithFonts<W extends FontWeight> {
	doc: PDFDocument;
	fonts: Record<W, PDFFont>;
}

const coverage = new WeakMap<PDFFont, Set<number>>();

/**
 * A new document with one subset font per weight, each holding the characters of the strings
 * given for it. Drawing a character that was not given throws (it would print as a blank box).
 */
export async function createPdf<W extends FontWeight>(
	texts: Record<W, Iterable<string>>,
	metadata: PdfMetadata = {}
): Promise<PdfWithFonts<W>> {
	const doc = await PDFDocument.create();
	doc.registerFontkit(fontkit);
	doc.setProducer('Sprout');
	doc.setCreator('Sprout');
	if (metadata.title) doc.setTitle(metadata.title, { showInWindowTitleBar: true });
	if (metadata.language) doc.setLanguage(metadata.language);
	if (metadata.author) doc.setAuthor(metadata.author);
	const fonts = {} as Record<W, PDFFont>;
	for (const weight of Object.keys(texts) as W[]) {
		const strings = [...texts[weight]];
		const font = await doc.embedFont(await subsetFor(weight, strings), {
			subset: false,
			features: PLAIN_FEATURES
		});
		coverage.set(font, new Set([...charactersOf(strings)].map((ch) => ch.codePointAt(0)!)));
		fonts[weight] = font;
	}
	return { doc, fonts };
}

function assertCovered(font: PDFFont, text: string): void {
	const set = coverage.get(font);
	if (!set) return;
	for (const ch of text) {
		if (!set.has(ch.codePointAt(0)!)) {
			throw new Error(`pdf: "${ch}" was not among the texts given to createPdf for this font`);
		}
	}
}

/** Width of `text` in points when printed with `font` at `size`. */
export function textWidth(font: PDFFont, text: string, size: number): number {
	return font.widthOfTextAtSize(toPrintable(text), size);
}

export interface Box {
	/** Left edge, in points from the page's left. */
	x: number;
	/** Bottom edge, in points from the page's bottom (PDF coordinates). */
	y: number;
	width: number;
	height: number;
}

export interface TextStyle {
	font: PDFFont;
	size: number;
	/** Shrink down to this size before truncating; defaults to `size` (no shrinking). */
	minSize?: number;
	lineHeight?: number;
	maxLines?: number;
	align?: 'left' | 'center' | 'right';
	valign?: 'top' | 'middle' | 'bottom';
	color?: RGB;
}

/**
 * Draws `text` wrapped inside `box`: shrinks it towards `minSize` when it is too long, then
 * truncates with an ellipsis. Returns what was drawn so callers can place things below it.
 */
export function drawTextBox(page: PDFPage, text: string, box: Box, style: TextStyle): FittedText {
	const { font } = style;
	assertCovered(font, toPrintable(text));
	const lineHeight = style.lineHeight ?? 1.3;
	const fitted = fitText(
		text,
		{
			maxWidth: box.width,
			maxHeight: box.height,
			size: style.size,
			minSize: style.minSize,
			lineHeight,
			maxLines: style.maxLines
		},
		(s, size) => textWidth(font, s, size)
	);
	const { size, lines } = fitted;
	const advance = size * lineHeight;
	const ascent = font.heightAtSize(size, { descender: false });
	const extent = font.heightAtSize(size);
	const blockHeight = lines.length * advance;
	const valign = style.valign ?? 'top';
	const blockTop =
		valign === 'top'
			? box.y + box.height
			: valign === 'bottom'
				? box.y + blockHeight
				: box.y + (box.height + blockHeight) / 2;
	lines.forEach((line, index) => {
		const printable = toPrintable(line);
		const width = font.widthOfTextAtSize(printable, size);
		const x =
			style.align === 'center'
				? box.x + (box.width - width) / 2
				: style.align === 'right'
					? box.x + box.width - width
					: box.x;
		const baseline = blockTop - index * advance - (advance - extent) / 2 - ascent;
		page.drawText(printable, { x, y: baseline, size, font, color: style.color ?? rgb(0, 0, 0) });
	});
	return fitted;
}

/** The height `drawTextBox` used for a fitted result, to stack boxes. */
export function fittedHeight(fitted: FittedText, lineHeight = 1.3): number {
	return fitted.lines.length * fitted.size * lineHeight;
}
