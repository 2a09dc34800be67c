import { describe, expect, it } from 'vitest';
import {
	entryScore,
	isComplete,
	rubricResults,
	type Criterion,
	type RubricScore
} from './rubric.ts';

const RUBRIC: Criterion[] = [
	{ id: 'art', weight: 2, min: 1, max: 10 },
	{ id: 'theme', weight: 1, min: 1, max: 10 }
];
/** One 0–10 criterion, so s = x / 10 and hand sums stay readable. */
const SINGLE: Criterion[] = [{ id: 'x', weight: 1, min: 0, max: 10 }];
const score = (judgeId: string, entryId: string, x: number): RubricScore => ({
	judgeId,
	entryId,
	values: { x }
});

describe('entryScore', () => {
	it('is the weighted mean of the criteria rescaled to 0–1', () => {
		// (2·(10−1)/9 + 1·(1−1)/9) / 3 = 2/3
		expect(entryScore(RUBRIC, { art: 10, theme: 1 })).toBeCloseTo(2 / 3, 12);
		expect(entryScore(RUBRIC, { art: 1, theme: 1 })).toBe(0);
		expect(entryScore(RUBRIC, { art: 10, theme: 10 })).toBe(1);
		// (2·4/9 + 1·8/9) / 3 = 16/27
		expect(entryScore(RUBRIC, { art: 5, theme: 9 })).toBeCloseTo(16 / 27, 12);
	});

	it('refuses values out of scale, missing or not numbers, and empty rubrics', () => {
		expect(() => entryScore(RUBRIC, { art: 11, theme: 1 })).toThrow(RangeError);
		expect(() => entryScore(RUBRIC, { art: 0, theme: 1 })).toThrow(RangeError);
		expect(() => entryScore(RUBRIC, { art: Number.NaN, theme: 1 })).toThrow(RangeError);
		expect(() => entryScore(RUBRIC, { art: 5 })).toThrow(RangeError);
		expect(() => entryScore([{ id: 'x', weight: 0, min: 0, max: 1 }], { x: 1 })).toThrow(
			RangeError
		);
		expect(() => entryScore([{ id: 'x', weight: 1, min: 3, max: 3 }], { x: 3 })).toThrow(
			RangeError
		);
	});

	it('knows a partial scoring from a complete one', () => {
		expect(isComplete(RUBRIC, { art: 5 })).toBe(false);
		expect(isComplete(RUBRIC, { art: 5, theme: 2 })).toBe(true);
	});
});

describe('rubricResults', () => {
	it('averages judges per entry (never sums) and gives the median', () => {
		const { entries } = rubricResults({
			criteria: SINGLE,
			scores: [
				score('j1', 'e1', 2),
				score('j2', 'e1', 4),
				score('j3', 'e1', 9),
				score('j1', 'e2', 5)
			]
		});
		const e1 = entries.find((e) => e.entryId === 'e1');
		const e2 = entries.find((e) => e.entryId === 'e2');
		expect(e1?.judgeCount).toBe(3);
		expect(e1?.rawMean).toBeCloseTo(0.5, 12);
		expect(e1?.rawMedian).toBeCloseTo(0.4, 12);
		expect(e1?.criterionMeans.x).toBeCloseTo(5, 12);
		expect(e2?.rawMean).toBeCloseTo(0.5, 12);
	});

	it('normalizes per judge and shrinks a judge with two entries towards the pooled spread', () => {
		const scores = [1, 2, 3, 4, 5, 6].map((x, i) => score('a', `e${i + 1}`, x));
		scores.push(score('b', 'e1', 2), score('b', 'e2', 6));
		const { entries, judges } = rubricResults({ criteria: SINGLE, scores });
		const a = judges.find((j) => j.judgeId === 'a');
		const b = judges.find((j) => j.judgeId === 'b');
		// Judge a: s = .1….6, mean .35, Σ(s−μ)² = 0.175 over 5 df.
		expect(a).toMatchObject({ n: 6, shrunk: false, flagged: false });
		expect(a?.mean).toBeCloseTo(0.35, 12);
		expect(a?.sd).toBeCloseTo(Math.sqrt(0.035), 12);
		expect(a?.sdUsed).toBeCloseTo(Math.sqrt(0.035), 12);
		// Judge b: s = .2, .6, Σ(s−μ)² = 0.08 over 1 df; pooled = (0.175 + 0.08) / 6.
		const pooled = 0.255 / 6;
		const shrunk = Math.sqrt((2 * 0.08 + 5 * pooled) / (2 + 5));
		expect(b).toMatchObject({ n: 2, shrunk: true, flagged: true });
		expect(b?.sd).toBeCloseTo(Math.sqrt(0.08), 12);
		expect(b?.sdUsed).toBeCloseTo(shrunk, 12);
		// e1: a's z = (.1 − .35)/σ_a, b's z = (.2 − .4)/σ̃_b.
		const zA = (0.1 - 0.35) / Math.sqrt(0.035);
		const zB = (0.2 - 0.4) / shrunk;
		const e1 = entries.find((e) => e.entryId === 'e1');
		expect(e1?.zMean).toBeCloseTo((zA + zB) / 2, 12);
		expect(e1?.spread).toBeCloseTo(Math.abs(zA - zB), 12);
	});

	it('keeps a zero-variance judge finite: flagged, shrunk, every z = 0', () => {
		const scores = ['e1', 'e2', 'e3', 'e4', 'e5'].map((e) => score('flat', e, 7));
		scores.push(...['e1', 'e2', 'e3', 'e4', 'e5'].map((e, i) => score('varied', e, i * 2)));
		const { entries, judges } = rubricResults({ criteria: SINGLE, scores });
		const flat = judges.find((j) => j.judgeId === 'flat');
		expect(flat).toMatchObject({ n: 5, sd: 0, shrunk: true, flagged: true });
		expect(flat?.sdUsed).toBeGreaterThan(0);
		for (const e of entries) {
			expect(Number.isFinite(e.zMean)).toBe(true);
			expect(Number.isFinite(e.display)).toBe(true);
		}
		// The flat judge adds nothing to the order: the varied judge's order survives.
		expect(entries.map((e) => e.entryId)).toEqual(['e5', 'e4', 'e3', 'e2', 'e1']);
	});

	it('sees zero spread even where the float mean of equal scores misses them by an ulp', () => {
		// s = 1/9 five times: the float sum divided by 5 is not 1/9, which once left σ ≈ 1e-17
		// unshrunk and turned rounding noise into z-scores of about ±1.
		const ids = ['e1', 'e2', 'e3', 'e4', 'e5'];
		const nine: Criterion[] = [{ id: 'x', weight: 1, min: 1, max: 10 }];
		const scores = ids.map((e) => ({ judgeId: 'flat', entryId: e, values: { x: 2 } }));
		scores.push(...ids.map((e, i) => ({ judgeId: 'varied', entryId: e, values: { x: 1 + i } })));
		const { entries, judges } = rubricResults({ criteria: nine, scores });
		const flat = judges.find((j) => j.judgeId === 'flat');
		expect(flat).toMatchObject({ n: 5, mean: 1 / 9, sd: 0, shrunk: true, flagged: true });
		// The flat judge's z-scores are all 0, so each entry's spread is the varied judge's |z|.
		const varied = judges.find((j) => j.judgeId === 'varied');
		for (const e of entries) {
			const x = Number(e.entryId.slice(1));
			const z = ((x - 1) / 9 - (varied?.mean as number)) / (varied?.sdUsed as number);
			expect(e.zMean).toBeCloseTo(z / 2, 12);
		}
		expect(entries.map((e) => e.entryId)).toEqual(['e5', 'e4', 'e3', 'e2', 'e1']);
	});

	it('yields z = 0 rather than NaN when nobody ever used two different values', () => {
		const { entries, judges } = rubricResults({
			criteria: SINGLE,
			scores: [score('j1', 'e1', 5), score('j2', 'e2', 5)]
		});
		expect(judges.every((j) => j.sdUsed === 0 && j.flagged)).toBe(true);
		expect(entries.map((e) => e.zMean)).toEqual([0, 0]);
		expect(entries.map((e) => e.display)).toEqual([0.5, 0.5]);
	});

	it('removes leniency: a judge scoring everything 3 points higher agrees completely', () => {
		const ids = ['e1', 'e2', 'e3', 'e4', 'e5', 'e6'];
		const base = [1, 3, 2, 6, 4, 5];
		const scores = ids.flatMap((e, i) => [
			score('harsh', e, base[i] as number),
			score('lenient', e, (base[i] as number) + 3)
		]);
		const { entries, judges } = rubricResults({ criteria: SINGLE, scores });
		expect(judges.find((j) => j.judgeId === 'lenient')?.mean).toBeCloseTo(
			(judges.find((j) => j.judgeId === 'harsh')?.mean as number) + 0.3,
			12
		);
		for (const e of entries) {
			expect(e.spread).toBeCloseTo(0, 12);
			expect(e.flagged).toBe(false);
		}
	});

	it('ranks by the corrected score and displays it on the raw range', () => {
		// The lenient judge saw only e3: its 9 means less than the harsh judge's 6.
		const scores = [
			...['e1', 'e2', 'e4', 'e5', 'e6'].map((e, i) =>
				score('harsh', e, [6, 1, 2, 3, 2][i] as number)
			),
			...['e3', 'e7', 'e8', 'e9', 'e10'].map((e, i) =>
				score('lenient', e, [9, 10, 10, 10, 9.5][i] as number)
			)
		];
		const { entries } = rubricResults({ criteria: SINGLE, scores });
		const raw = entries.map((e) => e.rawMean);
		const display = entries.map((e) => e.display);
		expect(Math.min(...display)).toBeCloseTo(Math.min(...raw), 12);
		expect(Math.max(...display)).toBeCloseTo(Math.max(...raw), 12);
		const byZ = [...entries].sort((a, b) => b.zMean - a.zMean).map((e) => e.entryId);
		expect(entries.map((e) => e.entryId)).toEqual(byZ);
		expect(byZ.indexOf('e1')).toBeLessThan(byZ.indexOf('e3'));
	});

	it('flags entries whose judges disagree beyond the threshold', () => {
		const ids = ['e1', 'e2', 'e3', 'e4', 'e5', 'e6'];
		const scores = ids.flatMap((e, i) => [score('j1', e, i + 1), score('j2', e, i === 0 ? 10 : i)]);
		const { entries } = rubricResults({ criteria: SINGLE, scores, disagreement: 1.5 });
		expect(entries.find((e) => e.entryId === 'e1')?.flagged).toBe(true);
		expect(entries.filter((e) => e.flagged).map((e) => e.entryId)).toEqual(['e1']);
		const loose = rubricResults({ criteria: SINGLE, scores, disagreement: 10 });
		expect(loose.entries.some((e) => e.flagged)).toBe(false);
	});

	it('counts only complete scorings and the latest of duplicates', () => {
		const { entries } = rubricResults({
			criteria: RUBRIC,
			scores: [
				{ judgeId: 'j1', entryId: 'e1', values: { art: 10, theme: 10 } },
				{ judgeId: 'j1', entryId: 'e1', values: { art: 1, theme: 1 } },
				{ judgeId: 'j2', entryId: 'e1', values: { art: 10 } }
			]
		});
		expect(entries).toHaveLength(1);
		expect(entries[0]).toMatchObject({ judgeCount: 1, rawMean: 0 });
	});
});
