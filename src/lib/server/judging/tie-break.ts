// The published tie-break order. Families compare results, so every step is a rule that can be
// explained on the results page ("separated by the median") — never a coin toss. Entries still
// equal after every rule share their rank.

/**
 * Which rule put an entry where it is, relative to its neighbours:
 * 'score' — its displayed score alone (no tie); 'normalized' — the full-precision bias-corrected
 * score; 'median' — the median of its judges' scores; 'criterion' — the named criterion;
 * 'panel' — the panel's head-to-head; 'unbroken' — still equal after all of them (shared rank).
 */
export type TieRule = 'score' | 'normalized' | 'median' | 'criterion' | 'panel' | 'unbroken';

export interface TieBreakRow {
	entryId: string;
	/** The score as published (e.g. RubricEntryResult.display). */
	display: number;
	/** The full-precision normalized score (RubricEntryResult.zMean). */
	zMean: number;
	/** Median of the judges' raw scores. */
	median: number;
	/** Mean of the named tie-break criterion, or null when the round names none. */
	criterion: number | null;
	/** > 0 when the panel put a above b, < 0 below, 0 when it did not decide. */
	headToHead?: (a: string, b: string) => number;
}

export interface TieBreakOptions {
	/**
	 * Displayed scores that round to the same multiple of this are tied, e.g. 0.01 when the page
	 * shows two decimals. Default 1e-9: only truly equal scores tie.
	 */
	resolution?: number;
}

const RULES: TieRule[] = ['score', 'normalized', 'median', 'criterion', 'panel', 'unbroken'];
/** Float noise from averaging the same numbers in another order must not separate entries. */
const EPSILON = 1e-9;

const quantize = (x: number, step: number) => Math.round(x / step);
// No value sorts below any value, which keeps the order transitive (skipping would not).
const criterionKey = (x: number | null) => (x === null ? -Infinity : quantize(x, EPSILON));

/** Copeland score of each tied entry against the others in its group (wins − losses). */
function panelScores(group: readonly TieBreakRow[]): Map<string, number> {
	const scores = new Map<string, number>();
	if (!group.some((r) => r.headToHead)) {
		for (const a of group) scores.set(a.entryId, 0);
		return scores;
	}
	for (const a of group) {
		let score = 0;
		for (const b of group) {
			if (a === b) continue;
			const h = a.headToHead?.(a.entryId, b.entryId) ?? b.headToHead?.(a.entryId, b.entryId) ?? 0;
			score += Math.sign(h);
		}
		scores.set(a.entryId, score);
	}
	return scores;
}

/**
 * Ranks best first with competition ranking (1, 2, 2, 4). Keys, in the published order:
 *
 *  1. display (quantized to `resolution`), higher first
 *  2. zMean, higher first
 *  3. median, higher first
 *  4. the named criterion, higher first (an entry without a value comes after one with)
 *  5. the panel's head-to-head among the entries still tied, as each one's wins − losses
 *     against the others in that group (a pairwise verdict need not be transitive; a count is)
 *
 * Each entry's tieRule is the deepest rule that was needed to separate it from its neighbours.
 */
export function rankWithTieBreaks(
	rows: TieBreakRow[],
	options: TieBreakOptions = {}
): { entryId: string; rank: number; tieRule: TieRule }[] {
	const resolution = options.resolution ?? EPSILON;
	// Quantized keys computed once, compared without allocating: a 10,000-entry close sorts here.
	interface Keyed {
		row: TieBreakRow;
		keys: [number, number, number, number];
		panel: number;
	}
	const keyed: Keyed[] = rows.map((row) => ({
		row,
		keys: [
			quantize(row.display, resolution),
			quantize(row.zMean, EPSILON),
			quantize(row.median, EPSILON),
			criterionKey(row.criterion)
		],
		panel: 0
	}));
	// Level at which a and b first differ: 0 display, 1 normalized, 2 median, 3 criterion, 4 tied.
	const level = (a: Keyed, b: Keyed): number => {
		for (let k = 0; k < 4; k++) if (a.keys[k] !== b.keys[k]) return k;
		return 4;
	};
	// Sorting by the four scalar keys is consistent; then the head-to-head orders each group.
	keyed.sort((a, b) => {
		const k = level(a, b);
		if (k < 4) return (b.keys[k] as number) > (a.keys[k] as number) ? 1 : -1;
		return a.row.entryId < b.row.entryId ? -1 : a.row.entryId > b.row.entryId ? 1 : 0;
	});

	// Within each group still tied after the scalar keys, the panel's head-to-head decides.
	// Without any head-to-head every panel score is 0 and the order stays as it is.
	const panel = rows.some((r) => r.headToHead);
	for (let start = 0; panel && start < keyed.length;) {
		let end = start + 1;
		while (end < keyed.length && level(keyed[start] as Keyed, keyed[end] as Keyed) === 4) end++;
		if (end - start > 1) {
			const group = keyed.slice(start, end);
			const scores = panelScores(group.map((k) => k.row));
			for (const k of group) k.panel = scores.get(k.row.entryId) as number;
			group.sort((a, b) => b.panel - a.panel);
			keyed.splice(start, end - start, ...group);
		}
		start = end;
	}

	// Deepest rule that separates neighbours i and i + 1 (5 = nothing does).
	const between = (i: number): number => {
		const a = keyed[i] as Keyed;
		const b = keyed[i + 1] as Keyed;
		const lvl = level(a, b);
		if (lvl < 4) return lvl;
		return a.panel !== b.panel ? 4 : 5;
	};

	const out: { entryId: string; rank: number; tieRule: TieRule }[] = [];
	let rank = 0;
	keyed.forEach((k, i) => {
		const before = i > 0 ? between(i - 1) : 0;
		const after = i < keyed.length - 1 ? between(i) : 0;
		if (before !== 5) rank = i + 1;
		out.push({ entryId: k.row.entryId, rank, tieRule: RULES[Math.max(before, after)] as TieRule });
	});
	return out;
}
