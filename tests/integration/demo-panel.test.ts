// The panel demo on SQLite and PostgreSQL: an open panel round on a real shortlist for the demo
// judges, a past contest whose panel round closed by Schulze with published awards, and a
// second run that changes nothing; then the judging demo restarted with a fresh round. Also the
// judging demo's teachers, who work at their classes' schools.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db/database.ts';
import { seedDemo } from '../../src/lib/server/db/seed.ts';
import { adult } from '../../src/lib/server/demo/seed-demo.ts';
import {
	DEMO_JUDGES,
	DEMO_JUDGING_CONTEST_ID,
	DEMO_JUDGING_TEACHERS,
	restartJudgingDemo,
	seedJudgingDemo
} from '../../src/lib/server/demo/seed-judging.ts';
import { seedPanelDemo } from '../../src/lib/server/demo/seed-panel.ts';
import * as repo from '../../src/lib/server/judging/judging.repository.ts';
import * as resultRepo from '../../src/lib/server/judging/result.repository.ts';
import { getPanelBallots } from '../../src/lib/server/judging/panel.service.ts';
import { getJudgeRound } from '../../src/lib/server/judging/scoring.service.ts';
import { panelSummary } from '../../src/lib/server/judging/panel-results.service.ts';
import { createLocalStore } from '../../src/lib/server/storage/local-store.ts';
import { freshDatabase, testDatabases } from './helpers/databases.ts';

describe.each(testDatabases())('panel demo on $name', ({ url }) => {
	let db: Db;

	beforeAll(async () => {
		db = await freshDatabase(url);
		await seedDemo(db);
		const store = createLocalStore(mkdtempSync(path.join(tmpdir(), 'sprout-panel-demo-')));
		await seedJudgingDemo({ db, store }, { entries: 8 });
	}, 60_000);
	afterAll(() => db.destroy());

	it("gives the judging demo's teachers their classes' schools; mends an older demo, then changes nothing", async () => {
		const store = createLocalStore(mkdtempSync(path.join(tmpdir(), 'sprout-panel-demo-')));
		const teacherIds = db
			.selectFrom('app_user')
			.select('id')
			.where(
				'email',
				'in',
				DEMO_JUDGING_TEACHERS.map((t) => t.email)
			);
		const pairs = () =>
			db
				.selectFrom('teacher_school')
				.innerJoin('app_user', 'app_user.id', 'teacher_school.teacher_id')
				.innerJoin('school', 'school.id', 'teacher_school.school_id')
				.select(['app_user.email', 'school.name'])
				.where('teacher_school.teacher_id', 'in', teacherIds)
				.orderBy('app_user.email')
				.execute();
		// Each at the school of the class they lead (五年级三班 at 东山, 三年级一班 at 西湖).
		const expected = [
			{ email: 'teacher.dongshan@sprout.test', name: '东山小学' },
			{ email: 'teacher.xihu@sprout.test', name: '西湖小学' }
		];
		expect(await pairs()).toEqual(expected);

		// A demo seeded before the teachers had schools is mended by the next run...
		await db.deleteFrom('teacher_school').where('teacher_id', 'in', teacherIds).execute();
		expect(await pairs()).toEqual([]);
		expect((await seedJudgingDemo({ db, store })).created).toBe(false);
		expect(await pairs()).toEqual(expected);
		// ...and a run after that changes nothing.
		await seedJudgingDemo({ db, store });
		expect(await pairs()).toEqual(expected);
	});

	it('opens a panel round for the judges and shows a closed one with awards; idempotent', async () => {
		const first = await seedPanelDemo(db, { entries: 4 });
		expect(first.created).toBe(true);

		const open = (await repo.listRounds(db, first.open.contestId)).map((r) => [r.method, r.status]);
		expect(open).toEqual([
			['rubric', 'closed'],
			['panel', 'open']
		]);
		const judge = await adult(db, DEMO_JUDGES[0].email);
		const ballots = await getPanelBallots(db, judge, first.open.roundId!);
		// The shortlist, per band: the rubric round's advanced artworks, not yet ranked.
		expect(ballots).toHaveLength(2);
		expect(ballots.every((g) => g.handles.length === 2 && !g.saved)).toBe(true);

		const closedRounds = await repo.listRounds(db, first.closed.contestId);
		expect(closedRounds.map((r) => [r.method, r.status])).toEqual([
			['rubric', 'closed'],
			['panel', 'closed']
		]);
		const contest = await db
			.selectFrom('contest')
			.select('status')
			.where('id', '=', first.closed.contestId)
			.executeTakeFirstOrThrow();
		expect(contest.status).toBe('results');
		const organizer = await adult(db, 'organizer@sprout.test');
		const summary = await panelSummary(
			db,
			organizer,
			first.closed.contestId,
			first.closed.roundId!
		);
		expect(summary.map((g) => g.ballots)).toEqual([3, 3]);
		for (const g of summary) {
			// Every pair was compared by all three judges, one way or the other.
			expect(g.matrix[0]![1]! + g.matrix[1]![0]!).toBe(3);
			expect(g.ranking.flat()).toHaveLength(2);
		}
		const awards = await resultRepo.listAwards(db, first.closed.contestId);
		expect(awards.map((a) => a.kind).sort()).toEqual(['gold', 'gold', 'silver', 'silver']);

		const counts = async () =>
			Promise.all(
				['contest', 'entry', 'judging_round', 'panel_ranking', 'rubric_score', 'award'].map(
					async (table) =>
						(
							await db
								.selectFrom(table as 'contest')
								.select((eb) => eb.fn.countAll<number>().as('n'))
								.executeTakeFirstOrThrow()
						).n
				)
			);
		const before = await counts();
		const again = await seedPanelDemo(db, { entries: 4 });
		expect(again).toEqual({ ...first, created: false });
		expect(await counts()).toEqual(before);
	});

	it('restarts the judging demo: a fresh open round, no scores, the contest back in judging', async () => {
		const [round] = await repo.listRounds(db, DEMO_JUDGING_CONTEST_ID);
		const judge = await adult(db, DEMO_JUDGES[0].email);
		const [criterion] = await db
			.selectFrom('rubric_criterion')
			.select('id')
			.where('round_id', '=', round!.id)
			.execute();
		const roundId = await restartJudgingDemo(db);
		expect(roundId).not.toBe(round!.id);
		expect(
			(await repo.listRounds(db, DEMO_JUDGING_CONTEST_ID)).map((r) => [r.id, r.method, r.status])
		).toEqual([[roundId, 'rubric', 'open']]);
		const scores = await db
			.selectFrom('rubric_score')
			.select('id')
			.where('round_id', '=', roundId!)
			.execute();
		expect(scores).toEqual([]);
		const results = await db
			.selectFrom('round_result')
			.select('entry_id')
			.where('round_id', '=', round!.id)
			.execute();
		expect(results).toEqual([]);
		const stale = await db
			.selectFrom('rubric_criterion')
			.select('id')
			.where('id', '=', criterion!.id)
			.execute();
		expect(stale).toEqual([]);
		const { items } = await getJudgeRound(db, judge, roundId!);
		expect(items.length).toBe(8);
		expect(items.every((i) => Object.keys(i.scores).length === 0)).toBe(true);
		const contest = await db
			.selectFrom('contest')
			.select('status')
			.where('id', '=', DEMO_JUDGING_CONTEST_ID)
			.executeTakeFirstOrThrow();
		expect(contest.status).toBe('judging');
	});
});
