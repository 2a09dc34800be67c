import { describe, expect, it } from 'vitest';
import { countedComparisons, groupsOf, possiblePairs } from './pairwise-rows.ts';

const row = (judge: string, a: string, b: string, winner: string | null) => ({
	judge_id: judge,
	first_entry_id: a,
	second_entry_id: b,
	winner_entry_id: winner
});

describe('countedComparisons', () => {
	it('keeps decided pairs, names the loser, and drops pending or recused ones', () => {
		const rows = [
			row('j1', 'a', 'b', 'b'),
			row('j1', 'a', 'c', null),
			row('j2', 'a', 'c', 'a'),
			row('j2', 'b', 'c', 'c')
		];
		const recused = [{ judge_id: 'j2', entry_id: 'b', recused_at: 1 }];
		expect(countedComparisons(rows, recused)).toEqual([
			{ judgeId: 'j1', winnerId: 'b', loserId: 'a' },
			{ judgeId: 'j2', winnerId: 'a', loserId: 'c' }
		]);
	});
});

describe('groupsOf and possiblePairs', () => {
	const entries = [
		{ id: 'a', age_band_id: 'x' },
		{ id: 'b', age_band_id: 'y' },
		{ id: 'c', age_band_id: 'x' },
		{ id: 'd', age_band_id: 'x' }
	];
	it('groups per band only for per-band rounds', () => {
		expect(groupsOf({ per_band: 0 }, entries)).toEqual([
			{ bandId: null, ids: ['a', 'b', 'c', 'd'] }
		]);
		expect(groupsOf({ per_band: 1 }, entries)).toEqual([
			{ bandId: 'x', ids: ['a', 'c', 'd'] },
			{ bandId: 'y', ids: ['b'] }
		]);
		expect(groupsOf({ per_band: 0 }, [])).toEqual([]);
	});
	it('counts the pairs a judge can be shown: C(k, 2) within each group', () => {
		const all = new Set(['a', 'b', 'c', 'd']);
		expect(possiblePairs({ per_band: 0 }, entries, all)).toBe(6);
		// Per band: x holds 3 (3 pairs), y holds 1 (none).
		expect(possiblePairs({ per_band: 1 }, entries, all)).toBe(3);
		// A conflict of interest leaves two in x: one pair.
		expect(possiblePairs({ per_band: 1 }, entries, new Set(['a', 'b', 'c']))).toBe(1);
	});
});
