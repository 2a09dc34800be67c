import { describe, expect, it } from 'vitest';
import { awardForRank } from './award-rank.ts';

describe('awardForRank', () => {
	it('gives gold, silver, bronze and three honourable mentions to ranks 1 to 6', () => {
		expect([1, 2, 3, 4, 5, 6, 7].map(awardForRank)).toEqual([
			'gold',
			'silver',
			'bronze',
			'honourable',
			'honourable',
			'honourable',
			null
		]);
	});

	it('gives tied artworks the same award and skips the slots they fill', () => {
		// Competition ranking of two artworks tied for second: 1, 2, 2, 4.
		expect([1, 2, 2, 4].map(awardForRank)).toEqual(['gold', 'silver', 'silver', 'honourable']);
		// Three tied for first all get gold; the next one is honourable.
		expect([1, 1, 1, 4].map(awardForRank)).toEqual(['gold', 'gold', 'gold', 'honourable']);
		// A tie straddling the last slot: all of them get the mention, none is left out.
		expect([6, 6, 6].map(awardForRank)).toEqual(['honourable', 'honourable', 'honourable']);
	});
});
