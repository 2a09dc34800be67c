// Comparative judgement ("which of these two is better?"): the Bradley–Terry model, its
// uncertainty and reliability, and which pairs to show next. Pure and fast enough to refit on
// every page of the organizer's dashboard (500 entries × 5,000 comparisons well under 200 ms).
import { createRandom, pairKey, shuffled } from './random.ts';

/** One outcome: `judgeId` preferred `winnerId` over `loserId`. */
export interface Comparison {
	judgeId: string;
	winnerId: string;
	loserId: string;
}

export interface BtItem {
	id: string;
	/** Strength on the log-odds scale; 0 is the virtual average item of the prior. */
	theta: number;
	/** Standard error of theta from the Fisher information. */
	se: number;
	wins: number;
	losses: number;
	/** wins + losses: how often this entry has been judged. */
	comparisons: number;
}

export interface BtFit {
	/** In the order of the `items` argument. */
	items: BtItem[];
	/** Scale-separation reliability, null when there is nothing to separate yet. */
	ssr: number | null;
	/** Split-half reliability over random halves of judges, null with fewer than two judges. */
	splitHalf: number | null;
	/** Connected components of the comparison graph, largest first; one component = connected. */
	components: string[][];
	iterations: number;
	converged: boolean;
}

export interface BtOptions {
	/** Virtual wins and losses against an average item (θ = 0) per entry. Default 1. */
	prior?: number;
	maxIterations?: number;
	/** Largest change of any θ between iterations at which the fit has converged. */
	tolerance?: number;
	/** Seed of the split-half draws. */
	seed?: number;
	/** Random judge splits averaged for split-half reliability. Default 6 (r̄ steady to ±0.01). */
	splits?: number;
	/**
	 * 'exact': √(I⁻¹)_ii, inverting the whole information matrix, which also counts the
	 * uncertainty of the entries each one was compared with (O(n³)). 'diagonal': 1/√I_ii, the
	 * Rasch "model SE" CJ software reports and the published SSR ≥ 0.80 advice was measured with
	 * (O(n)). The diagonal's mean SE² is lower by the common-mode and neighbour terms, which
	 * shrink as entries are added: measured 20 % at 40 entries, 11–15 % at 100, 6 % at 500.
	 * Default: exact up to 300 entries (≈ 30 ms CPU at 300 on the shared dev machine), diagonal
	 * above, so one round always uses one method while its entries stay the same.
	 */
	standardErrors?: 'exact' | 'diagonal';
}

export const SSR_TARGET = 0.8;
const EXACT_SE_LIMIT = 300;

/** Comparisons folded into one weighted edge per unordered pair: the fit's working form. */
interface Graph {
	n: number;
	/** Edge endpoints (item indexes) and how often each side won. */
	a: Int32Array;
	b: Int32Array;
	winsA: Float64Array;
	winsB: Float64Array;
	wins: Float64Array;
	losses: Float64Array;
	/** The same edges as adjacency lists (CSR): neighbours of i are at start[i] … start[i+1]. */
	start: Int32Array;
	neighbour: Int32Array;
	/** Times i beat that neighbour, and times it lost to it. */
	won: Float64Array;
	lost: Float64Array;
	/** Per outcome: its slot in the winner's and in the loser's adjacency row. */
	winnerSlot: Int32Array;
	loserSlot: Int32Array;
}

/** Valid comparisons as item and judge indexes, resolved once for the fit and every half. */
interface Outcomes {
	winner: Int32Array;
	loser: Int32Array;
	judge: Int32Array;
	judges: number;
}

function resolveOutcomes(index: Map<string, number>, comparisons: readonly Comparison[]): Outcomes {
	// Judges numbered in id order, so the split-half draws do not depend on listing order.
	const judgeIndex = new Map<string, number>(
		[...new Set(comparisons.map((c) => c.judgeId))].sort().map((id, i) => [id, i])
	);
	const winner: number[] = [];
	const loser: number[] = [];
	const judge: number[] = [];
	for (const c of comparisons) {
		const w = index.get(c.winnerId);
		const l = index.get(c.loserId);
		if (w === undefined || l === undefined || w === l) continue;
		winner.push(w);
		loser.push(l);
		judge.push(judgeIndex.get(c.judgeId) as number);
	}
	return {
		winner: Int32Array.from(winner),
		loser: Int32Array.from(loser),
		judge: Int32Array.from(judge),
		judges: judgeIndex.size
	};
}

/** The comparison graph of all outcomes. */
function buildGraph(n: number, outcomes: Outcomes): Graph {
	// Numeric pair keys (lo·n + hi): string keys would cost more than the whole fit.
	const edgeOf = new Map<number, number>();
	const a: number[] = [];
	const b: number[] = [];
	const winsA: number[] = [];
	const winsB: number[] = [];
	const wins = new Float64Array(n);
	const losses = new Float64Array(n);
	const edgeOfOutcome = new Int32Array(outcomes.winner.length);
	for (let c = 0; c < outcomes.winner.length; c++) {
		const w = outcomes.winner[c] as number;
		const l = outcomes.loser[c] as number;
		wins[w] = (wins[w] as number) + 1;
		losses[l] = (losses[l] as number) + 1;
		const key = w < l ? w * n + l : l * n + w;
		let e = edgeOf.get(key);
		if (e === undefined) {
			e = a.length;
			edgeOf.set(key, e);
			a.push(w);
			b.push(l);
			winsA.push(0);
			winsB.push(0);
		}
		edgeOfOutcome[c] = e;
		if (a[e] === w) winsA[e] = (winsA[e] as number) + 1;
		else winsB[e] = (winsB[e] as number) + 1;
	}
	const degree = new Int32Array(n + 1);
	for (let e = 0; e < a.length; e++) {
		degree[(a[e] as number) + 1] = (degree[(a[e] as number) + 1] as number) + 1;
		degree[(b[e] as number) + 1] = (degree[(b[e] as number) + 1] as number) + 1;
	}
	for (let i = 0; i < n; i++) degree[i + 1] = (degree[i + 1] as number) + (degree[i] as number);
	const start = Int32Array.from(degree);
	const fill = Int32Array.from(degree);
	const neighbour = new Int32Array(2 * a.length);
	const won = new Float64Array(2 * a.length);
	const lost = new Float64Array(2 * a.length);
	const slotA = new Int32Array(a.length);
	const slotB = new Int32Array(a.length);
	/** Appends `other` to the adjacency row of `item`; returns the slot it took. */
	const place = (item: number, other: number, wonCount: number, lostCount: number): number => {
		const slot = fill[item] as number;
		fill[item] = slot + 1;
		neighbour[slot] = other;
		won[slot] = wonCount;
		lost[slot] = lostCount;
		return slot;
	};
	for (let e = 0; e < a.length; e++) {
		const i = a[e] as number;
		const j = b[e] as number;
		slotA[e] = place(i, j, winsA[e] as number, winsB[e] as number);
		slotB[e] = place(j, i, winsB[e] as number, winsA[e] as number);
	}
	// Where each outcome lands in the winner's and the loser's adjacency rows, so the split-half
	// graphs are re-weighted copies of this one instead of being rebuilt through a Map.
	const winnerSlot = new Int32Array(outcomes.winner.length);
	const loserSlot = new Int32Array(outcomes.winner.length);
	for (let c = 0; c < outcomes.winner.length; c++) {
		const e = edgeOfOutcome[c] as number;
		const winnerIsA = a[e] === outcomes.winner[c];
		winnerSlot[c] = (winnerIsA ? slotA[e] : slotB[e]) as number;
		loserSlot[c] = (winnerIsA ? slotB[e] : slotA[e]) as number;
	}
	return {
		n,
		a: Int32Array.from(a),
		b: Int32Array.from(b),
		winsA: Float64Array.from(winsA),
		winsB: Float64Array.from(winsB),
		wins,
		losses,
		start,
		neighbour,
		won,
		lost,
		winnerSlot,
		loserSlot
	};
}

/**
 * The graph of only the judges marked in `judgeMask`: same adjacency, outcomes of the other
 * judges weighted 0 (a zero-weight edge adds nothing to Newman's sums). Edge lists are left
 * empty: a half is only fitted, never given SEs or components.
 */
function halfGraph(g: Graph, outcomes: Outcomes, judgeMask: Uint8Array): Graph {
	const won = new Float64Array(g.won.length);
	const lost = new Float64Array(g.lost.length);
	const wins = new Float64Array(g.n);
	const losses = new Float64Array(g.n);
	for (let c = 0; c < outcomes.winner.length; c++) {
		if (!judgeMask[outcomes.judge[c] as number]) continue;
		const ws = g.winnerSlot[c] as number;
		const ls = g.loserSlot[c] as number;
		won[ws] = (won[ws] as number) + 1;
		lost[ls] = (lost[ls] as number) + 1;
		const w = outcomes.winner[c] as number;
		const l = outcomes.loser[c] as number;
		wins[w] = (wins[w] as number) + 1;
		losses[l] = (losses[l] as number) + 1;
	}
	const none = new Int32Array(0);
	const empty = new Float64Array(0);
	return { ...g, a: none, b: none, winsA: empty, winsB: empty, wins, losses, won, lost };
}

/**
 * Maximum a-posteriori strengths π_i = e^θ_i by Newman's (2023) iteration, which converges an
 * order of magnitude faster than Zermelo/Hunter MM on sparse comparison graphs:
 *
 *     π_i ← [ r/(π_i + 1) + Σ_j w_ij · π_j/(π_i + π_j) ] / [ r/(π_i + 1) + Σ_j w_ji/(π_i + π_j) ]
 *
 * w_ij = times i beat j; r = `prior` virtual wins and r virtual losses against an item of
 * strength 1. The prior keeps an unbeaten (or never beaten) entry finite and anchors every
 * component of a disconnected graph to the same average, so no normalization step is needed.
 * Updates are made in place (Gauss–Seidel), which roughly halves the sweeps again; `initial`
 * warm-starts the split-half fits from the full fit.
 */
function fitStrengths(
	g: Graph,
	prior: number,
	maxIterations: number,
	tolerance: number,
	initial?: Float64Array
): { pi: Float64Array; iterations: number; converged: boolean } {
	const { n, start, neighbour, won, lost } = g;
	const pi = initial ? Float64Array.from(initial) : new Float64Array(n).fill(1);
	let iterations = 0;
	let converged = false;
	while (iterations < maxIterations) {
		iterations++;
		let change = 0;
		for (let i = 0; i < n; i++) {
			const pI = pi[i] as number;
			const virtual = prior / (pI + 1);
			let num = virtual;
			let den = virtual;
			const end = start[i + 1] as number;
			for (let k = start[i] as number; k < end; k++) {
				const pJ = pi[neighbour[k] as number] as number;
				const inv = 1 / (pI + pJ);
				num += (won[k] as number) * pJ * inv;
				den += (lost[k] as number) * inv;
			}
			const next = num / den;
			const delta = Math.abs(Math.log(next / pI));
			if (delta > change) change = delta;
			pi[i] = next;
		}
		if (change < tolerance) {
			converged = true;
			break;
		}
	}
	return { pi, iterations, converged };
}

/**
 * Standard errors from the Fisher information of θ (negative Hessian of the log-posterior):
 *
 *     I_ii = 2r·p_i0·(1 − p_i0) + Σ_j n_ij·p_ij·(1 − p_ij),   I_ij = −n_ij·p_ij·(1 − p_ij)
 *
 * with p_ij = π_i/(π_i + π_j) and n_ij comparisons of i with j; SE_i = √(I⁻¹)_ii. The prior term
 * makes I positive definite, so a Cholesky factorization always exists; (I⁻¹)_ii is the squared
 * norm of column i of L⁻¹. Both steps are dot products over contiguous rows, unrolled by four:
 * together n³/3 multiply-adds, the bulk of a 500-entry fit.
 */
function standardErrors(g: Graph, pi: Float64Array, prior: number, exact: boolean): Float64Array {
	const { n, a, b, winsA, winsB } = g;
	const diag = new Float64Array(n);
	for (let i = 0; i < n; i++) {
		const p = (pi[i] as number) / ((pi[i] as number) + 1);
		diag[i] = 2 * prior * p * (1 - p);
	}
	const off = new Float64Array(a.length);
	for (let e = 0; e < a.length; e++) {
		const i = a[e] as number;
		const j = b[e] as number;
		const p = (pi[i] as number) / ((pi[i] as number) + (pi[j] as number));
		const info = ((winsA[e] as number) + (winsB[e] as number)) * p * (1 - p);
		off[e] = info;
		diag[i] = (diag[i] as number) + info;
		diag[j] = (diag[j] as number) + info;
	}
	const se = new Float64Array(n);
	if (!exact) {
		for (let i = 0; i < n; i++) se[i] = 1 / Math.sqrt(diag[i] as number);
		return se;
	}
	// Dense lower triangle, row-major: m[i*n + j] for j ≤ i.
	const m = new Float64Array(n * n);
	for (let i = 0; i < n; i++) m[i * n + i] = diag[i] as number;
	for (let e = 0; e < a.length; e++) {
		const i = a[e] as number;
		const j = b[e] as number;
		const at = i > j ? i * n + j : j * n + i;
		m[at] = (m[at] as number) - (off[e] as number);
	}
	const dot = (
		x: Float64Array,
		xi: number,
		y: Float64Array,
		yi: number,
		length: number
	): number => {
		let s0 = 0;
		let s1 = 0;
		let s2 = 0;
		let s3 = 0;
		let k = 0;
		for (; k + 3 < length; k += 4) {
			s0 += (x[xi + k] as number) * (y[yi + k] as number);
			s1 += (x[xi + k + 1] as number) * (y[yi + k + 1] as number);
			s2 += (x[xi + k + 2] as number) * (y[yi + k + 2] as number);
			s3 += (x[xi + k + 3] as number) * (y[yi + k + 3] as number);
		}
		for (; k < length; k++) s0 += (x[xi + k] as number) * (y[yi + k] as number);
		return s0 + s1 + s2 + s3;
	};
	for (let j = 0; j < n; j++) {
		const rowJ = j * n;
		const ljj = Math.sqrt((m[rowJ + j] as number) - dot(m, rowJ, m, rowJ, j));
		m[rowJ + j] = ljj;
		for (let i = j + 1; i < n; i++) {
			const rowI = i * n;
			m[rowI + j] = ((m[rowI + j] as number) - dot(m, rowI, m, rowJ, j)) / ljj;
		}
	}
	const x = new Float64Array(n);
	for (let j = 0; j < n; j++) {
		// Solve L·x = e_j; x_k = 0 for k < j, so every dot product starts at column j.
		let sum = 0;
		for (let k = j; k < n; k++) {
			const rowK = k * n;
			const xk = ((k === j ? 1 : 0) - dot(m, rowK + j, x, j, k - j)) / (m[rowK + k] as number);
			x[k] = xk;
			sum += xk * xk;
		}
		se[j] = Math.sqrt(sum);
	}
	return se;
}

function variance(xs: ArrayLike<number>): number {
	let mean = 0;
	for (let i = 0; i < xs.length; i++) mean += xs[i] as number;
	mean /= xs.length;
	let v = 0;
	for (let i = 0; i < xs.length; i++) v += ((xs[i] as number) - mean) ** 2;
	return v / xs.length;
}

function pearson(x: readonly number[], y: readonly number[]): number | null {
	const n = x.length;
	if (n < 3) return null;
	let mx = 0;
	let my = 0;
	for (let i = 0; i < n; i++) {
		mx += x[i] as number;
		my += y[i] as number;
	}
	mx /= n;
	my /= n;
	let sxy = 0;
	let sxx = 0;
	let syy = 0;
	for (let i = 0; i < n; i++) {
		const dx = (x[i] as number) - mx;
		const dy = (y[i] as number) - my;
		sxy += dx * dy;
		sxx += dx * dx;
		syy += dy * dy;
	}
	return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : null;
}

/** Union–find over the comparison edges; items never compared are components of their own. */
function connectedComponents(items: readonly string[], g: Graph): string[][] {
	const parent = Int32Array.from({ length: items.length }, (_, i) => i);
	const find = (i: number): number => {
		while (parent[i] !== i) {
			parent[i] = parent[parent[i] as number] as number;
			i = parent[i] as number;
		}
		return i;
	};
	for (let e = 0; e < g.a.length; e++) {
		const ra = find(g.a[e] as number);
		const rb = find(g.b[e] as number);
		if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
	}
	const groups = new Map<number, string[]>();
	items.forEach((id, i) => {
		const root = find(i);
		const group = groups.get(root);
		if (group) group.push(id);
		else groups.set(root, [id]);
	});
	return [...groups.values()].sort((x, y) => y.length - x.length);
}

/**
 * Split-half reliability: judges are split at random into two halves, each half's comparisons
 * are fitted alone, and the strengths of entries compared in both halves are correlated (r).
 * Spearman–Brown steps the half-length correlation up to the full panel:
 *
 *     R = 2·r̄ / (1 + r̄)
 *
 * with r̄ the mean r over `splits` draws (one draw is noisy with few judges). Unlike SSR this is
 * not inflated by adaptive pairing, which is why the organizer sees both. r̄ ≤ 0 reports 0.
 */
function splitHalfReliability(
	full: Graph,
	outcomes: Outcomes,
	options: {
		prior: number;
		maxIterations: number;
		tolerance: number;
		seed: number;
		splits: number;
	},
	warm: Float64Array
): number | null {
	if (outcomes.judges < 2) return null;
	const n = full.n;
	const random = createRandom(options.seed);
	const judges = Array.from({ length: outcomes.judges }, (_, j) => j);
	const rs: number[] = [];
	for (let s = 0; s < options.splits; s++) {
		const first = new Uint8Array(outcomes.judges);
		for (const j of shuffled(judges, random).slice(0, outcomes.judges >> 1)) first[j] = 1;
		const second = first.map((v) => 1 - v);
		const g1 = halfGraph(full, outcomes, first);
		const g2 = halfGraph(full, outcomes, second);
		const f1 = fitStrengths(g1, options.prior, options.maxIterations, options.tolerance, warm).pi;
		const f2 = fitStrengths(g2, options.prior, options.maxIterations, options.tolerance, warm).pi;
		const x: number[] = [];
		const y: number[] = [];
		for (let i = 0; i < n; i++) {
			const seen1 = (g1.wins[i] as number) + (g1.losses[i] as number);
			const seen2 = (g2.wins[i] as number) + (g2.losses[i] as number);
			if (seen1 > 0 && seen2 > 0) {
				x.push(Math.log(f1[i] as number));
				y.push(Math.log(f2[i] as number));
			}
		}
		const r = pearson(x, y);
		if (r !== null) rs.push(r);
	}
	if (rs.length === 0) return null;
	const r = rs.reduce((sum, v) => sum + v, 0) / rs.length;
	return r > 0 ? (2 * r) / (1 + r) : 0;
}

/**
 * Fits the Bradley–Terry model P(i beats j) = π_i/(π_i + π_j) = 1/(1 + e^(θ_j − θ_i)) with a
 * weak prior (see fitStrengths), and reports SE, reliability and connectivity.
 *
 * Scale-separation reliability, the share of the observed spread of θ̂ that is not measurement
 * error:
 *
 *     SSR = (Var θ̂ − mean SE²) / Var θ̂      (clamped at 0; null when Var θ̂ = 0)
 *
 * Comparisons naming unknown items or an item against itself are ignored.
 */
export function fitBradleyTerry(
	items: string[],
	comparisons: Comparison[],
	options: BtOptions = {}
): BtFit {
	const prior = options.prior ?? 1;
	const maxIterations = options.maxIterations ?? 1000;
	const tolerance = options.tolerance ?? 1e-8;
	const seed = options.seed ?? 1;
	const splits = options.splits ?? 6;
	if (!(prior > 0)) throw new RangeError('the prior must be positive to keep strengths finite');

	const index = new Map<string, number>();
	items.forEach((id, i) => index.set(id, i));
	const outcomes = resolveOutcomes(index, comparisons);
	const g = buildGraph(items.length, outcomes);
	const { pi, iterations, converged } = fitStrengths(g, prior, maxIterations, tolerance);
	const exact =
		(options.standardErrors ?? (items.length <= EXACT_SE_LIMIT ? 'exact' : 'diagonal')) === 'exact';
	const se = standardErrors(g, pi, prior, exact);

	const theta = Float64Array.from(pi, (p) => Math.log(p));
	let ssr: number | null = null;
	if (items.length >= 2) {
		const v = variance(theta);
		let meanSe2 = 0;
		for (let i = 0; i < se.length; i++) meanSe2 += (se[i] as number) ** 2;
		meanSe2 /= se.length;
		if (v > 0) ssr = Math.max(0, (v - meanSe2) / v);
	}

	return {
		items: items.map((id, i) => {
			const wins = g.wins[i] as number;
			const losses = g.losses[i] as number;
			return {
				id,
				theta: theta[i] as number,
				se: se[i] as number,
				wins,
				losses,
				comparisons: wins + losses
			};
		}),
		ssr,
		// Correlations need three digits, not eight: a looser tolerance for the half fits.
		splitHalf: splitHalfReliability(
			g,
			outcomes,
			{ prior, maxIterations, tolerance: Math.max(tolerance, 1e-5), seed, splits },
			pi
		),
		components: connectedComponents(items, g),
		iterations,
		converged
	};
}

/**
 * How many more comparisons should bring SSR to `target`, assuming the true spread of
 * strengths τ² = Var θ̂ − mean SE² stays put and the error variance falls in proportion to the
 * number of comparisons (each adds about the same information):
 *
 *     SE²_needed = τ²·(1 − t)/t,   C_needed = C · mean SE² / SE²_needed
 *
 * 0 when the target is met; null when there is no measurable spread yet (too few comparisons to
 * say — early rounds should simply go on).
 */
export function comparisonsForTarget(fit: BtFit, target = SSR_TARGET): number | null {
	if (fit.ssr === null) return null;
	if (fit.ssr >= target) return 0;
	const total = fit.items.reduce((sum, item) => sum + item.comparisons, 0) / 2;
	const v = variance(fit.items.map((item) => item.theta));
	const meanSe2 = fit.items.reduce((sum, item) => sum + item.se * item.se, 0) / fit.items.length;
	const tau2 = v - meanSe2;
	if (total === 0 || !(tau2 > 0)) return null;
	const needed = (total * meanSe2) / ((tau2 * (1 - target)) / target);
	return Math.max(0, Math.ceil(needed - total));
}

/** Comparisons per entry served at random before pairing turns adaptive. */
export const RANDOM_FIRST = 6;

/**
 * Random pairs until the least-seen entry has been compared `randomFirst` times, adaptive after:
 * adaptive choice needs strengths worth trusting, and random rounds keep SSR honest (adaptive
 * pairing inflates it), as the CJ literature advises.
 */
export function suggestedPairMode(
	fit: BtFit,
	randomFirst: number = RANDOM_FIRST
): 'random' | 'adaptive' {
	if (fit.items.length < 2) return 'random';
	const fewest = Math.min(...fit.items.map((item) => item.comparisons));
	return fewest < randomFirst ? 'random' : 'adaptive';
}

/** Adaptive choice looks only this many comparisons above the least-seen candidate. */
const ADAPTIVE_SLACK = 2;

/**
 * The next `count` pairs for one judge.
 *
 * - Every entry is seen evenly: the least-compared entry (over all judges, counting the pairs
 *   chosen so far) is always in the next pair; ties are broken at random.
 * - Never a pair this judge has already judged or holds pending, in either order, nor twice in
 *   one batch.
 * - 'random': the partner is a least-compared candidate at random. Random rounds come first
 *   because adaptive choice inflates SSR.
 * - 'adaptive': among candidates at most ADAPTIVE_SLACK comparisons above the least-seen one,
 *   the partner with the smallest standardized distance |θ_a − θ_b| / √(SE_a² + SE_b²): close in
 *   strength (an informative, uncertain outcome) and uncertain. Falls back to random without a
 *   fit.
 * - Left/right order is random, so position cannot bias the judge.
 *
 * Returns fewer pairs when the judge has run out of new ones.
 */
export function choosePairs(input: {
	items: string[];
	comparisons: Comparison[];
	judgeId: string;
	count: number;
	mode: 'random' | 'adaptive';
	fit?: BtFit;
	seed: number;
	/**
	 * Pairs handed out but not yet answered (by any judge): they count as exposure, so judges
	 * asking at the same moment are not all sent the same least-seen entries, and this judge's
	 * own are never handed out again.
	 */
	pending?: { judgeId: string; pair: [string, string] }[];
}): [string, string][] {
	const random = createRandom(input.seed);
	// Shuffled once: scanning in this order breaks exposure ties at random yet reproducibly.
	const order = shuffled([...new Set(input.items)].sort(), random);
	const n = order.length;
	const pos = new Map<string, number>();
	order.forEach((id, i) => pos.set(id, i));

	const exposure = new Int32Array(n);
	const taken = new Set<string>();
	for (const c of input.comparisons) {
		const w = pos.get(c.winnerId);
		const l = pos.get(c.loserId);
		if (w === undefined || l === undefined || w === l) continue;
		exposure[w] = (exposure[w] as number) + 1;
		exposure[l] = (exposure[l] as number) + 1;
		if (c.judgeId === input.judgeId) taken.add(pairKey(c.winnerId, c.loserId));
	}
	for (const { judgeId, pair } of input.pending ?? []) {
		const [x, y] = pair;
		const a = pos.get(x);
		const b = pos.get(y);
		if (a === undefined || b === undefined || a === b) continue;
		exposure[a] = (exposure[a] as number) + 1;
		exposure[b] = (exposure[b] as number) + 1;
		if (judgeId === input.judgeId) taken.add(pairKey(x, y));
	}

	const theta = new Float64Array(n);
	const se2 = new Float64Array(n).fill(Infinity);
	const adaptive = input.mode === 'adaptive' && input.fit !== undefined;
	if (adaptive) {
		for (const item of input.fit?.items ?? []) {
			const i = pos.get(item.id);
			if (i === undefined) continue;
			theta[i] = item.theta;
			se2[i] = item.se * item.se;
		}
	}

	const exhausted = new Uint8Array(n);
	const pairs: [string, string][] = [];
	while (pairs.length < input.count) {
		// A random starting point for each scan, so exposure ties do not favour the same entries.
		const start = Math.floor(random() * n);
		let first = -1;
		for (let t = 0; t < n; t++) {
			const i = (start + t) % n;
			if (exhausted[i]) continue;
			if (first < 0 || (exposure[i] as number) < (exposure[first] as number)) first = i;
		}
		if (first < 0) break;
		const idA = order[first] as string;

		let minExposure = Infinity;
		const candidates: number[] = [];
		for (let t = 0; t < n; t++) {
			const j = (start + t) % n;
			if (j === first || taken.has(pairKey(idA, order[j] as string))) continue;
			candidates.push(j);
			if ((exposure[j] as number) < minExposure) minExposure = exposure[j] as number;
		}
		if (candidates.length === 0) {
			exhausted[first] = 1;
			continue;
		}
		let partner = -1;
		if (adaptive) {
			let best = Infinity;
			for (const j of candidates) {
				if ((exposure[j] as number) > minExposure + ADAPTIVE_SLACK) continue;
				const spread = Math.sqrt((se2[first] as number) + (se2[j] as number));
				const distance = Math.abs((theta[first] as number) - (theta[j] as number)) / spread;
				if (distance < best) {
					best = distance;
					partner = j;
				}
			}
		} else {
			for (const j of candidates) {
				if (exposure[j] === minExposure) {
					partner = j;
					break;
				}
			}
		}
		if (partner < 0) partner = candidates[0] as number;
		const idB = order[partner] as string;
		taken.add(pairKey(idA, idB));
		exposure[first] = (exposure[first] as number) + 1;
		exposure[partner] = (exposure[partner] as number) + 1;
		pairs.push(random() < 0.5 ? [idA, idB] : [idB, idA]);
	}
	return pairs;
}

/**
 * SSR as the comparisons accumulated, for the organizer's reliability chart: the fit refitted on
 * the first ⌈k·C/steps⌉ comparisons, k = 1 … steps, in the order given (oldest first). Split-half
 * is skipped (the chart shows SSR only); SE method as in the full fit, so the last point equals
 * the dashboard's SSR.
 */
export function reliabilityCurve(
	items: string[],
	comparisons: Comparison[],
	options: BtOptions & { steps?: number } = {}
): { comparisons: number; ssr: number }[] {
	const steps = Math.max(1, Math.min(options.steps ?? 8, comparisons.length));
	const points: { comparisons: number; ssr: number }[] = [];
	for (let k = 1; k <= steps && comparisons.length > 0; k++) {
		const count = Math.ceil((k * comparisons.length) / steps);
		const fit = fitBradleyTerry(items, comparisons.slice(0, count), { ...options, splits: 0 });
		points.push({ comparisons: count, ssr: fit.ssr ?? 0 });
	}
	return points;
}
