// subset-font ships no types; this is the part of its API the pdf module uses.
declare module 'subset-font' {
	interface SubsetFontOptions {
		targetFormat?: 'sfnt' | 'truetype' | 'woff' | 'woff2';
		preserveNameIds?: number[];
		noLayoutClosure?: boolean;
	}
	export default function subsetFont(
		font: Uint8Array,
		text: string,
		options?: SubsetFontOptions
	): Promise<Buffer>;
}
