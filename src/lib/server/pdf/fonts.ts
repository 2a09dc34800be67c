/**
 * The embedded typeface: Noto Serif SC (covers Chinese, English and French) from the npm package
 * @expo-google-fonts/noto-serif-sc, so `npm ci` on a fresh machine brings it. Each file is ~15 MB;
 * PDFs get a subset holding only the characters they print (harfbuzz via subset-font), because
 * pdf-lib's own subsetting drops glyphs of this font.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import subsetFont from 'subset-font';

export type FontWeight = 'regular' | 'bold';

const FILES: Record<FontWeight, string> = {
	regular: '400Regular/NotoSerifSC_400Regular.ttf',
	bold: '700Bold/NotoSerifSC_700Bold.ttf'
};

/**
 * Noto Serif SC has no U+202F (French narrow no-break space): print a no-break space instead,
 * after line breaking has already treated both as glue.
 */
export function toPrintable(text: string): string {
	return text.replace(/\u202f/g, '\u00a0').replace(/\r?\n/g, ' ');
}

const files = new Map<FontWeight, Promise<Uint8Array>>();

function fontFile(weight: FontWeight): Promise<Uint8Array> {
	let file = files.get(weight);
	if (!file) {
		const packageDir = path.dirname(
			createRequire(import.meta.url).resolve('@expo-google-fonts/noto-serif-sc/package.json')
		);
		file = readFile(path.join(packageDir, FILES[weight]));
		// A failed read (package missing) must not be cached forever.
		file.catch(() => files.delete(weight));
		files.set(weight, file);
	}
	return file;
}

/** Characters every subset carries: the truncation ellipsis and the space. */
const ALWAYS = '… \u00a0';

/** The distinct characters of `texts`, sorted, as they will be printed. */
export function charactersOf(texts: Iterable<string>): string {
	const set = new Set<string>(ALWAYS);
	for (const text of texts) for (const ch of toPrintable(text)) set.add(ch);
	return [...set].sort().join('');
}

// Batches print the same characters again and again (per-child PDFs of one school): keep a few.
const SUBSET_CACHE_SIZE = 16;
const subsets = new Map<string, Promise<Uint8Array>>();

/** A TrueType subset of the weight holding the characters of `texts` (and their layout forms). */
export function subsetFor(weight: FontWeight, texts: Iterable<string>): Promise<Uint8Array> {
	const characters = charactersOf(texts);
	const key = `${weight}:${characters}`;
	let subset = subsets.get(key);
	if (subset) {
		subsets.delete(key);
	} else {
		subset = fontFile(weight).then(
			async (file) =>
				new Uint8Array(await subsetFont(file, characters, { targetFormat: 'truetype' }))
		);
		subset.catch(() => subsets.delete(key));
	}
	subsets.set(key, subset);
	while (subsets.size > SUBSET_CACHE_SIZE) subsets.delete(subsets.keys().next().value!);
	return subset;
}
