/**
 * The one normaliser every user-entered string goes through before it is checked or stored
 * (class, school, child and user names, titles, messages, contest texts). Shared by the forms and
 * the server through src/lib/schemas, so what a form counts is what the server keeps.
 *
 * - NFC, so "é" typed two ways is one string and counts as one character;
 * - control characters (NUL and friends) go: they break CSV exports and PostgreSQL text;
 * - bidi overrides and isolates (U+202A–U+202E, U+2066–U+2069) go: they let a name display
 *   backwards on the public class list;
 * - leading and trailing blanks go, including zero-width ones, and a string with nothing visible
 *   left counts as empty. Zero-width joiners inside the text stay (emoji families need them).
 */

/** C0/C1 controls and DEL, except the line breaks and tab a multi-line text keeps for now. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
const BIDI_OVERRIDE = /[\u202A-\u202E\u2066-\u2069]/g;
/** Characters that take no room: zero-width space/joiners, word joiner, BOM, bidi marks. */
const INVISIBLE = '\\u200B-\\u200F\\u2060\\uFEFF\\u061C';
const EDGES = new RegExp(`^[\\s${INVISIBLE}]+|[\\s${INVISIBLE}]+$`, 'gu');
const NOTHING_VISIBLE = new RegExp(`^[\\s${INVISIBLE}]*$`, 'u');

export interface NormaliseOptions {
	/** Keep line breaks (as \n); otherwise every line break and tab becomes a space. */
	multiline?: boolean;
}

export function normaliseText(raw: string, options: NormaliseOptions = {}): string {
	let text = raw.normalize('NFC').replace(CONTROL, '').replace(BIDI_OVERRIDE, '');
	text = text.replace(/\r\n?/g, '\n').replace(/\t/g, ' ');
	if (!options.multiline) text = text.replace(/\n/g, ' ');
	text = text.replace(EDGES, '');
	return NOTHING_VISIBLE.test(text) ? '' : text;
}

/** Code points, not UTF-16 units: an emoji or a rare hanzi counts as one character. */
export function textLength(text: string): number {
	return [...text].length;
}
