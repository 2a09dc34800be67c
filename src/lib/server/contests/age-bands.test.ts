import { describe, expect, it } from 'vitest';
import { formatAgeBands, parseAgeBands } from './age-bands.ts';

describe('parseAgeBands', () => {
	it('reads ranges with default and custom labels, sorted by age', () => {
		const result = parseAgeBands('12-15: 初中组\n6-8\r\n\n 9–11 Middle sprouts ');
		expect(result).toEqual({
			ok: true,
			bands: [
				{ label: '6–8', minAge: 6, maxAge: 8 },
				{ label: 'Middle sprouts', minAge: 9, maxAge: 11 },
				{ label: '初中组', minAge: 12, maxAge: 15 }
			]
		});
	});

	it('accepts the separators people type in Chinese', () => {
		const result = parseAgeBands('6至8\n9～11 中年级\n12到15，高年级');
		expect(result.ok && result.bands.map((b) => [b.minAge, b.maxAge, b.label])).toEqual([
			[6, 8, '6–8'],
			[9, 11, '中年级'],
			[12, 15, '高年级']
		]);
	});

	it('allows an empty list and a single-age band', () => {
		expect(parseAgeBands('  \n')).toEqual({ ok: true, bands: [] });
		expect(parseAgeBands('7-7')).toEqual({
			ok: true,
			bands: [{ label: '7–7', minAge: 7, maxAge: 7 }]
		});
	});

	it('names the line of a malformed band', () => {
		expect(parseAgeBands('6-8\nnine to eleven')).toEqual({
			ok: false,
			error: 'contests.error.ageBand.format',
			line: 2
		});
		expect(parseAgeBands('6')).toMatchObject({ error: 'contests.error.ageBand.format', line: 1 });
		expect(parseAgeBands('-3-8')).toMatchObject({ error: 'contests.error.ageBand.format' });
	});

	it('keeps ages between 4 and 18, lowest first', () => {
		expect(parseAgeBands('3-6')).toMatchObject({ error: 'contests.error.ageBand.range' });
		expect(parseAgeBands('16-19')).toMatchObject({ error: 'contests.error.ageBand.range' });
		expect(parseAgeBands('9-6')).toMatchObject({ error: 'contests.error.ageBand.range' });
		expect(parseAgeBands('4-18').ok).toBe(true);
	});

	it('refuses overlapping bands, even when they touch by one year', () => {
		expect(parseAgeBands('6-8\n8-10')).toEqual({
			ok: false,
			error: 'contests.error.ageBand.overlap',
			line: 2
		});
		expect(parseAgeBands('6-12\n8-9')).toMatchObject({ error: 'contests.error.ageBand.overlap' });
		expect(parseAgeBands('6-8\n9-10').ok).toBe(true);
	});

	it('limits label length and the number of bands', () => {
		expect(parseAgeBands(`6-8 ${'x'.repeat(41)}`)).toMatchObject({
			error: 'contests.error.ageBand.label'
		});
		const eleven = Array.from({ length: 11 }, (_, i) => `${4 + i}-${4 + i}`).join('\n');
		expect(parseAgeBands(eleven)).toMatchObject({
			error: 'contests.error.ageBand.tooMany',
			line: 11
		});
	});
});

describe('formatAgeBands', () => {
	it('round-trips through the parser', () => {
		const text = '6-8\n9-11 Middle sprouts\n12-15 初中组';
		const parsed = parseAgeBands(text);
		expect(parsed.ok && formatAgeBands(parsed.bands)).toBe(text);
	});
});
