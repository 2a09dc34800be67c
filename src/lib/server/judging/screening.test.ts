import { describe, expect, it } from 'vitest';
import { screeningResults } from './screening.ts';

describe('screeningResults', () => {
	it('scores (yes + maybe/2) / judges, best first', () => {
		const rows = screeningResults([
			{ judgeId: 'j1', entryId: 'a', vote: 'yes' },
			{ judgeId: 'j2', entryId: 'a', vote: 'maybe' },
			{ judgeId: 'j1', entryId: 'b', vote: 'yes' },
			{ judgeId: 'j2', entryId: 'b', vote: 'yes' },
			{ judgeId: 'j3', entryId: 'b', vote: 'no' },
			{ judgeId: 'j1', entryId: 'c', vote: 'no' }
		]);
		expect(rows).toEqual([
			{ entryId: 'a', yes: 1, maybe: 1, no: 0, score: 0.75, judgeCount: 2 },
			{ entryId: 'b', yes: 2, maybe: 0, no: 1, score: 2 / 3, judgeCount: 3 },
			{ entryId: 'c', yes: 0, maybe: 0, no: 1, score: 0, judgeCount: 1 }
		]);
	});

	it("keeps only a judge's latest vote on an entry", () => {
		const [row] = screeningResults([
			{ judgeId: 'j1', entryId: 'a', vote: 'no' },
			{ judgeId: 'j1', entryId: 'a', vote: 'yes' }
		]);
		expect(row).toMatchObject({ yes: 1, no: 0, judgeCount: 1, score: 1 });
	});
});
