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

/** Median of the first n values, sorted in place (insertion sort: an entry has few judges). */
function medianOf(xs: Float64Array, n: number): number {
	for (let i = 1; i < n; i++) {
		const x = xs[i] as number;
		let k = i - 1;
		while (k >= 0 && (xs[k] as number) > x) {
			xs[k + 1] = xs[k] as number;
			k--;
		}
		xs[k + 1] = x;
	}
	const mid = n >> 1;
	return n % 2 === 1 ? (xs[mid] as number) : ((xs[mid - 1] as number) + (xs[mid] as number)) / 2;
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

	// Judges and entries become indexes and per-score numbers live in typed arrays: a
	// 10,000-entry round has 30,000 scorings and a round close runs this once, cold, so every
	// per-scoring Map, closure and array counted.
	const C = criteria.length;
	const ids = criteria.map((c) => c.id);
	const judgeIndex = new Map<string, number>();
	const entryIndex = new Map<string, number>();
	const judgeIds: string[] = [];
	const entryIds: string[] = [];
	const judgeOf = new Int32Array(scores.length).fill(-1);
	const entryOf = new Int32Array(scores.length);
	const s = new Float64Array(scores.length);
	for (let i = 0; i < scores.length; i++) {
		const score = scores[i] as RubricScore;
		let complete = true;
		for (let c = 0; c < C && complete; c++)
			complete = Number.isFinite(score.values[ids[c] as string]);
		if (!complete) continue;
		s[i] = entryScore(criteria, score.values);
		let j = judgeIndex.get(score.judgeId);
		if (j === undefined) {
			judgeIndex.set(score.judgeId, (j = judgeIds.length));
			judgeIds.push(score.judgeId);
		}
		let e = entryIndex.get(score.entryId);
		if (e === undefined) {
			entryIndex.set(score.entryId, (e = entryIds.length));
			entryIds.push(score.entryId);
		}
		judgeOf[i] = j;
		entryOf[i] = e;
	}
	const E = entryIds.length;
	const J = judgeIds.length;

	// Group complete scorings by entry (counting sort, in input order within an entry).
	const start = new Int32Array(E + 1);
	for (let i = 0; i < scores.length; i++) {
		if (judgeOf[i] !== -1)
			start[(entryOf[i] as number) + 1] = (start[(entryOf[i] as number) + 1] as number) + 1;
	}
	for (let e = 0; e < E; e++) start[e + 1] = (start[e + 1] as number) + (start[e] as number);
	const fill = Int32Array.from(start);
	const byEntry = new Int32Array(start[E] as number);
	for (let i = 0; i < scores.length; i++) {
		if (judgeOf[i] === -1) continue;
		const e = entryOf[i] as number;
		byEntry[fill[e] as number] = i;
		fill[e] = (fill[e] as number) + 1;
	}
	// The latest scoring of a judge wins: an earlier one of the same judge and entry is dropped.
	// An entry has a handful of judges, so a scan of its own group beats a global Map.
	const counted = new Uint8Array(scores.length);
	for (let e = 0; e < E; e++) {
		const to = start[e + 1] as number;
		for (let t = start[e] as number; t < to; t++) {
			const i = byEntry[t] as number;
			let later = false;
			for (let u = t + 1; u < to && !later; u++)
				later = judgeOf[byEntry[u] as number] === judgeOf[i];
			if (!later) counted[i] = 1;
		}
	}

	const count = new Int32Array(J);
	const sum = new Float64Array(J);
	const lowest = new Float64Array(J).fill(Infinity);
	const highest = new Float64Array(J).fill(-Infinity);
	for (let i = 0; i < scores.length; i++) {
		if (!counted[i]) continue;
		const j = judgeOf[i] as number;
		const si = s[i] as number;
		count[j] = (count[j] as number) + 1;
		sum[j] = (sum[j] as number) + si;
		if (si < (lowest[j] as number)) lowest[j] = si;
		if (si > (highest[j] as number)) highest[j] = si;
	}
	// A judge who gave every entry the same score has μ = that score exactly: the float sum of
	// n copies divided by n can miss it by an ulp (n = 5 times 1/9 does), which would leave a
	// σ of 1e-17, dodge the zero-spread guard and blow rounding noise up to z-scores of ±1.
	const mu = new Float64Array(J);
	for (let j = 0; j < J; j++)
		mu[j] =
			lowest[j] === highest[j] ? (lowest[j] as number) : (sum[j] as number) / (count[j] as number);
	const ss = new Float64Array(J);
	for (let i = 0; i < scores.length; i++) {
		if (!counted[i]) continue;
		const j = judgeOf[i] as number;
		ss[j] = (ss[j] as number) + ((s[i] as number) - (mu[j] as number)) ** 2;
	}
	let pooledSum = 0;
	let pooledDf = 0;
	for (let j = 0; j < J; j++) {
		pooledSum += ss[j] as number;
		pooledDf += (count[j] as number) - 1;
	}
	const pooledVariance = pooledDf > 0 ? pooledSum / pooledDf : 0;

	const judges: JudgeStats[] = [];
	const sdUsedOf = new Float64Array(J);
	for (let j = 0; j < J; j++) {
		const n = count[j] as number;
		const sd = n > 1 ? Math.sqrt((ss[j] as number) / (n - 1)) : 0;
		const shrunk = n < minEntries || sd === 0;
		const sdUsed = shrunk ? Math.sqrt((n * sd * sd + kappa * pooledVariance) / (n + kappa)) : sd;
		sdUsedOf[j] = sdUsed;
		judges.push({
			judgeId: judgeIds[j] as string,
			n,
			mean: mu[j] as number,
			sd,
			sdUsed,
			shrunk,
			flagged: shrunk
		});
	}
	judges.sort((a, b) => (a.judgeId < b.judgeId ? -1 : a.judgeId > b.judgeId ? 1 : 0));

	const entries: RubricEntryResult[] = [];
	const raw = new Float64Array(Math.max(1, J));
	const criterionSums = new Float64Array(C);
	for (let e = 0; e < E; e++) {
		const to = start[e + 1] as number;
		let n = 0;
		let rawSum = 0;
		let zSum = 0;
		let zLo = Infinity;
		let zHi = -Infinity;
		criterionSums.fill(0);
		for (let t = start[e] as number; t < to; t++) {
			const i = byEntry[t] as number;
			if (!counted[i]) continue;
			const j = judgeOf[i] as number;
			const sdUsed = sdUsedOf[j] as number;
			const si = s[i] as number;
			const z = sdUsed > 0 ? (si - (mu[j] as number)) / sdUsed : 0;
			raw[n++] = si;
			rawSum += si;
			zSum += z;
			if (z < zLo) zLo = z;
			if (z > zHi) zHi = z;
			const values = (scores[i] as RubricScore).values;
			for (let c = 0; c < C; c++)
				criterionSums[c] = (criterionSums[c] as number) + (values[ids[c] as string] as number);
		}
		const criterionMeans: Record<string, number> = {};
		for (let c = 0; c < C; c++) criterionMeans[ids[c] as string] = (criterionSums[c] as number) / n;
		const spread = zHi - zLo;
		entries.push({
			entryId: entryIds[e] as string,
			judgeCount: n,
			rawMean: rawSum / n,
			rawMedian: medianOf(raw, n),
			zMean: zSum / n,
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
