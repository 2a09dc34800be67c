import { describe, expect, it } from 'vitest';
import { schulze, schulzeHeadToHead } from './schulze.ts';

const repeat = (times: number, order: string): string[][] =>
	Array.from({ length: times }, () => order.split(''));

describe('schulze', () => {
	it("reproduces Schulze's 45-voter example: E > A > C > B > D", () => {
		// The example of Schulze's paper, also on Wikipedia's "Schulze method" page.
		const ballots = [
			...repeat(5, 'ACBED'),
			...repeat(5, 'ADECB'),
			...repeat(8, 'BEDAC'),
			...repeat(3, 'CABED'),
			...repeat(7, 'CAEBD'),
			...repeat(2, 'CBADE'),
			...repeat(7, 'DCEBA'),
			...repeat(8, 'EBADC')
		];
		const { ranking, d, p } = schulze(['A', 'B', 'C', 'D', 'E'], ballots);
		expect(d).toEqual([
			[0, 20, 26, 30, 22],
			[25, 0, 16, 33, 18],
			[19, 29, 0, 17, 24],
			[15, 12, 28, 0, 14],
			[23, 27, 21, 31, 0]
		]);
		expect(p).toEqual([
			[0, 28, 28, 30, 24],
			[25, 0, 28, 33, 24],
			[25, 29, 0, 29, 24],
			[25, 28, 28, 0, 24],
			[25, 28, 28, 31, 0]
		]);
		expect(ranking).toEqual([['E'], ['A'], ['C'], ['B'], ['D']]);
	});

	it('reads unlisted candidates as no opinion when asked to (a judge who may not see one)', () => {
		// Two judges put C last; a third may not see C and ranks only A over B.
		const ballots = [
			['A', 'B', 'C'],
			['B', 'A', 'C'],
			['A', 'B']
		];
		const below = schulze(['A', 'B', 'C'], ballots);
		expect((below.d[1] as number[])[2]).toBe(3);
		const abstain = schulze(['A', 'B', 'C'], ballots, { unlisted: 'abstain' });
		expect(abstain.d).toEqual([
			[0, 2, 2],
			[1, 0, 2],
			[0, 0, 0]
		]);
		expect(abstain.ranking).toEqual([['A'], ['B'], ['C']]);
	});

	it('leaves an exact split as one tier, never a random order', () => {
		const { ranking } = schulze(
			['A', 'B'],
			[
				['A', 'B'],
				['B', 'A']
			]
		);
		expect(ranking).toEqual([['A', 'B']]);
	});

	it('ranks candidates left off a ballot below the listed ones, tied among themselves', () => {
		const { d, ranking } = schulze(['A', 'B', 'C'], [['A'], ['A', 'B']]);
		expect(d).toEqual([
			[0, 2, 2],
			[0, 0, 1],
			[0, 0, 0]
		]);
		expect(ranking).toEqual([['A'], ['B'], ['C']]);
	});

	it('ignores unknown names and repeats on a ballot', () => {
		const { d } = schulze(['A', 'B'], [['X', 'B', 'B', 'A'], []]);
		expect(d).toEqual([
			[0, 0],
			[1, 0]
		]);
	});

	it('resolves a Condorcet cycle by the weakest link', () => {
		// A>B 6:3, B>C 7:2, C>A 5:4 → the weakest defeat (C over A, 5) is overruled: A first.
		const ballots = [
			...repeat(3, 'ABC'),
			...repeat(1, 'BCA'),
			...repeat(1, 'CAB'),
			...repeat(2, 'BCA'),
			...repeat(1, 'ABC'),
			...repeat(1, 'CAB')
		];
		const { d, ranking } = schulze(['A', 'B', 'C'], ballots);
		expect([(d[0] as number[])[1], (d[1] as number[])[2], (d[2] as number[])[0]]).toEqual([
			6, 7, 5
		]);
		expect(ranking).toEqual([['A'], ['B'], ['C']]);
	});
});

describe('schulzeHeadToHead', () => {
	it("answers the tie-break's question from the strongest paths", () => {
		const candidates = ['A', 'B', 'C'];
		const h2h = schulzeHeadToHead(
			candidates,
			schulze(candidates, [
				['B', 'A', 'C'],
				['B', 'C', 'A']
			])
		);
		expect(h2h('B', 'A')).toBeGreaterThan(0);
		expect(h2h('A', 'B')).toBeLessThan(0);
		expect(h2h('A', 'C')).toBe(0);
		expect(h2h('A', 'X')).toBe(0);
	});
});
