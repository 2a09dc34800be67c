import { describe, expect, it } from 'vitest';
import { byBandThenRank } from './result-order.ts';

describe('byBandThenRank', () => {
	it('puts the best rank first and unranked artworks last, band by band', () => {
		const rows = [
			{ id: 'a', bandId: 'b1', rank: null },
			{ id: 'b', bandId: 'b1', rank: 2 },
			{ id: 'c', bandId: 'b0', rank: null },
			{ id: 'd', bandId: 'b1', rank: 1 },
			{ id: 'e', bandId: 'b0', rank: 1 },
			{ id: 'f', bandId: null, rank: 3 }
		];
		expect(rows.sort(byBandThenRank).map((r) => r.id)).toEqual(['f', 'e', 'c', 'd', 'b', 'a']);
	});
});
