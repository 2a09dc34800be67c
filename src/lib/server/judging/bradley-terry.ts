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
	/** Random judge splits averaged for split-half reliability. Default 10. */
	splits?: number;
	/**
	 * 'exact' inverts the whole information matrix (accounts for every other entry's
	 * uncertainty, O(n³)); 'diagonal' uses 1/√I_ii (O(n), slightly optimistic). Default: exact
	 * up to 2,000 entries.
	 */
	standardErrors?: 'exact' | 'diagonal';
}

export const SSR_TARGET = 0.8;
const EXACT_SE_LIMIT = 2000;

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
}

function buildGraph(
	index: Map<string, number>,
	n: number,
	comparisons: readonly Comparison[]
): Graph {
	const edgeOf = new Map<string, number>();
	const a: number[] = [];
	const b: number[] = [];
	const winsA: number[] = [];
	const winsB: number[] = [];
	const wins = new Float64Array(n);
	const losses = new Float64Array(n);
	for (const c of comparisons) {
		const w = index.get(c.winnerId);
		const l = index.get(c.loserId);
		if (w === undefined || l === undefined || w === l) continue;
		wins[w] = (wins[w] as number) + 1;
		losses[l] = (losses[l] as number) + 1;
		const key = pairKey(c.winnerId, c.loserId);
		let e = edgeOf.get(key);
		if (e === undefined) {
			e = a.length;
			edgeOf.set(key, e);
			a.push(w);
			b.push(l);
			winsA.push(0);
			winsB.push(0);
		}
		if (a[e] === w) winsA[e] = (winsA[e] as number) + 1;
		else winsB[e] = (winsB[e] as number) + 1;
	}
	return {
		n,
		a: Int32Array.from(a),
		b: Int32Array.from(b),
		winsA: Float64Array.from(winsA),
		winsB: Float64Array.from(winsB),
		wins,
		losses
	};
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
 */
function fitStrengths(
	g: Graph,
	prior: number,
	maxIterations: number,
	tolerance: number
): { pi: Float64Array; iterations: number; converged: boolean } {
	const { n, a, b, winsA, winsB } = g;
	const pi = new Float64Array(n).fill(1);
	const num = new Float64Array(n);
	const den = new Float64Array(n);
	let iterations = 0;
	let converged = false;
	while (iterations < maxIterations) {
		iterations++;
		for (let i = 0; i < n; i++) {
			const v = prior / ((pi[i] as number) + 1);
			num[i] = v;
			den[i] = v;
		}
		for (let e = 0; e < a.length; e++) {
			const i = a[e] as number;
			const j = b[e] as number;
			const pI = pi[i] as number;
			const pJ = pi[j] as number;
			const inv = 1 / (pI + pJ);
			const wij = winsA[e] as number;
			const wji = winsB[e] as number;
			num[i] = (num[i] as number) + wij * pJ * inv;
			den[i] = (den[i] as number) + wji * inv;
			num[j] = (num[j] as number) + wji * pI * inv;
			den[j] = (den[j] as number) + wij * inv;
		}
		let change = 0;
		for (let i = 0; i < n; i++) {
			const next = (num[i] as number) / (den[i] as number);
			const delta = Math.abs(Math.log(next / (pi[i] as number)));
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
 * norm of column i of L⁻¹, computed column by column on contiguous rows.
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
	// Dense lower triangle, row-major: L[i*n + j] for j ≤ i.
	const m = new Float64Array(n * n);
	for (let i = 0; i < n; i++) m[i * n + i] = diag[i] as number;
	for (let e = 0; e < a.length; e++) {
		const i = a[e] as number;
		const j = b[e] as number;
		const hi = Math.max(i, j);
		const lo = Math.min(i, j);
		m[hi * n + lo] = (m[hi * n + lo] as number) - (off[e] as number);
	}
	for (let j = 0; j < n; j++) {
		const rowJ = j * n;
		let d = m[rowJ + j] as number;
		for (let k = 0; k < j; k++) d -= (m[rowJ + k] as number) ** 2;
		const ljj = Math.sqrt(d);
		m[rowJ + j] = ljj;
		for (let i = j + 1; i < n; i++) {
			const rowI = i * n;
			let s = m[rowI + j] as number;
			for (let k = 0; k < j; k++) s -= (m[rowI + k] as number) * (m[rowJ + k] as number);
			m[rowI + j] = s / ljj;
		}
	}
	const x = new Float64Array(n);
	for (let j = 0; j < n; j++) {
		// Solve L·x = e_j; x_k = 0 for k < j.
		let sum = 0;
		for (let k = j; k < n; k++) {
			const rowK = k * n;
			let s = k === j ? 1 : 0;
			for (let q = j; q < k; q++) s -= (m[rowK + q] as number) * (x[q] as number);
			const xk = s / (m[rowK + k] as number);
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
	items: readonly string[],
	index: Map<string, number>,
	comparisons: readonly Comparison[],
	options: { prior: number; maxIterations: number; tolerance: number; seed: number; splits: number }
): number | null {
	const judges = [...new Set(comparisons.map((c) => c.judgeId))].sort();
	if (judges.length < 2) return null;
	const random = createRandom(options.seed);
	const rs: number[] = [];
	for (let s = 0; s < options.splits; s++) {
		const firstHalf = new Set(shuffled(judges, random).slice(0, judges.length >> 1));
		const halves: [Comparison[], Comparison[]] = [[], []];
		for (const c of comparisons) halves[firstHalf.has(c.judgeId) ? 0 : 1].push(c);
		const [g1, g2] = halves.map((half) => buildGraph(index, items.length, half)) as [Graph, Graph];
		const f1 = fitStrengths(g1, options.prior, options.maxIterations, options.tolerance).pi;
		const f2 = fitStrengths(g2, options.prior, options.maxIterations, options.tolerance).pi;
		const x: number[] = [];
		const y: number[] = [];
		for (let i = 0; i < items.length; i++) {
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
	const splits = options.splits ?? 10;
	if (!(prior > 0)) throw new RangeError('the prior must be positive to keep strengths finite');

	const index = new Map<string, number>();
	items.forEach((id, i) => index.set(id, i));
	const g = buildGraph(index, items.length, comparisons);
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
		splitHalf: splitHalfReliability(items, index, comparisons, {
			prior,
			maxIterations,
			tolerance,
			seed,
			splits
		}),
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

/** Adaptive choice looks only this many comparisons above the least-seen candidate. */
const ADAPTIVE_SLACK = 2;

/**
 * The next `count` pairs for one judge.
 *
 * - Every entry is seen evenly: the least-compared entry (over all judges, counting the pairs
 *   chosen so far) is always in the next pair; ties are broken at random.
 * - Never a pair this judge has already judged, in either order, nor twice in one batch.
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
