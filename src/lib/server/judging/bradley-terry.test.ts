import { describe, expect, it } from 'vitest';
import {
	choosePairs,
	comparisonsForTarget,
	fitBradleyTerry,
	reliabilityCurve,
	suggestedPairMode,
	type BtFit,
	type Comparison
} from './bradley-terry.ts';
import { createRandom, pairKey } from './random.ts';

const beat = (winnerId: string, loserId: string, times = 1, judgeId = 'j1'): Comparison[] =>
	Array.from({ length: times }, () => ({ judgeId, winnerId, loserId }));

/** Comparisons drawn from the model itself, for properties that need realistic data. */
function simulate(options: {
	items: number;
	comparisons: number;
	judges: number;
	spread: number;
	seed: number;
}): { items: string[]; truth: Map<string, number>; comparisons: Comparison[] } {
	const random = createRandom(options.seed);
	const items = Array.from({ length: options.items }, (_, i) => `i${i}`);
	// A normal spread of true strengths (Box–Muller).
	const truth = new Map(
		items.map((id) => {
			const u = Math.max(1e-12, random());
			const normal = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
			return [id, normal * options.spread];
		})
	);
	const comparisons: Comparison[] = [];
	for (let c = 0; c < options.comparisons; c++) {
		const a = items[Math.floor(random() * items.length)] as string;
		let b = a;
		while (b === a) b = items[Math.floor(random() * items.length)] as string;
		const p = 1 / (1 + Math.exp((truth.get(b) as number) - (truth.get(a) as number)));
		const judgeId = `j${Math.floor(random() * options.judges)}`;
		comparisons.push(
			random() < p ? { judgeId, winnerId: a, loserId: b } : { judgeId, winnerId: b, loserId: a }
		);
	}
	return { items, truth, comparisons };
}

function correlation(x: number[], y: number[]): number {
	const mx = x.reduce((s, v) => s + v, 0) / x.length;
	const my = y.reduce((s, v) => s + v, 0) / y.length;
	let sxy = 0;
	let sxx = 0;
	let syy = 0;
	x.forEach((v, i) => {
		sxy += (v - mx) * ((y[i] as number) - my);
		sxx += (v - mx) ** 2;
		syy += ((y[i] as number) - my) ** 2;
	});
	return sxy / Math.sqrt(sxx * syy);
}

/** Gauss–Jordan inverse: slow and obvious, to check the Cholesky route against. */
function invert(matrix: number[][]): number[][] {
	const n = matrix.length;
	const a = matrix.map((row, i) => [
		...row,
		...Array.from({ length: n }, (_, j) => (i === j ? 1 : 0))
	]);
	for (let col = 0; col < n; col++) {
		const pivot = (a[col] as number[])[col] as number;
		a[col] = (a[col] as number[]).map((v) => v / pivot);
		for (let r = 0; r < n; r++) {
			if (r === col) continue;
			const factor = (a[r] as number[])[col] as number;
			a[r] = (a[r] as number[]).map((v, k) => v - factor * ((a[col] as number[])[k] as number));
		}
	}
	return a.map((row) => row.slice(n));
}

const byId = (fit: BtFit, id: string) =>
	fit.items.find((i) => i.id === id) as BtFit['items'][number];

describe('fitBradleyTerry', () => {
	it('solves the posterior score equations: wins + r = Σ n_ij·p_ij + 2r·p_i0', () => {
		const comparisons = [
			...beat('a', 'b', 3),
			...beat('b', 'a'),
			...beat('b', 'c', 2),
			...beat('c', 'a'),
			...beat('a', 'c', 2)
		];
		const fit = fitBradleyTerry(['a', 'b', 'c'], comparisons, { prior: 1 });
		expect(fit.converged).toBe(true);
		const theta = new Map(fit.items.map((i) => [i.id, i.theta]));
		const p = (x: number, y: number) => 1 / (1 + Math.exp(y - x));
		for (const item of fit.items) {
			let expected = 2 * p(item.theta, 0);
			for (const c of comparisons) {
				if (c.winnerId === item.id) expected += p(item.theta, theta.get(c.loserId) as number);
				if (c.loserId === item.id) expected += p(item.theta, theta.get(c.winnerId) as number);
			}
			expect(item.wins + 1).toBeCloseTo(expected, 6);
		}
		expect(byId(fit, 'a')).toMatchObject({ wins: 5, losses: 2, comparisons: 7 });
	});

	it('keeps an unbeaten entry finite and on top', () => {
		const fit = fitBradleyTerry(
			['a', 'b', 'c'],
			[...beat('a', 'b', 5), ...beat('a', 'c', 5), ...beat('b', 'c')]
		);
		const a = byId(fit, 'a');
		expect(fit.converged).toBe(true);
		expect(Number.isFinite(a.theta)).toBe(true);
		expect(Number.isFinite(a.se)).toBe(true);
		expect(a.theta).toBeGreaterThan(byId(fit, 'b').theta);
		expect(byId(fit, 'b').theta).toBeGreaterThan(byId(fit, 'c').theta);
	});

	it('gives equal records equal strength', () => {
		const fit = fitBradleyTerry(['a', 'b'], [...beat('a', 'b', 4), ...beat('b', 'a', 4)]);
		expect(byId(fit, 'a').theta).toBeCloseTo(0, 9);
		expect(byId(fit, 'b').theta).toBeCloseTo(0, 9);
	});

	it('takes SEs from the inverse Fisher information, exactly', () => {
		const { items, comparisons } = simulate({
			items: 8,
			comparisons: 60,
			judges: 3,
			spread: 1,
			seed: 4
		});
		const fit = fitBradleyTerry(items, comparisons);
		const theta = fit.items.map((i) => i.theta);
		const info = items.map(() => items.map(() => 0));
		const p = (x: number, y: number) => 1 / (1 + Math.exp(y - x));
		items.forEach((_, i) => {
			const pi0 = p(theta[i] as number, 0);
			(info[i] as number[])[i] = 2 * pi0 * (1 - pi0);
		});
		for (const c of comparisons) {
			const i = items.indexOf(c.winnerId);
			const j = items.indexOf(c.loserId);
			const pij = p(theta[i] as number, theta[j] as number);
			const w = pij * (1 - pij);
			(info[i] as number[])[i] = ((info[i] as number[])[i] as number) + w;
			(info[j] as number[])[j] = ((info[j] as number[])[j] as number) + w;
			(info[i] as number[])[j] = ((info[i] as number[])[j] as number) - w;
			(info[j] as number[])[i] = ((info[j] as number[])[i] as number) - w;
		}
		const inverse = invert(info);
		fit.items.forEach((item, i) => {
			expect(item.se).toBeCloseTo(Math.sqrt((inverse[i] as number[])[i] as number), 9);
		});
		// The diagonal shortcut ignores the other entries' uncertainty, so it is never larger.
		const diagonal = fitBradleyTerry(items, comparisons, { standardErrors: 'diagonal' });
		diagonal.items.forEach((item, i) => {
			expect(item.se).toBeCloseTo(1 / Math.sqrt((info[i] as number[])[i] as number), 9);
			expect(item.se).toBeLessThanOrEqual((fit.items[i] as BtFit['items'][number]).se + 1e-12);
		});
	});

	it('reports a disconnected comparison graph, largest part first', () => {
		const fit = fitBradleyTerry(
			['a', 'b', 'c', 'd', 'e', 'f'],
			[
				...beat('a', 'b'),
				...beat('c', 'd'),
				...beat('d', 'e'),
				...beat('x', 'a'),
				...beat('a', 'a')
			]
		);
		expect(fit.components).toEqual([['c', 'd', 'e'], ['a', 'b'], ['f']]);
		expect(byId(fit, 'f')).toMatchObject({ theta: 0, comparisons: 0 });
		expect(
			fitBradleyTerry(['a', 'b', 'c'], [...beat('a', 'b'), ...beat('b', 'c')]).components
		).toHaveLength(1);
	});

	it('recovers the true order and is reliable with enough comparisons', () => {
		const { items, truth, comparisons } = simulate({
			items: 60,
			comparisons: 900,
			judges: 8,
			spread: 1.7,
			seed: 7
		});
		const fit = fitBradleyTerry(items, comparisons);
		expect(
			correlation(
				fit.items.map((i) => i.theta),
				items.map((id) => truth.get(id) as number)
			)
		).toBeGreaterThan(0.9);
		expect(fit.ssr).toBeGreaterThan(0.8);
		expect(fit.splitHalf).toBeGreaterThan(0.75);
	});

	it('finds little reliability in coin flips', () => {
		const { items, comparisons } = simulate({
			items: 60,
			comparisons: 300,
			judges: 8,
			spread: 0,
			seed: 3
		});
		const fit = fitBradleyTerry(items, comparisons);
		expect(fit.ssr).toBeLessThan(0.3);
		expect(fit.splitHalf).toBeLessThan(0.4);
	});

	it('has no split-half with one judge and no SSR without spread', () => {
		const fit = fitBradleyTerry(['a', 'b', 'c'], [...beat('a', 'b'), ...beat('b', 'c')]);
		expect(fit.splitHalf).toBeNull();
		expect(fitBradleyTerry(['a', 'b'], []).ssr).toBeNull();
		expect(() => fitBradleyTerry(['a'], [], { prior: 0 })).toThrow(RangeError);
	});

	it('is deterministic for a seed', () => {
		const { items, comparisons } = simulate({
			items: 30,
			comparisons: 200,
			judges: 5,
			spread: 1,
			seed: 9
		});
		const once = fitBradleyTerry(items, comparisons, { seed: 5 });
		expect(fitBradleyTerry(items, comparisons, { seed: 5 })).toEqual(once);
	});
});

describe('reliabilityCurve', () => {
	it('refits on growing prefixes and ends at the full fit', () => {
		const { items, comparisons } = simulate({
			items: 40,
			comparisons: 600,
			judges: 4,
			spread: 1.5,
			seed: 21
		});
		const curve = reliabilityCurve(items, comparisons, { steps: 4 });
		expect(curve.map((p) => p.comparisons)).toEqual([150, 300, 450, 600]);
		expect(curve.at(-1)?.ssr).toBeCloseTo(fitBradleyTerry(items, comparisons).ssr as number, 12);
		expect(curve[0]?.ssr).toBeLessThan(curve.at(-1)?.ssr as number);
		expect(reliabilityCurve(items, [])).toEqual([]);
	});

	it('does not depend on the order judges are listed in for split-half', () => {
		const { items, comparisons } = simulate({
			items: 30,
			comparisons: 300,
			judges: 6,
			spread: 1,
			seed: 2
		});
		expect(fitBradleyTerry(items, [...comparisons].reverse()).splitHalf).toBeCloseTo(
			fitBradleyTerry(items, comparisons).splitHalf as number,
			6
		);
	});
});

describe('suggestedPairMode', () => {
	it('stays random until every entry has its first comparisons', () => {
		const three = ['a', 'b', 'c'];
		// a and c have five comparisons each, one short of the random phase.
		const early = fitBradleyTerry(three, [...beat('a', 'b', 5), ...beat('b', 'c', 5)]);
		expect(suggestedPairMode(early)).toBe('random');
		const later = fitBradleyTerry(three, [
			...beat('a', 'b', 6),
			...beat('b', 'c', 6),
			...beat('c', 'a', 6)
		]);
		expect(suggestedPairMode(later)).toBe('adaptive');
		expect(suggestedPairMode(later, 13)).toBe('random');
	});
});

describe('comparisonsForTarget', () => {
	it('is 0 once the target is met and null before there is any spread', () => {
		const { items, comparisons } = simulate({
			items: 40,
			comparisons: 800,
			judges: 6,
			spread: 2,
			seed: 1
		});
		expect(comparisonsForTarget(fitBradleyTerry(items, comparisons), 0.5)).toBe(0);
		expect(comparisonsForTarget(fitBradleyTerry(['a', 'b'], []))).toBeNull();
	});

	it('estimates well enough that doing that many reaches about the target', () => {
		const all = simulate({ items: 80, comparisons: 6000, judges: 10, spread: 1.3, seed: 11 });
		const start = 300;
		const early = fitBradleyTerry(all.items, all.comparisons.slice(0, start));
		expect(early.ssr).toBeLessThan(0.8);
		const more = comparisonsForTarget(early) as number;
		expect(more).toBeGreaterThan(0);
		const later = fitBradleyTerry(all.items, all.comparisons.slice(0, start + more));
		expect(later.ssr).toBeGreaterThan(0.7);
		expect(later.ssr).toBeLessThan(0.9);
	});
});

describe('choosePairs', () => {
	const items = Array.from({ length: 10 }, (_, i) => `e${i}`);

	it('shows every entry evenly when nothing has been compared', () => {
		const pairs = choosePairs({
			items,
			comparisons: [],
			judgeId: 'j1',
			count: 5,
			mode: 'random',
			seed: 1
		});
		expect(pairs).toHaveLength(5);
		expect(new Set(pairs.flat()).size).toBe(10);
	});

	it('brings the least-seen entries forward', () => {
		const comparisons = [...beat('e0', 'e1', 3, 'j2'), ...beat('e2', 'e3', 3, 'j2')];
		const pairs = choosePairs({
			items,
			comparisons,
			judgeId: 'j1',
			count: 3,
			mode: 'random',
			seed: 2
		});
		const shown = pairs.flat();
		for (const busy of ['e0', 'e1', 'e2', 'e3']) expect(shown).not.toContain(busy);
	});

	it('never repeats a pair this judge has judged, and stops when none is left', () => {
		const three = ['a', 'b', 'c'];
		const judged = [...beat('a', 'b'), ...beat('c', 'a')];
		expect(
			choosePairs({
				items: three,
				comparisons: judged,
				judgeId: 'j1',
				count: 5,
				mode: 'random',
				seed: 3
			}).map(([x, y]) => pairKey(x, y))
		).toEqual([pairKey('b', 'c')]);
		// Another judge's pairs are fair game.
		expect(
			choosePairs({
				items: three,
				comparisons: judged,
				judgeId: 'j2',
				count: 5,
				mode: 'random',
				seed: 3
			})
		).toHaveLength(3);
		const many = choosePairs({
			items,
			comparisons: [],
			judgeId: 'j1',
			count: 100,
			mode: 'random',
			seed: 4
		});
		expect(many).toHaveLength(45);
		expect(new Set(many.map(([x, y]) => pairKey(x, y))).size).toBe(45);
	});

	it('counts pending pairs as exposure and never re-sends a pending pair', () => {
		const pending = [
			{ judgeId: 'j2', pair: ['e0', 'e1'] as [string, string] },
			{ judgeId: 'j1', pair: ['b', 'a'] as [string, string] }
		];
		const shown = choosePairs({
			items,
			comparisons: [],
			judgeId: 'j1',
			count: 4,
			mode: 'random',
			seed: 6,
			pending
		}).flat();
		expect(shown).not.toContain('e0');
		expect(shown).not.toContain('e1');
		const three = ['a', 'b', 'c'];
		const mine = choosePairs({
			items: three,
			comparisons: [],
			judgeId: 'j1',
			count: 5,
			mode: 'random',
			seed: 6,
			pending
		});
		expect(mine.map(([x, y]) => pairKey(x, y))).not.toContain(pairKey('a', 'b'));
		expect(mine).toHaveLength(2);
	});

	it('adaptively pairs entries of close strength', () => {
		const comparisons = items.flatMap((a, i) =>
			items.slice(i + 1).map((b) => ({ judgeId: 'old', winnerId: a, loserId: b }))
		);
		const fit = fitBradleyTerry(items, comparisons);
		const pairs = choosePairs({
			items,
			comparisons,
			judgeId: 'j1',
			count: 5,
			mode: 'adaptive',
			fit,
			seed: 5
		});
		for (const [x, y] of pairs) {
			expect(Math.abs(Number(x.slice(1)) - Number(y.slice(1)))).toBe(1);
		}
		const random = choosePairs({
			items,
			comparisons,
			judgeId: 'j1',
			count: 5,
			mode: 'random',
			seed: 5
		});
		expect(random.some(([x, y]) => Math.abs(Number(x.slice(1)) - Number(y.slice(1))) > 1)).toBe(
			true
		);
	});

	it('is deterministic for a seed and varies with it', () => {
		const input = { items, comparisons: [], judgeId: 'j1', count: 5, mode: 'random' as const };
		expect(choosePairs({ ...input, seed: 8 })).toEqual(choosePairs({ ...input, seed: 8 }));
		expect(choosePairs({ ...input, seed: 8 })).not.toEqual(choosePairs({ ...input, seed: 9 }));
	});
});
