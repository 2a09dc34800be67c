import { describe, expect, it } from 'vitest';
import { bestAward, formatLabelNumber, numberLabels } from './label-order.ts';

const work = (
	id: string,
	bandPosition: number | null,
	award: string | null,
	createdAt: number
) => ({
	id,
	bandPosition,
	award,
	createdAt
});

describe('label numbers', () => {
	it('orders by band, then award, then the order works were sent', () => {
		const numbered = numberLabels([
			work('late-none', 0, null, 5),
			work('old-band1', 1, 'gold', 1),
			work('early-none', 0, null, 2),
			work('bronze', 0, 'bronze', 9),
			work('gold', 0, 'gold', 8),
			work('no-band', null, 'gold', 0),
			work('newer-kind', 0, 'jury_favourite', 1)
		]);
		expect(numbered.map((w) => `${w.number}:${w.id}`)).toEqual([
			'001:gold',
			'002:bronze',
			'003:newer-kind',
			'004:early-none',
			'005:late-none',
			'006:old-band1',
			'007:no-band'
		]);
	});

	it('gives the same numbers whatever order the works come in', () => {
		const works = [work('a', 0, null, 1), work('b', 0, null, 1), work('c', 0, 'silver', 3)];
		const once = numberLabels(works).map((w) => w.id + w.number);
		expect(numberLabels(works.toReversed()).map((w) => w.id + w.number)).toEqual(once);
	});

	it('keeps the best of several awards and pads numbers to the widest', () => {
		expect(bestAward(['peoples_choice', 'silver'])).toBe('silver');
		expect(bestAward([])).toBeNull();
		expect(formatLabelNumber(7, 40)).toBe('007');
		expect(formatLabelNumber(7, 1200)).toBe('0007');
	});
});
