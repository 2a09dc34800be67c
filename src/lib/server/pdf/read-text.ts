/**
 * Reads back the text of PDFs this project writes (pdf-lib, Identity-H fonts with a ToUnicode
 * map), one string per page with one line per text-showing operator. For tests and checks of our
 * own output — CI machines have no poppler, and this needs no other dependency. Not a general
 * PDF text extractor.
 */
import {
	decodePDFRawStream,
	PDFArray,
	PDFDict,
	PDFDocument,
	PDFName,
	PDFRawStream,
	PDFRef,
	type PDFObject
} from 'pdf-lib';

function streamText(doc: PDFDocument, object: PDFObject | undefined): string {
	const resolved = object instanceof PDFRef ? doc.context.lookup(object) : object;
	if (resolved instanceof PDFArray) {
		return resolved
			.asArray()
			.map((part) => streamText(doc, part))
			.join('\n');
	}
	if (!(resolved instanceof PDFRawStream)) return '';
	return Buffer.from(decodePDFRawStream(resolved).decode()).toString('latin1');
}

/** Glyph code (hex, 4 digits) → text, from a ToUnicode CMap's bfchar and bfrange entries. */
function parseToUnicode(cmap: string): Map<string, string> {
	const map = new Map<string, string>();
	const hexToText = (hex: string) => {
		const units: number[] = [];
		for (let i = 0; i + 4 <= hex.length; i += 4) units.push(parseInt(hex.slice(i, i + 4), 16));
		return String.fromCharCode(...units);
	};
	for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
		for (const [, code, text] of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) {
			map.set(code!.toLowerCase().padStart(4, '0'), hexToText(text!));
		}
	}
	for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
		for (const [, from, to, start] of block[1]!.matchAll(
			/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g
		)) {
			const first = parseInt(from!, 16);
			const base = parseInt(start!, 16);
			for (let code = first; code <= parseInt(to!, 16); code++) {
				map.set(code.toString(16).padStart(4, '0'), String.fromCharCode(base + code - first));
			}
		}
	}
	return map;
}

function fontMaps(
	doc: PDFDocument,
	resources: PDFDict | undefined
): Map<string, Map<string, string>> {
	const maps = new Map<string, Map<string, string>>();
	const fonts = resources?.lookupMaybe(PDFName.of('Font'), PDFDict);
	for (const [name, ref] of fonts?.entries() ?? []) {
		const font = doc.context.lookup(ref);
		if (!(font instanceof PDFDict)) continue;
		const toUnicode = font.get(PDFName.of('ToUnicode'));
		maps.set(name.asString(), toUnicode ? parseToUnicode(streamText(doc, toUnicode)) : new Map());
	}
	return maps;
}

function decodeHex(hex: string, map: Map<string, string> | undefined): string {
	const clean = hex.replace(/\s+/g, '').toLowerCase();
	if (!map || map.size === 0) {
		// A simple (standard) font: one byte per character.
		let text = '';
		for (let i = 0; i + 2 <= clean.length; i += 2)
			text += String.fromCharCode(parseInt(clean.slice(i, i + 2), 16));
		return text;
	}
	let text = '';
	for (let i = 0; i + 4 <= clean.length; i += 4) text += map.get(clean.slice(i, i + 4)) ?? '\ufffd';
	return text;
}

const TOKENS =
	/\/([^\s/<>[\]()]+)|<([0-9a-fA-F\s]*)>|\(((?:\\.|[^\\)])*)\)|(\[)|(\])|([A-Za-z*'"]+)|(-?[\d.]+)/g;

/** The text of each page of `bytes`, lines separated by '\n'. */
export async function readPdfText(bytes: Uint8Array): Promise<string[]> {
	const doc = await PDFDocument.load(bytes, { updateMetadata: false });
	return doc.getPages().map((page) => {
		const maps = fontMaps(doc, page.node.Resources());
		const content = streamText(doc, page.node.get(PDFName.of('Contents')));
		const lines: string[] = [];
		let font: string | undefined;
		let lastName: string | undefined;
		let pending: string[] = [];
		for (const m of content.matchAll(TOKENS)) {
			const [, name, hex, literal, , , operator] = m;
			if (name !== undefined) lastName = `/${name}`;
			else if (hex !== undefined) pending.push(decodeHex(hex, font ? maps.get(font) : undefined));
			else if (literal !== undefined) pending.push(literal.replace(/\\(.)/g, '$1'));
			else if (operator === 'Tf') font = lastName;
			else if (operator === 'Tj' || operator === 'TJ' || operator === "'" || operator === '"') {
				lines.push(pending.join(''));
				pending = [];
			} else if (operator) pending = [];
		}
		return lines.join('\n');
	});
}
