/**
 * Label numbers of a contest's printed works: by age band, then award (gold first, works
 * without an award last), then the order they were sent. Stable for the same works and awards,
 * so the pack's file names, the labels and the ceremony all say the same number.
 */

/** Best first; an award kind not listed here (a newer one) comes after these, before none. */
export const AWARD_ORDER: readonly string[] = [
	'gold',
	'silver',
	'bronze',
	'honourable',
	'peoples_choice'
];

export interface Numberable {
	id: string;
	/** Position of the age band in the contest; null (band deleted) sorts last. */
	bandPosition: number | null;
	/** Best award kind of the work, if any. */
	award: string | null;
	createdAt: number;
}

function awardRank(kind: string | null): number {
	if (kind === null) return AWARD_ORDER.length + 1;
	const i = AWARD_ORDER.indexOf(kind);
	return i === -1 ? AWARD_ORDER.length : i;
}

/** The best of several award kinds of one work (a prize and the people's choice). */
export function bestAward(kinds: readonly string[]): string | null {
	let best: string | null = null;
	for (const kind of kinds) if (best === null || awardRank(kind) < awardRank(best)) best = kind;
	return best;
}

/** Label numbers as printed: 001, 002 … (wider past 999). */
export function formatLabelNumber(n: number, count: number): string {
	return String(n).padStart(Math.max(3, String(count).length), '0');
}

/** The works in label order, each with its number. */
export function numberLabels<T extends Numberable>(
	works: readonly T[]
): (T & { number: string })[] {
	const band = (w: T) => w.bandPosition ?? Number.MAX_SAFE_INTEGER;
	const sorted = works.toSorted(
		(a, b) =>
			band(a) - band(b) ||
			awardRank(a.award) - awardRank(b.award) ||
			a.createdAt - b.createdAt ||
			(a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
	);
	return sorted.map((w, i) => ({ ...w, number: formatLabelNumber(i + 1, sorted.length) }));
}
