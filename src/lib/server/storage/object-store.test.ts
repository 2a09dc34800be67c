import { describe, expect, it } from 'vitest';
import { assertValidKey, assertValidPrefix, InvalidKeyError, isValidKey } from './object-store.ts';

describe('assertValidKey', () => {
	it.each([
		'a',
		'public/entries/42/drawing.webp',
		'private/2026/x_y-z.v2.png',
		'A9/b.',
		'a'.repeat(128),
		Array.from({ length: 16 }, () => 'seg').join('/')
	])('accepts %j', (key) => {
		expect(() => assertValidKey(key)).not.toThrow();
		expect(isValidKey(key)).toBe(true);
	});

	it.each([
		['empty', ''],
		['dot-dot', '..'],
		['single dot', '.'],
		['dot-dot in the middle', 'a/../b'],
		['dot-dot at the end', 'a/..'],
		['absolute path', '/abs'],
		['trailing slash', 'a/'],
		['empty segment', 'a//b'],
		['backslash', 'a\\b'],
		['backslash traversal', '..\\etc\\passwd'],
		['hidden file', '.hidden'],
		['hidden segment', 'a/.x'],
		['NUL', 'a\0b'],
		['percent-encoded dots', '%2e%2e'],
		['percent-encoded slash', 'a%2fb'],
		['space', 'a b'],
		['newline', 'a\nb'],
		['colon (Windows drive, URL scheme)', 'c:/x'],
		['key over 512 characters', Array.from({ length: 5 }, () => 'a'.repeat(110)).join('/')],
		['segment over 128 characters', 'a'.repeat(129)],
		['more than 16 segments', Array.from({ length: 17 }, () => 'a').join('/')],
		['fullwidth dots', '\uff0e\uff0e/etc'],
		['fullwidth solidus', 'a\uff0fb'],
		['one-dot leader', '\u2024\u2024'],
		['combining mark', 'e\u0301.png'],
		['right-to-left override', 'a\u202egnp.exe'],
		['zero-width space', 'a\u200b'],
		['non-ASCII letter', 'caf\u00e9']
	])('rejects %s', (_, key) => {
		expect(() => assertValidKey(key)).toThrow(InvalidKeyError);
		expect(isValidKey(key)).toBe(false);
	});

	it('rejects non-strings that slip past the type system', () => {
		expect(() => assertValidKey(undefined as unknown as string)).toThrow(InvalidKeyError);
		expect(() => assertValidKey(42 as unknown as string)).toThrow(InvalidKeyError);
	});

	it('keeps the error message short for huge keys', () => {
		expect(() => assertValidKey('x'.repeat(100_000))).toThrow(/^invalid object key: "x{200}"$/);
	});
});

describe('assertValidPrefix', () => {
	it.each(['', 'public/', 'public/ab', 'a/b/c'])('accepts %j', (prefix) => {
		expect(() => assertValidPrefix(prefix)).not.toThrow();
	});

	it.each(['/', '../', 'a//', '/abs', '.meta/', 'a/./'])('rejects %j', (prefix) => {
		expect(() => assertValidPrefix(prefix)).toThrow(InvalidKeyError);
	});
});
