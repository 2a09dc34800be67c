import { describe, expect, it } from 'vitest';
import { A4_LANDSCAPE, createPdf, drawTextBox, readPdfText, textWidth } from './index.ts';

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

	it('measures the plain glyphs it prints (no ligatures or alternate digits)', async () => {
		const { fonts } = await createPdf({ regular: ['fi 2026'] });
		const sum = [...'fi 2026'].reduce((w, ch) => w + textWidth(fonts.regular, ch, 10), 0);
		expect(textWidth(fonts.regular, 'fi 2026', 10)).toBeCloseTo(sum, 3);
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
