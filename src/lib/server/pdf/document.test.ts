import {
	decodePDFRawStream,
	PDFArray,
	PDFDict,
	PDFDocument,
	PDFName,
	PDFNumber,
	PDFRawStream
} from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { A4_LANDSCAPE, createPdf, drawTextBox, readPdfText, textWidth } from './index.ts';

/** Glyph ids drawn on the first page, and the widths the font dictionary gives glyphs. */
async function glyphWidths(bytes: Uint8Array) {
	const doc = await PDFDocument.load(bytes);
	const widths = new Map<number, number>();
	for (const [, object] of doc.context.enumerateIndirectObjects()) {
		if (!(object instanceof PDFDict)) continue;
		if (object.get(PDFName.of('Subtype'))?.toString() !== '/CIDFontType2') continue;
		const w = object.lookup(PDFName.of('W'), PDFArray).asArray();
		for (let i = 0; i + 1 < w.length; i += 2) {
			const first = (w[i] as PDFNumber).asNumber();
			const list = doc.context.lookup(w[i + 1]!, PDFArray).asArray();
			list.forEach((width, k) => widths.set(first + k, (width as PDFNumber).asNumber()));
		}
	}
	const contents = doc.getPages()[0]!.node.Contents();
	const stream = contents instanceof PDFArray ? contents.lookup(0, PDFRawStream) : contents;
	const text = Buffer.from(decodePDFRawStream(stream as PDFRawStream).decode()).toString('latin1');
	const drawn = new Set<number>();
	for (const [, hex] of text.matchAll(/<([0-9A-Fa-f]+)>\s*Tj/g))
		for (let i = 0; i < hex!.length; i += 4) drawn.add(parseInt(hex!.slice(i, i + 4), 16));
	return { drawn, widths };
}

describe('createPdf', () => {
	it('embeds a small font subset and prints Chinese, French and English text', async () => {
		const title = '荣誉证书';
		const body = '小明在「春天的花园」里画了一只猫。Léa a gagné le prix\u202f! «\u202fBravo\u202f»';
		const { doc, fonts } = await createPdf(
			{ regular: [body], bold: [title] },
			{ language: 'zh-CN' }
		);
		const page = doc.addPage(A4_LANDSCAPE);
		drawTextBox(
			page,
			title,
			{ x: 50, y: 450, width: 700, height: 80 },
			{
				font: fonts.bold,
				size: 48,
				align: 'center'
			}
		);
		const fitted = drawTextBox(
			page,
			body,
			{ x: 50, y: 100, width: 200, height: 300 },
			{
				font: fonts.regular,
				size: 16
			}
		);
		expect(fitted.lines.length).toBeGreaterThan(1);
		const bytes = await doc.save();
		expect(bytes.length).toBeLessThan(120 * 1024);

		const [text] = await readPdfText(bytes);
		expect(text!.split('\n')[0]).toBe(title);
		// Lines break anywhere in this narrow box: compare without white space.
		const flat = text!.replace(/\s/g, '');
		expect(flat).toContain('小明在「春天的花园」里画了一只猫。');
		expect(flat).toContain('Léaagagnéleprix!«Bravo»');
	});

	it('gives substituted glyphs (Latin quotes, digits, ligatures) their true widths', async () => {
		const text = 'Certificate ’2026’ “fine”';
		const { doc, fonts } = await createPdf({ regular: [text] }, { language: 'en' });
		const page = doc.addPage(A4_LANDSCAPE);
		drawTextBox(
			page,
			text,
			{ x: 50, y: 50, width: 700, height: 100 },
			{
				font: fonts.regular,
				size: 20
			}
		);
		const bytes = await doc.save();
		expect((await readPdfText(bytes))[0]).toBe(text);
		// Every glyph drawn has a width entry: none falls back to the 1 em default.
		const { drawn, widths } = await glyphWidths(bytes);
		expect(drawn.size).toBeGreaterThan(10);
		for (const id of drawn) expect(widths.get(id), `glyph ${id}`).toBeLessThan(1000);
		expect(textWidth(fonts.regular, '’', 20)).toBeLessThan(10);
	});

	it('refuses to draw a character that is not in the subset', async () => {
		const { doc, fonts } = await createPdf({ regular: ['abc'] });
		const page = doc.addPage();
		expect(() =>
			drawTextBox(
				page,
				'猫',
				{ x: 0, y: 0, width: 100, height: 100 },
				{ font: fonts.regular, size: 12 }
			)
		).toThrow(/not among the texts/);
	});
});
