// Closing a rubric round reads the counted scorings with one aggregate query (fast enough for
// 10,000 entries). This checks that read against the plain path the results page and triage
// use (every score row, grouped in JavaScript, finished unrecused work kept), on a randomized
// round with the awkward cases: a judge who gives every artwork the same score, a judge with
// fewer than 5 artworks, a recusal with scores left behind, unfinished work, weighted criteria.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db/database.ts';
import { newId } from '../../src/lib/server/ids.ts';
import { entriesInScope } from '../../src/lib/server/judging/assign.service.ts';
import { closeRound, rubricRows } from '../../src/lib/server/judging/close.service.ts';
import * as repo from '../../src/lib/server/judging/judging.repository.ts';
import * as scoreRepo from '../../src/lib/server/judging/score.repository.ts';
import * as resultRepo from '../../src/lib/server/judging/result.repository.ts';
import { createRandom } from '../../src/lib/server/judging/random.ts';
import { createRubricRound } from '../../src/lib/server/judging/round.service.ts';
import { countedWork, groupScores } from '../../src/lib/server/judging/score-rows.ts';
import { freshDatabase, testDatabases } from './helpers/databases.ts';
import { addUser } from './helpers/fixtures.ts';
import { addJudgingContest, ROUND_INPUT } from './helpers/judging-fixtures.ts';

const NOW = Date.parse('2026-12-01T04:00:00Z');

describe.each(testDatabases())('closing a rubric round on $name', ({ url }) => {
	let db: Db;
	beforeAll(async () => (db = await freshDatabase(url)));
	afterAll(() => db.destroy());

	it('stores exactly the results of the reference path, edge cases included', async () => {
		const world = await addJudgingContest(db, 12, NOW);
		const roundId = await createRubricRound(db, world.organizer, world.contestId, {
			...ROUND_INPUT,
			perEntry: '3',
			advanceKind: 'top_percent',
			advanceValue: '25'
		});
		await db
			.updateTable('rubric_criterion')
			.set({ weight: 2.5 })
			.where('id', '=', (await repo.listCriteria(db, roundId))[0]!.id)
			.execute();
		const criteria = await repo.listCriteria(db, roundId);
		const judges = [];
		for (let j = 0; j < 6; j++) {
			const user = await addUser(db, 'judge');
			const id = newId();
			await db
				.insertInto('round_judge')
				.values({ id, round_id: roundId, user_id: user.id, active: 1, joined_at: NOW })
				.execute();
			judges.push(id);
		}
		const [flat, thin, ...others] = judges as [string, string, ...string[]];
		const random = createRandom(20261203);
		const assignments = [];
		const scores = [];
		for (const [i, entryId] of world.entries.entries()) {
			// The last artwork gets no judge at all: it is stored without a result.
			if (i === world.entries.length - 1) continue;
			const panel = new Set<string>([others[i % others.length]!]);
			if (i < 3) panel.add(thin);
			if (i % 2 === 0) panel.add(flat);
			while (panel.size < 3) panel.add(others[Math.floor(random() * others.length)]!);
			for (const judgeId of panel) {
				const recused = i === 5 && judgeId === [...panel][2];
				const unfinished = i === 7 && judgeId === [...panel][1];
				assignments.push({
					id: newId(),
					round_id: roundId,
					judge_id: judgeId,
					entry_id: entryId,
					position: i,
					calibration: 0,
					handle: `H${i}`,
					recused_at: recused ? NOW : null,
					// The recusal came after the scoring was finished: only recused_at keeps it out.
					done_at: unfinished ? null : NOW,
					created_at: NOW
				});
				for (const [c, criterion] of criteria.entries()) {
					// Unfinished work has only its first criterion scored.
					if (unfinished && c > 0) continue;
					// The flat judge gives 2 of 10 everywhere: s = 1/9, whose float mean misses 1/9.
					const value = judgeId === flat ? 2 : 1 + Math.floor(random() * 10);
					scores.push({
						id: newId(),
						round_id: roundId,
						judge_id: judgeId,
						entry_id: entryId,
						criterion_id: criterion.id,
						value,
						revision: 1,
						updated_at: NOW
					});
				}
			}
		}
		await db.insertInto('judge_assignment').values(assignments).execute();
		await db.insertInto('rubric_score').values(scores).execute();
		await db
			.updateTable('judging_round')
			.set({ status: 'open' })
			.where('id', '=', roundId)
			.execute();

		// The reference: every score row, regrouped, finished unrecused work only.
		const round = (await repo.findRound(db, roundId))!;
		const expected = rubricRows(
			round,
			criteria.map((c) => ({ id: c.id, weight: c.weight, min: c.min_value, max: c.max_value })),
			groupScores(
				await scoreRepo.listRoundScores(db, roundId),
				countedWork(await repo.listAssignments(db, roundId))
			),
			await entriesInScope(db, round)
		);
		expect(expected.judges.find((j) => j.judgeId === flat)).toMatchObject({ sd: 0, shrunk: true });
		expect(expected.judges.find((j) => j.judgeId === thin)).toMatchObject({ n: 3, shrunk: true });

		const outcome = await closeRound(db, world.organizer, world.contestId, roundId, {
			force: true,
			reason: 'one judge left early'
		});
		const stored = await resultRepo.listResults(db, roundId);
		expect(outcome.entries).toBe(world.entries.length);
		expect(stored).toHaveLength(world.entries.length);
		const byEntry = new Map(stored.map((r) => [r.entry_id, r]));
		for (const want of expected.rows) {
			const got = byEntry.get(want.entry_id);
			expect(got, want.entry_id).toBeDefined();
			for (const key of ['display', 'z_mean', 'raw_mean', 'median'] as const) {
				if (want[key] === null || want[key] === undefined) expect(got![key]).toBeNull();
				else expect(got![key]).toBeCloseTo(want[key], 12);
			}
			expect({
				judges: got!.judge_count,
				rank: got!.rank,
				tie: got!.tie_rule,
				advanced: got!.advanced,
				flagged: got!.flagged,
				band: got!.age_band_id
			}).toEqual({
				judges: want.judge_count,
				rank: want.rank,
				tie: want.tie_rule,
				advanced: want.advanced,
				flagged: want.flagged,
				band: want.age_band_id
			});
		}
		// The recused and the unfinished scoring do not count; the unjudged artwork has no result.
		expect(byEntry.get(world.entries[5]!)?.judge_count).toBe(2);
		expect(byEntry.get(world.entries[7]!)?.judge_count).toBe(2);
		expect(byEntry.get(world.entries.at(-1)!)).toMatchObject({ judge_count: 0, rank: null });
		expect(stored.filter((r) => r.advanced === 1).length).toBeGreaterThan(0);
	});
});
