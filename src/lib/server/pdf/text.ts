/**
 * Line breaking and fitting for printed text, independent of pdf-lib so it runs in unit tests
 * with any width function. Chinese breaks between characters, other scripts at spaces; a few
 * punctuation marks never start (or end) a line, as a typesetter would expect.
 */

/** Width of `text` at font size `size`, in the same unit as the box (PDF points). */
export type MeasureText = (text: string, size: number) => number;

// Marks that must not begin a line (closing brackets, CJK and Latin stops) and that must not end one.
const NO_LINE_START = new Set([...')]}）》」』〉】〕”’»，。、！？：；,.!?:;…%‰～']);
const NO_LINE_END = new Set([...'([{（《「『〈【〔“‘«']);
// Non-breaking spaces glue their neighbours (French puts U+202F before ; : ! ? » and after «).
const NO_BREAK_SPACES = new Set(['\u00a0', '\u202f', '\u2007', '\u2060']);

function isCjk(ch: string): boolean {
	const cp = ch.codePointAt(0) ?? 0;
	return (
		(cp >= 0x2e80 && cp <= 0x9fff) ||
		(cp >= 0xf900 && cp <= 0xfaff) ||
		(cp >= 0xfe30 && cp <= 0xfe4f) ||
		(cp >= 0xff00 && cp <= 0xffef) ||
		(cp >= 0x20000 && cp <= 0x3ffff)
	);
}

function canBreakBetween(before: string, after: string): boolean {
	if (NO_BREAK_SPACES.has(before) || NO_BREAK_SPACES.has(after)) return false;
	if (NO_LINE_START.has(after) || NO_LINE_END.has(before)) return false;
	return isCjk(before) || isCjk(after);
}

interface Unit {
	text: string;
	/** A breaking space came before it: kept inside a line, dropped at a line start. */
	spaced: boolean;
}

/** Splits text into paragraphs of unbreakable units. */
function toParagraphs(text: string): Unit[][] {
	return text.split(/\r?\n/).map((paragraph) => {
		const units: Unit[] = [];
		let current = '';
		let last = '';
		let spaced = false;
		const flush = () => {
			if (current) units.push({ text: current, spaced });
			current = '';
			spaced = false;
		};
		for (const ch of paragraph) {
			if (/\s/.test(ch) && !NO_BREAK_SPACES.has(ch)) {
				flush();
				spaced = units.length > 0;
				last = '';
				continue;
			}
			if (current && canBreakBetween(last, ch)) flush();
			current += ch;
			last = ch;
		}
		flush();
		return units;
	});
}

/** Cuts a unit too wide for any line into pieces that fit (at least one character each). */
function splitOversized(text: string, maxWidth: number, width: (s: string) => number): string[] {
	const pieces: string[] = [];
	let piece = '';
	for (const ch of text) {
		if (piece && width(piece + ch) > maxWidth) {
			pieces.push(piece);
			piece = '';
		}
		piece += ch;
	}
	if (piece) pieces.push(piece);
	return pieces;
}

/** Greedy line breaking of `text` into lines no wider than `maxWidth` at `size`. */
export function wrapText(
	text: string,
	maxWidth: number,
	size: number,
	measure: MeasureText
): string[] {
	const width = (s: string) => measure(s, size);
	const lines: string[] = [];
	for (const units of toParagraphs(text)) {
		let line = '';
		for (const unit of units) {
			const candidate = line ? line + (unit.spaced ? ' ' : '') + unit.text : unit.text;
			if (width(candidate) <= maxWidth) {
				line = candidate;
				continue;
			}
			if (line) lines.push(line);
			if (width(unit.text) <= maxWidth) {
				line = unit.text;
				continue;
			}
			const pieces = splitOversized(unit.text, maxWidth, width);
			line = pieces.pop() ?? '';
			lines.push(...pieces);
		}
		lines.push(line);
	}
	return lines;
}

export interface FitOptions {
	maxWidth: number;
	maxHeight: number;
	/** Preferred size; shrunk step by step down to `minSize` until the text fits. */
	size: number;
	minSize?: number;
	/** Line advance as a multiple of the size. */
	lineHeight?: number;
	maxLines?: number;
}

export interface FittedText {
	size: number;
	lines: string[];
	/** The text did not fit even at minSize: the last line ends with an ellipsis. */
	truncated: boolean;
}

const ELLIPSIS = '…';

/**
 * Finds the largest size (between minSize and size) at which the text fits the box; when even
 * the smallest does not fit, keeps the lines that do and ends the last one with an ellipsis.
 */
export function fitText(text: string, options: FitOptions, measure: MeasureText): FittedText {
	const lineHeight = options.lineHeight ?? 1.3;
	const minSize = Math.min(options.minSize ?? options.size, options.size);
	const linesThatFit = (size: number) =>
		Math.min(
			options.maxLines ?? Infinity,
			Math.max(1, Math.floor((options.maxHeight + 1e-6) / (size * lineHeight)))
		);
	let size = options.size;
	for (;;) {
		const lines = wrapText(text, options.maxWidth, size, measure);
		if (lines.length <= linesThatFit(size)) return { size, lines, truncated: false };
		const next = Math.max(minSize, Math.round((size - Math.max(0.5, size * 0.05)) * 2) / 2);
		if (next >= size) break;
		size = next;
	}
	const kept = wrapText(text, options.maxWidth, size, measure).slice(0, linesThatFit(size));
	let last = kept.pop() ?? '';
	while (last && measure(last + ELLIPSIS, size) > options.maxWidth)
		last = [...last].slice(0, -1).join('');
	kept.push(last.trimEnd() + ELLIPSIS);
	return { size, lines: kept, truncated: true };
}
