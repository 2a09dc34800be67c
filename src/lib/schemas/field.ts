/**
 * A tiny schema for the inputs of Sprout's forms: each field states its limits once, the form
 * reads them for `maxlength`/`required`/`min`/`max`, and the server parses with the same field.
 * Plain TypeScript (no schema library): it costs the client bundle a few hundred bytes and the
 * forms only need text and whole-number fields.
 */
import { normaliseText, textLength } from '../text/normalise.ts';

export interface TextField {
	/** At most this many characters (code points), after normalising. */
	readonly max: number;
	/** Empty (after normalising) is refused. */
	readonly required: boolean;
	readonly multiline: boolean;
}

export interface IntegerField {
	readonly min: number;
	readonly max: number;
}

export function textField(options: {
	max: number;
	required?: boolean;
	multiline?: boolean;
}): TextField {
	return { required: false, multiline: false, ...options };
}

export function integerField(min: number, max: number): IntegerField {
	return { min, max };
}

export type TextProblem = 'required' | 'tooLong';

export type Parsed<T, P extends string> = { ok: true; value: T } | { ok: false; problem: P };

/** Normalises, then checks: a non-string (a file, a missing field) reads as ''. */
export function parseText(field: TextField, raw: unknown): Parsed<string, TextProblem> {
	const value = normaliseText(typeof raw === 'string' ? raw : '', { multiline: field.multiline });
	if (field.required && value === '') return { ok: false, problem: 'required' };
	if (textLength(value) > field.max) return { ok: false, problem: 'tooLong' };
	return { ok: true, value };
}

/** Whole numbers typed as digits (or given as a number), within the field's range. */
export function parseInteger(field: IntegerField, raw: unknown): Parsed<number, 'range'> {
	const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
	if (!/^\d{1,6}$/.test(text)) return { ok: false, problem: 'range' };
	const value = Number(text);
	return value >= field.min && value <= field.max
		? { ok: true, value }
		: { ok: false, problem: 'range' };
}
