import { describe, expect, it } from 'vitest';
import { selectAdvancing } from './advancement.ts';

const ranked = (ranks: number[], bandId: string | null = null, prefix = 'e') =>
	ranks.map((rank, i) => ({ entryId: `${prefix}${i + 1}`, rank, bandId }));
const sorted = (set: Set<string>) => [...set].sort();

describe('selectAdvancing', () => {
	it('takes the top N and everyone tied at the cut', () => {
		expect(
			sorted(selectAdvancing(ranked([1, 2, 3, 4]), { kind: 'top_n', value: 2, perBand: false }))
		).toEqual(['e1', 'e2']);
		expect(
			sorted(selectAdvancing(ranked([1, 2, 2, 4]), { kind: 'top_n', value: 2, perBand: false }))
		).toEqual(['e1', 'e2', 'e3']);
		expect(selectAdvancing(ranked([1, 2]), { kind: 'top_n', value: 0, perBand: false }).size).toBe(
			0
		);
	});

	it('takes the top percent, rounded up', () => {
		// 25 % of 10 = 2.5 → 3; 30 % of 10 = 3 exactly (no float creep to 4).
		expect(
			selectAdvancing(ranked([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), {
				kind: 'top_percent',
				value: 25,
				perBand: false
			}).size
		).toBe(3);
		expect(
			selectAdvancing(ranked([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), {
				kind: 'top_percent',
				value: 30,
				perBand: false
			}).size
		).toBe(3);
		expect(
			selectAdvancing(ranked([1, 2, 3]), { kind: 'top_percent', value: 100, perBand: false }).size
		).toBe(3);
	});

	it('applies the cut in each band, re-ranking within the band', () => {
		const rows = [
			...ranked([1, 3, 5], 'young', 'y'),
			...ranked([2, 4, 6], 'old', 'o'),
			...ranked([7], null, 'n')
		];
		expect(sorted(selectAdvancing(rows, { kind: 'top_n', value: 1, perBand: true }))).toEqual([
			'n1',
			'o1',
			'y1'
		]);
		expect(sorted(selectAdvancing(rows, { kind: 'top_n', value: 1, perBand: false }))).toEqual([
			'y1'
		]);
	});

	it('refuses impossible rules', () => {
		expect(() => selectAdvancing([], { kind: 'top_n', value: 1.5, perBand: false })).toThrow(
			RangeError
		);
		expect(() => selectAdvancing([], { kind: 'top_n', value: -1, perBand: false })).toThrow(
			RangeError
		);
		expect(() => selectAdvancing([], { kind: 'top_percent', value: 101, perBand: false })).toThrow(
			RangeError
		);
	});
});
