import { describe, expect, it } from 'vitest';
import { safeRedirectPath } from './redirects.ts';

describe('safeRedirectPath', () => {
	it('keeps same-site paths with their query and hash', () => {
		expect(safeRedirectPath('/classroom?x=1')).toBe('/classroom?x=1');
		expect(safeRedirectPath('/judge/round/3#entry-7')).toBe('/judge/round/3#entry-7');
		expect(safeRedirectPath('/')).toBe('/');
	});

	it('falls back for anything that could leave the site', () => {
		for (const evil of [
			'//evil.example',
			'/\\evil.example',
			'https://x',
			'http://evil.example/path',
			'javascript:alert(1)',
			'evil.example',
			'\\\\evil.example'
		]) {
			expect(safeRedirectPath(evil)).toBe('/');
		}
	});

	it('refuses control characters that browsers strip before resolving', () => {
		for (const evil of [
			'/\t/evil.example',
			'/\n/evil.example',
			'/studio\r\nSet-Cookie: x=1',
			'/\0'
		]) {
			expect(safeRedirectPath(evil)).toBe('/');
		}
	});

	it('uses the fallback for empty, missing and oversized values', () => {
		expect(safeRedirectPath(null, '/login')).toBe('/login');
		expect(safeRedirectPath(undefined, '/login')).toBe('/login');
		expect(safeRedirectPath('', '/login')).toBe('/login');
		expect(safeRedirectPath('/' + 'a'.repeat(2000), '/login')).toBe('/login');
		expect(safeRedirectPath('/' + 'a'.repeat(1998), '/login')).toHaveLength(1999);
	});
});
