/**
 * The labels' font: Noto Serif SC (Chinese, Latin, French accents) from the npm package, so a
 * fresh `npm install` brings it, subset to the characters a document uses — the full font is
 * 15 MB, a subset for a few dozen labels a few hundred KB.
 */
import fontkit from '@pdf-lib/fontkit';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { PDFDocument, PDFFont } from 'pdf-lib';
import subsetFont from 'subset-font';

const require = createRequire(import.meta.url);
let full: Promise<Buffer> | undefined;

function fullFont(): Promise<Buffer> {
	full ??= readFile(
		require.resolve('@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf')
	).catch((err: unknown) => {
		full = undefined;
		throw err;
	});
	return full;
}

/** Embeds the font subset to `text` (every string the document will draw, concatenated). */
export async function embedPrintFont(pdf: PDFDocument, text: string): Promise<PDFFont> {
	const chars = [...new Set(text)].join('') || ' ';
	const subset = await subsetFont(await fullFont(), chars, { targetFormat: 'sfnt' });
	pdf.registerFontkit(fontkit);
	return pdf.embedFont(subset, { subset: false });
}
