// Which award a final rank earns, per band. Pure, so the tie rule is tested on its own.
import type { AwardKind } from '../db/schema.ts';

/** How many of each award a band gets, in order. */
export const AWARD_PLAN: readonly { kind: AwardKind; count: number }[] = [
	{ kind: 'gold', count: 1 },
	{ kind: 'silver', count: 1 },
	{ kind: 'bronze', count: 1 },
	{ kind: 'honourable', count: 3 }
];

/** The award slots in order: gold, silver, bronze, then the honourable mentions. */
const SLOTS: readonly AwardKind[] = AWARD_PLAN.flatMap(({ kind, count }) =>
	Array.from({ length: count }, () => kind)
);

/**
 * The award of a rank in competition ranking (1, 2, 2, 4): the slot of the first place the
 * artwork shares, so artworks the published tie-break order cannot separate share one award
 * and the next artwork takes the slot after the tied ones (two silvers, then no bronze).
 */
export function awardForRank(rank: number): AwardKind | null {
	return SLOTS[rank - 1] ?? null;
}
