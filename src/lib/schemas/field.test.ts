import { describe, expect, it } from 'vitest';
import { ENTRY_FORM, REVIEW_FORM } from './entry.ts';
import { parseInteger, parseText } from './field.ts';

describe('parseText', () => {
	it('normalises before it checks, so what is stored is what was counted', () => {
		expect(parseText(ENTRY_FORM.title, ' My\u0000 tree\u202E ')).toEqual({
			ok: true,
			value: 'My tree'
		});
	});

	it('refuses a required field that is blank or only invisible characters', () => {
		for (const raw of ['', '  ', '\u200B', '\u200B\u200C', undefined, 42])
			expect(parseText(ENTRY_FORM.title, raw)).toEqual({ ok: false, problem: 'required' });
		expect(parseText(ENTRY_FORM.about, '\u200B')).toEqual({ ok: true, value: '' });
	});

	it('counts the limit in characters, after normalising', () => {
		expect(parseText(ENTRY_FORM.title, '🌳'.repeat(60)).ok).toBe(true);
		expect(parseText(ENTRY_FORM.title, '🌳'.repeat(61))).toEqual({ ok: false, problem: 'tooLong' });
		expect(parseText(ENTRY_FORM.title, `${'a'.repeat(60)}\u0000\u0000`).ok).toBe(true);
	});

	it('keeps line breaks only in multi-line fields', () => {
		expect(parseText(REVIEW_FORM.message, 'Nice!\nAdd a sun?')).toEqual({
			ok: true,
			value: 'Nice!\nAdd a sun?'
		});
		expect(parseText(ENTRY_FORM.title, 'Two\nlines')).toEqual({ ok: true, value: 'Two lines' });
	});
});

describe('parseInteger', () => {
	it('takes whole numbers in range, typed or given', () => {
		expect(parseInteger(ENTRY_FORM.age, ' 9 ')).toEqual({ ok: true, value: 9 });
		expect(parseInteger(ENTRY_FORM.age, 18)).toEqual({ ok: true, value: 18 });
		for (const raw of ['3', '19', '9.5', '-9', 'nine', '', null, 1e9])
			expect(parseInteger(ENTRY_FORM.age, raw).ok, String(raw)).toBe(false);
	});
});
