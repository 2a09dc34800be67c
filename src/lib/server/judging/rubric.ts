// Rubric scoring: the published formulas of issue 12 ("Results (the contract)"), pure so the
// round close, the results page and the tests all compute exactly the same numbers.

/** One rubric line: its weight and the closed scale a judge scores it on (e.g. 1–10). */
export interface Criterion {
	id: string;
	weight: number;
	min: number;
	max: number;
}

/** One judge's complete or partial scoring of one entry, criterion id → value on its scale. */
export interface RubricScore {
	judgeId: string;
	entryId: string;
	values: Record<string, number>;
}

export interface RubricEntryResult {
	entryId: string;
	/** Judges whose complete scoring counts for this entry. */
	judgeCount: number;
	/** Mean of the judges' entry scores s, on the 0–1 scale. */
	rawMean: number;
	/** Median of the judges' entry scores s, on the 0–1 scale (a tie-break). */
	rawMedian: number;
	/** Mean of the judges' z-scores: the bias-corrected result that ranks entries. */
	zMean: number;
	/** zMean mapped linearly onto [min rawMean, max rawMean], so it reads like a raw score. */
	display: number;
	/** max − min of this entry's judges' z-scores: how much they disagree. */
	spread: number;
	/** spread > the disagreement threshold: the entry deserves another look or judge. */
	flagged: boolean;
	/** Mean raw value per criterion over the judges (on the criterion's own scale). */
	criterionMeans: Record<string, number>;
}

export interface JudgeStats {
	judgeId: string;
	/** Entries this judge scored completely. */
	n: number;
	/** μ_j: mean of the judge's entry scores s (leniency). */
	mean: number;
	/** σ_j: sample standard deviation of the judge's entry scores (0 below two entries). */
	sd: number;
	/** The σ actually divided by: σ_j, or σ̃_j when shrunk. */
	sdUsed: number;
	/** Too few entries or no spread: σ was shrunk towards the pooled spread. */
	shrunk: boolean;
	/** Shown to the organizer: this judge's normalization rests on little evidence. */
	flagged: boolean;
}

/** κ of the issue: how many "virtual entries" of pooled spread a thin judge is padded with. */
export const DEFAULT_KAPPA = 5;
/** Judges with fewer complete entries than this are shrunk and flagged. */
export const DEFAULT_MIN_ENTRIES = 5;
/** z-units: three judges spreading more than 1.5 σ apart disagree about the entry. */
export const DEFAULT_DISAGREEMENT = 1.5;

/** Whether `values` holds a finite number for every criterion (a judge may be midway). */
export function isComplete(
	criteria: readonly Criterion[],
	values: Record<string, number>
): boolean {
	return criteria.every((c) => Number.isFinite(values[c.id]));
}

/**
 * The entry score a judge gives: each criterion rescaled to 0–1 on its own scale, then the
 * weighted mean
 *
 *     s = Σ_c w_c · (x_c − L_c) / (U_c − L_c)  /  Σ_c w_c        ∈ [0, 1]
 *
 * Throws a RangeError on a missing or out-of-scale value or a degenerate rubric: the service
 * validates input first, so reaching here with one is a bug, not a user mistake.
 */
export function entryScore(criteria: readonly Criterion[], values: Record<string, number>): number {
	let weighted = 0;
	let weights = 0;
	for (const c of criteria) {
		const x = values[c.id];
		if (!(c.max > c.min) || !(c.weight >= 0) || !Number.isFinite(c.weight)) {
			throw new RangeError(`criterion ${c.id} has an empty scale or a bad weight`);
		}
		if (x === undefined || !Number.isFinite(x) || x < c.min || x > c.max) {
			throw new RangeError(`criterion ${c.id} has no value within ${c.min}–${c.max}`);
		}
		weighted += (c.weight * (x - c.min)) / (c.max - c.min);
		weights += c.weight;
	}
	if (!(weights > 0)) throw new RangeError('the rubric has no positive weight');
	return weighted / weights;
}

function mean(xs: readonly number[]): number {
	let sum = 0;
	for (const x of xs) sum += x;
	return sum / xs.length;
}

function median(xs: readonly number[]): number {
	const sorted = [...xs].sort((a, b) => a - b);
	const mid = sorted.length >> 1;
	return sorted.length % 2 === 1
		? (sorted[mid] as number)
		: ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Σ (x − m)², the building block of both the judge's and the pooled variance. */
function sumOfSquares(xs: readonly number[], m: number): number {
	let sum = 0;
	for (const x of xs) sum += (x - m) * (x - m);
	return sum;
}

interface JudgeScores {
	judgeId: string;
	entries: string[];
	s: number[];
}

/**
 * Results of a rubric round.
 *
 * - A judge's scoring counts only once complete (all criteria); the latest of duplicates wins.
 * - Entry result = the mean of its judges' s, never the sum (entries seen by more judges must
 *   not win for that).
 * - Per judge j: z = (s − μ_j) / σ_j, removing leniency (μ) and range use (σ).
 * - Guard: a judge with n < minEntries or σ_j = 0 gets
 *
 *       σ̃_j² = (n·σ_j² + κ·σ²_pooled) / (n + κ)
 *
 *   where σ²_pooled = Σ_j (n_j − 1)·σ_j² / Σ_j (n_j − 1), the usual pooled within-judge variance.
 *   Shrinking, rather than dropping the judge, keeps their ordering while stopping two close
 *   scores from being blown up to ±1 σ. If even the pooled spread is 0 (nobody ever used more
 *   than one value), z = 0: such scores carry no order to normalize.
 * - display rescales zMean linearly so the lowest entry shows the lowest raw mean and the highest
 *   the highest raw mean: organizers read familiar numbers, ranked by the corrected result.
 *
 * Entries come out best first (display, then entry id); judges in id order.
 */
export function rubricResults(input: {
	criteria: Criterion[];
	scores: RubricScore[];
	kappa?: number;
	minEntries?: number;
	disagreement?: number;
}): { entries: RubricEntryResult[]; judges: JudgeStats[] } {
	const { criteria, scores } = input;
	const kappa = input.kappa ?? DEFAULT_KAPPA;
	const minEntries = input.minEntries ?? DEFAULT_MIN_ENTRIES;
	const disagreement = input.disagreement ?? DEFAULT_DISAGREEMENT;

	// Latest complete scoring per (judge, entry).
	const latest = new Map<string, RubricScore>();
	for (const score of scores) {
		if (!isComplete(criteria, score.values)) continue;
		latest.set(`${score.judgeId}\u0000${score.entryId}`, score);
	}

	const byJudge = new Map<string, JudgeScores>();
	const byEntry = new Map<string, { judges: string[]; s: number[]; values: RubricScore[] }>();
	for (const score of latest.values()) {
		const s = entryScore(criteria, score.values);
		let judge = byJudge.get(score.judgeId);
		if (!judge)
			byJudge.set(score.judgeId, (judge = { judgeId: score.judgeId, entries: [], s: [] }));
		judge.entries.push(score.entryId);
		judge.s.push(s);
		let entry = byEntry.get(score.entryId);
		if (!entry) byEntry.set(score.entryId, (entry = { judges: [], s: [], values: [] }));
		entry.judges.push(score.judgeId);
		entry.s.push(s);
		entry.values.push(score);
	}

	let pooledSum = 0;
	let pooledDf = 0;
	const moments = new Map<string, { n: number; mean: number; sd: number }>();
	for (const judge of byJudge.values()) {
		const n = judge.s.length;
		const m = mean(judge.s);
		const ss = sumOfSquares(judge.s, m);
		pooledSum += ss;
		pooledDf += n - 1;
		moments.set(judge.judgeId, { n, mean: m, sd: n > 1 ? Math.sqrt(ss / (n - 1)) : 0 });
	}
	const pooledVariance = pooledDf > 0 ? pooledSum / pooledDf : 0;

	const judges: JudgeStats[] = [];
	const zOf = new Map<string, number>();
	for (const judge of byJudge.values()) {
		const {
			n,
			mean: m,
			sd
		} = moments.get(judge.judgeId) as { n: number; mean: number; sd: number };
		const shrunk = n < minEntries || sd === 0;
		const sdUsed = shrunk ? Math.sqrt((n * sd * sd + kappa * pooledVariance) / (n + kappa)) : sd;
		judges.push({ judgeId: judge.judgeId, n, mean: m, sd, sdUsed, shrunk, flagged: shrunk });
		judge.s.forEach((s, i) => {
			zOf.set(`${judge.judgeId}\u0000${judge.entries[i]}`, sdUsed > 0 ? (s - m) / sdUsed : 0);
		});
	}
	judges.sort((a, b) => (a.judgeId < b.judgeId ? -1 : a.judgeId > b.judgeId ? 1 : 0));

	const entries: RubricEntryResult[] = [];
	for (const [entryId, entry] of byEntry) {
		const zs = entry.judges.map((j) => zOf.get(`${j}\u0000${entryId}`) as number);
		const spread = Math.max(...zs) - Math.min(...zs);
		const criterionMeans: Record<string, number> = {};
		for (const c of criteria)
			criterionMeans[c.id] = mean(entry.values.map((v) => v.values[c.id] as number));
		entries.push({
			entryId,
			judgeCount: entry.s.length,
			rawMean: mean(entry.s),
			rawMedian: median(entry.s),
			zMean: mean(zs),
			display: 0,
			spread,
			flagged: spread > disagreement,
			criterionMeans
		});
	}

	let rawLo = Infinity;
	let rawHi = -Infinity;
	let zLo = Infinity;
	let zHi = -Infinity;
	for (const e of entries) {
		rawLo = Math.min(rawLo, e.rawMean);
		rawHi = Math.max(rawHi, e.rawMean);
		zLo = Math.min(zLo, e.zMean);
		zHi = Math.max(zHi, e.zMean);
	}
	for (const e of entries) {
		e.display =
			zHi > zLo ? rawLo + ((e.zMean - zLo) / (zHi - zLo)) * (rawHi - rawLo) : (rawLo + rawHi) / 2;
	}
	entries.sort(
		(a, b) => b.display - a.display || (a.entryId < b.entryId ? -1 : a.entryId > b.entryId ? 1 : 0)
	);
	return { entries, judges };
}
