import { describe, expect, it } from 'vitest';
import { countedWork, groupScores } from './score-rows.ts';

const row = (judge_id: string, entry_id: string, criterion_id: string, value: number) => ({
	judge_id,
	entry_id,
	criterion_id,
	value
});

describe('groupScores', () => {
	it('gathers one RubricScore per judge and entry, criterion by criterion', () => {
		const grouped = groupScores([
			row('j1', 'e1', 'a', 3),
			row('j2', 'e1', 'a', 9),
			row('j1', 'e1', 'b', 4),
			row('j1', 'e2', 'a', 5)
		]);
		expect(grouped).toEqual([
			{ judgeId: 'j1', entryId: 'e1', values: { a: 3, b: 4 } },
			{ judgeId: 'j2', entryId: 'e1', values: { a: 9 } },
			{ judgeId: 'j1', entryId: 'e2', values: { a: 5 } }
		]);
	});

	it('counts only finished, unrecused work', () => {
		const keep = countedWork([
			{ judge_id: 'j1', entry_id: 'e1', done_at: 1, recused_at: null },
			{ judge_id: 'j2', entry_id: 'e1', done_at: null, recused_at: null },
			{ judge_id: 'j1', entry_id: 'e2', done_at: 1, recused_at: 2 }
		]);
		const grouped = groupScores(
			[row('j1', 'e1', 'a', 3), row('j2', 'e1', 'a', 9), row('j1', 'e2', 'a', 5)],
			keep
		);
		expect(grouped).toEqual([{ judgeId: 'j1', entryId: 'e1', values: { a: 3 } }]);
	});
});
