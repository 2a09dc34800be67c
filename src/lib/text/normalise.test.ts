import { describe, expect, it } from 'vitest';
import { normaliseText, textLength } from './normalise.ts';

describe('normaliseText', () => {
	it('composes to NFC, so the same letter typed two ways is one string', () => {
		const decomposed = 'Cle\u0301ment';
		expect(normaliseText(decomposed)).toBe('Clément');
		expect(textLength(normaliseText(decomposed))).toBe(7);
	});

	it('removes NUL and every other control character', () => {
		expect(normaliseText('Class\u0000 3\u0007B\u001b\u007f\u0085')).toBe('Class 3B');
	});

	it('removes bidi overrides and isolates that would turn a name around', () => {
		const tricks = '\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069';
		expect(normaliseText(`Ali\u202Ecegap`)).toBe('Alicegap');
		expect(normaliseText(`${tricks}王小明${tricks}`)).toBe('王小明');
	});

	it('counts a string with nothing visible as empty', () => {
		for (const blank of [
			'',
			'   ',
			'\u200B',
			'\u200B\u200B ',
			'\u3000',
			'\uFEFF\u200D',
			'\u202E',
			'\n\t'
		])
			expect(normaliseText(blank), JSON.stringify(blank)).toBe('');
	});

	it('trims blanks and zero-width characters at the edges only', () => {
		expect(normaliseText('\u200B  Forest song \u200B')).toBe('Forest song');
		// Emoji families are joined with U+200D: inside the text it stays.
		expect(normaliseText('👨\u200D👩\u200D👧')).toBe('👨\u200D👩\u200D👧');
	});

	it('turns line breaks and tabs into spaces in one-line text, keeps lines in multi-line text', () => {
		expect(normaliseText('a\r\nb\tc')).toBe('a b c');
		expect(normaliseText('line one\r\nline two\rthree', { multiline: true })).toBe(
			'line one\nline two\nthree'
		);
	});

	it('leaves ordinary text of every language alone', () => {
		for (const text of ['绿色星球', 'Forêt « vivante »', '🌱 Sprout', 'Ω≈ç√'])
			expect(normaliseText(text)).toBe(text);
	});

	it('counts code points: an emoji or a rare hanzi is one character', () => {
		expect(textLength('🌳𠀀a')).toBe(3);
	});
});
