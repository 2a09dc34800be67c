// subset-font ships no types; only what print-font.ts calls.
declare module 'subset-font' {
	export default function subsetFont(
		font: Buffer,
		text: string,
		options?: { targetFormat?: 'sfnt' | 'woff' | 'woff2' }
	): Promise<Buffer>;
}
