// The final panel ranks a shortlist together; the Schulze method turns the judges' orders into
// one ranking that respects every majority it can (a Condorcet method, clone-proof, and with no
// random step — a tie stays a tie for the published tie-break to settle).

/**
 * Schulze (2011), "A new monotonic, clone-independent, reversal symmetric, and
 * Condorcet-consistent single-winner election method".
 *
 * - d[i][j] = number of ballots ranking candidate i above candidate j. A ballot lists the judge's
 *   order, best first; candidates it leaves out tie below every listed one. Unknown names and
 *   repeats on a ballot are ignored.
 * - p[i][j] = strength of the strongest path from i to j, a path's strength being its weakest
 *   link d[x][y] (only links with d[x][y] > d[y][x] count): a widest-path Floyd–Warshall,
 *
 *       p[j][k] ← max(p[j][k], min(p[j][i], p[i][k]))
 *
 * - i ranks above j iff p[i][j] > p[j][i]. That relation is transitive, so the ranking is a list
 *   of tiers, best first: each tier holds the remaining candidates that no remaining candidate
 *   beats, in the order of `candidates`.
 *
 * d and p are indexed by position in `candidates`.
 *
 * `unlisted: 'abstain'` reads a ballot's unlisted candidates as "no opinion" instead: they add
 * nothing to d against anyone. A panel judge who may not see an entry (conflict of interest,
 * recusal) must neither push it down nor up.
 */
export function schulze(
	candidates: string[],
	ballots: string[][],
	options: { unlisted?: 'below' | 'abstain' } = {}
): { ranking: string[][]; d: number[][]; p: number[][] } {
	const abstain = options.unlisted === 'abstain';
	const n = candidates.length;
	const index = new Map<string, number>();
	candidates.forEach((c, i) => index.set(c, i));
	const d = candidates.map(() => new Array<number>(n).fill(0));

	const rank = new Int32Array(n);
	for (const ballot of ballots) {
		// Unlisted candidates share the rank after the last listed one.
		rank.fill(n);
		let next = 0;
		for (const name of ballot) {
			const i = index.get(name);
			if (i === undefined || rank[i] !== n) continue;
			rank[i] = next++;
		}
		if (next === 0) continue;
		for (let i = 0; i < n; i++) {
			const row = d[i] as number[];
			for (let j = 0; j < n; j++) {
				if (abstain && rank[j] === n) continue;
				if ((rank[i] as number) < (rank[j] as number)) row[j] = (row[j] as number) + 1;
			}
		}
	}

	const at = (m: number[][], i: number, j: number) => (m[i] as number[])[j] as number;
	const p = candidates.map((_, i) =>
		candidates.map((__, j) => (i !== j && at(d, i, j) > at(d, j, i) ? at(d, i, j) : 0))
	);
	for (let i = 0; i < n; i++) {
		for (let j = 0; j < n; j++) {
			if (i === j) continue;
			const pji = at(p, j, i);
			if (pji === 0) continue;
			const row = p[j] as number[];
			for (let k = 0; k < n; k++) {
				if (k === i || k === j) continue;
				const via = Math.min(pji, at(p, i, k));
				if (via > (row[k] as number)) row[k] = via;
			}
		}
	}

	const ranking: string[][] = [];
	let remaining = candidates.map((_, i) => i);
	while (remaining.length > 0) {
		const tier = remaining.filter((i) => remaining.every((j) => at(p, j, i) <= at(p, i, j)));
		ranking.push(tier.map((i) => candidates[i] as string));
		const placed = new Set(tier);
		remaining = remaining.filter((i) => !placed.has(i));
	}
	return { ranking, d, p };
}

/**
 * The panel's head-to-head verdict for the tie-break rule: > 0 when the panel's Schulze result
 * puts a above b (stronger path), < 0 below, 0 when it does not decide or either was not on the
 * shortlist.
 */
export function schulzeHeadToHead(
	candidates: readonly string[],
	result: { p: number[][] }
): (a: string, b: string) => number {
	const index = new Map(candidates.map((c, i) => [c, i]));
	return (a, b) => {
		const i = index.get(a);
		const j = index.get(b);
		if (i === undefined || j === undefined || i === j) return 0;
		return ((result.p[i] as number[])[j] as number) - ((result.p[j] as number[])[i] as number);
	};
}
