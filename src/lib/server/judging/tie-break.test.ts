import { describe, expect, it } from 'vitest';
import { rankWithTieBreaks, type TieBreakRow } from './tie-break.ts';

const row = (entryId: string, over: Partial<TieBreakRow> = {}): TieBreakRow => ({
	entryId,
	display: 0.5,
	zMean: 0,
	median: 0.5,
	criterion: null,
	...over
});
const summary = (rows: TieBreakRow[], options = {}) =>
	rankWithTieBreaks(rows, options).map((r) => `${r.entryId}:${r.rank}:${r.tieRule}`);

describe('rankWithTieBreaks', () => {
	it('ranks by the displayed score when nothing ties', () => {
		expect(
			summary([row('a', { display: 0.4 }), row('b', { display: 0.9 }), row('c', { display: 0.6 })])
		).toEqual(['b:1:score', 'c:2:score', 'a:3:score']);
	});

	it('separates equal displayed scores by the full-precision normalized score', () => {
		const rows = [
			row('a', { display: 0.801, zMean: 0.2 }),
			row('b', { display: 0.804, zMean: 0.3 }),
			row('c', { display: 0.7 })
		];
		expect(summary(rows, { resolution: 0.01 })).toEqual([
			'b:1:normalized',
			'a:2:normalized',
			'c:3:score'
		]);
	});

	it('then by the median', () => {
		expect(summary([row('a', { median: 0.4 }), row('b', { median: 0.6 })])).toEqual([
			'b:1:median',
			'a:2:median'
		]);
	});

	it('then by the named criterion (an entry without a value comes last)', () => {
		expect(summary([row('a', { criterion: 7 }), row('b', { criterion: 8 }), row('c')])).toEqual([
			'b:1:criterion',
			'a:2:criterion',
			'c:3:criterion'
		]);
	});

	it("then by the panel's head-to-head", () => {
		const panel = (a: string, b: string) =>
			a === 'b' && b === 'a' ? 1 : a === 'a' && b === 'b' ? -1 : 0;
		expect(summary([row('a', { headToHead: panel }), row('b', { headToHead: panel })])).toEqual([
			'b:1:panel',
			'a:2:panel'
		]);
	});

	it('shares the rank when every rule is exhausted, and skips the next', () => {
		expect(summary([row('a'), row('b'), row('c', { display: 0.1 })])).toEqual([
			'a:1:unbroken',
			'b:1:unbroken',
			'c:3:score'
		]);
	});

	it('reports the deepest rule needed against either neighbour', () => {
		// b ties a on the score and is split from it by the median; c is alone below.
		const rows = [row('a', { median: 0.6 }), row('b', { median: 0.5 }), row('c', { display: 0.2 })];
		expect(summary(rows)).toEqual(['a:1:median', 'b:2:median', 'c:3:score']);
	});

	it('counts head-to-head wins inside a tied group, so a cycle stays tied', () => {
		const beats: Record<string, string> = { a: 'b', b: 'c', c: 'a' };
		const cycle = (x: string, y: string) => (beats[x] === y ? 1 : beats[y] === x ? -1 : 0);
		const rows = ['a', 'b', 'c'].map((id) => row(id, { headToHead: cycle }));
		expect(rankWithTieBreaks(rows).map((r) => [r.rank, r.tieRule])).toEqual([
			[1, 'unbroken'],
			[1, 'unbroken'],
			[1, 'unbroken']
		]);
	});

	it('does not let float noise from averaging separate equal entries', () => {
		const rows = [row('a', { zMean: 0.1 + 0.2 }), row('b', { zMean: 0.3 })];
		expect(rankWithTieBreaks(rows).map((r) => r.rank)).toEqual([1, 1]);
	});
});
