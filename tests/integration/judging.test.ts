import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../src/lib/server/auth/session.ts';
import type { Db } from '../../src/lib/server/db/database.ts';
import { DomainError } from '../../src/lib/server/errors.ts';
import {
	proposeAwards,
	overrideAward,
	publishResults
} from '../../src/lib/server/judging/award.service.ts';
import { closeRound } from '../../src/lib/server/judging/close.service.ts';
import {
	acceptInvite,
	createInvite,
	INVITE_TTL_MS
} from '../../src/lib/server/judging/invite.service.ts';
import * as repo from '../../src/lib/server/judging/judging.repository.ts';
import * as resultRepo from '../../src/lib/server/judging/result.repository.ts';
import {
	assignRound,
	createRubricRound,
	openRound,
	setJudgeActive,
	setRoundDisagreement
} from '../../src/lib/server/judging/round.service.ts';
import {
	getJudgeRound,
	recuseEntry,
	saveScore
} from '../../src/lib/server/judging/scoring.service.ts';
import { freshDatabase, testDatabases } from './helpers/databases.ts';
import {
	addJudges,
	addJudgingWorld,
	codeOf,
	ROUND_INPUT,
	type JudgingTestWorld
} from './helpers/judging-world.ts';

const NOW = Date.parse('2026-12-01T04:00:00Z');

async function scoreRows(db: Db, roundId: string) {
	return db
		.selectFrom('rubric_score')
		.select(['judge_id', 'entry_id', 'criterion_id', 'value', 'revision'])
		.where('round_id', '=', roundId)
		.orderBy('id')
		.execute();
}

/** Scores every open, unrecused assignment of `user` with a value derived from the entry. */
async function scoreAll(db: Db, user: SessionUser, roundId: string, bias = 0) {
	const view = await getJudgeRound(db, user, roundId);
	for (const item of view.items) {
		if (item.recused) continue;
		for (const c of view.criteria) {
			const n = Number(item.title.replace(/\D/g, '')) % 7;
			const value = Math.max(1, Math.min(10, 2 + n + bias));
			await saveScore(db, user, roundId, {
				handle: item.handle,
				criterionId: c.id,
				value,
				base: item.scores[c.id]?.revision ?? 0
			});
		}
	}
}

describe.each(testDatabases())('judging on $name', ({ url }) => {
	let db: Db;
	let world: JudgingTestWorld;
	let judges: SessionUser[];
	let roundId: string;

	beforeAll(async () => {
		db = await freshDatabase(url);
		// Judge 0 is linked to the first school; judge 1 is the teacher-approver case below.
		world = await addJudgingWorld(db, { perSchool: 8, judges: 4, now: NOW });
		judges = world.judges;
		roundId = await createRubricRound(db, world.organizer, world.contestId, ROUND_INPUT, NOW);
		await addJudges(db, world, roundId, NOW);
	});
	afterAll(() => db.destroy());

	it('refuses bad round settings and non-organizers, writing nothing', async () => {
		const before = (await repo.listRounds(db, world.contestId)).length;
		for (const bad of [
			{ perEntry: '0' },
			{ perEntry: '2.5' },
			{ advanceKind: 'lottery' },
			{ advanceKind: 'top_percent', advanceValue: '101' },
			{ disagreement: 'NaN' },
			{ disagreement: '-1' },
			{ scope: 'everything' }
		])
			expect(
				await codeOf(
					createRubricRound(db, world.organizer, world.contestId, { ...ROUND_INPUT, ...bad }, NOW)
				),
				JSON.stringify(bad)
			).toMatch(/^400 judging\.error\./);
		expect(await codeOf(createRubricRound(db, judges[0]!, world.contestId, ROUND_INPUT, NOW))).toBe(
			'403 error.forbidden'
		);
		expect(
			await codeOf(createRubricRound(db, world.organizer, world.contestId, ROUND_INPUT, NOW))
		).toBe('409 judging.error.roundUnfinished');
		expect((await repo.listRounds(db, world.contestId)).length).toBe(before);
	});

	it('assigns k judges per entry, balanced, never across a conflict of interest, with calibration first', async () => {
		const outcome = await assignRound(db, world.organizer, world.contestId, roundId, NOW);
		expect(outcome.added).toBeGreaterThan(0);
		await openRound(db, world.organizer, world.contestId, roundId, NOW);
		const assignments = await repo.listAssignments(db, roundId);
		const roundJudges = await repo.listRoundJudges(db, roundId);
		const judgeOfUser = new Map(roundJudges.map((j) => [j.user_id, j.id]));
		const perEntry = new Map<string, number>();
		for (const a of assignments) perEntry.set(a.entry_id, (perEntry.get(a.entry_id) ?? 0) + 1);
		for (const id of world.entries) expect(perEntry.get(id), id).toBeGreaterThanOrEqual(2);
		// Conflict of interest: judge 0 never sees a school-0 entry.
		const j0 = judgeOfUser.get(judges[0]!.id)!;
		for (const a of assignments.filter((a) => a.judge_id === j0))
			expect(world.entrySchool.get(a.entry_id)).not.toBe(world.schools[0]);
		// Calibration: the same entries sit first for every judge without a conflict on them.
		const calibration = [
			...new Set(assignments.filter((a) => a.calibration === 1).map((a) => a.entry_id))
		];
		expect(calibration.length).toBeGreaterThan(0);
		for (const j of roundJudges.filter((j) => j.id !== j0)) {
			const mine = assignments
				.filter((a) => a.judge_id === j.id)
				.sort((a, b) => a.position - b.position);
			expect(new Set(mine.slice(0, calibration.length).map((a) => a.entry_id))).toEqual(
				new Set(calibration)
			);
		}
		// Balance among judges without conflicts: at most one apart beyond the calibration load.
		const loads = roundJudges
			.filter((j) => j.id !== j0)
			.map((j) => assignments.filter((a) => a.judge_id === j.id).length);
		expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(2);
		// Handles: unique per judge, never an entry id.
		for (const j of roundJudges) {
			const handles = assignments.filter((a) => a.judge_id === j.id).map((a) => a.handle);
			expect(new Set(handles).size).toBe(handles.length);
			for (const h of handles) expect(h).toMatch(/^[A-Z0-9]{4}$/);
		}
	});

	it('shows a judge only handles, titles and words: no entry id, school or child', async () => {
		const view = await getJudgeRound(db, judges[1]!, roundId);
		const text = JSON.stringify(view.items);
		for (const id of world.entries) expect(text).not.toContain(id);
		for (const s of world.schools) expect(text).not.toContain(s);
		expect(text).not.toContain('Kid');
	});

	it('refuses bad scores cleanly and changes nothing', async () => {
		const user = judges[1]!;
		const view = await getJudgeRound(db, user, roundId);
		const item = view.items[0]!;
		const criterion = view.criteria[0]!.id;
		const other = await getJudgeRound(db, judges[2]!, roundId);
		const foreign = other.items.find((i) => !view.items.some((m) => m.handle === i.handle))!;
		const before = await scoreRows(db, roundId);
		const cases: [Record<string, unknown>, string][] = [
			[{ value: 11 }, '400 judging.error.scoreRange'],
			[{ value: 0 }, '400 judging.error.scoreRange'],
			[{ value: Number.NaN }, '400 judging.error.scoreInteger'],
			[{ value: 2.5 }, '400 judging.error.scoreInteger'],
			[{ value: '7' }, '400 judging.error.scoreInteger'],
			[{ handle: 'ZZZZ' }, '404 judging.error.entry'],
			[{ handle: world.entries[0] }, '404 judging.error.entry'],
			[{ handle: foreign.handle }, '404 judging.error.entry'],
			[{ criterionId: 'nope' }, '400 judging.error.criterion'],
			[{ base: -1 }, '400 judging.error.base']
		];
		for (const [over, expected] of cases)
			expect(
				await codeOf(
					saveScore(db, user, roundId, {
						handle: item.handle,
						criterionId: criterion,
						value: 5,
						base: 0,
						...over
					})
				),
				JSON.stringify(over)
			).toBe(expected);
		// A forged round, a teacher, an organizer who is not on the panel: the same 404 / 403.
		expect(
			await codeOf(
				saveScore(db, user, 'forged', {
					handle: item.handle,
					criterionId: criterion,
					value: 5,
					base: 0
				})
			)
		).toBe('404 judging.error.round');
		expect(await codeOf(getJudgeRound(db, world.teachers[0], roundId))).toBe('403 error.forbidden');
		expect(await codeOf(getJudgeRound(db, world.organizer, roundId))).toBe(
			'404 judging.error.round'
		);
		expect(await scoreRows(db, roundId)).toEqual(before);
	});

	it('keeps one score per judge, entry and criterion under concurrent saves; stale saves get 409', async () => {
		const user = judges[2]!;
		const view = await getJudgeRound(db, user, roundId);
		const item = view.items[0]!;
		const criterion = view.criteria[1]!.id;
		const results = await Promise.allSettled(
			Array.from({ length: 10 }, (_, i) =>
				saveScore(db, user, roundId, {
					handle: item.handle,
					criterionId: criterion,
					value: 1 + i,
					base: 0
				})
			)
		);
		const ok = results.filter((r) => r.status === 'fulfilled');
		expect(ok.length).toBe(1);
		for (const r of results)
			if (r.status === 'rejected')
				expect((r.reason as DomainError).code).toBe('judging.error.stale');
		const rows = (await scoreRows(db, roundId)).filter((r) => r.criterion_id === criterion);
		expect(rows.length).toBe(1);
		expect(rows[0]!.revision).toBe(1);
		// Replaying the winning save (its answer was lost) is idempotent.
		const won = (ok[0] as PromiseFulfilledResult<{ value: number }>).value.value;
		const again = await saveScore(db, user, roundId, {
			handle: item.handle,
			criterionId: criterion,
			value: won,
			base: 0
		});
		expect(again.revision).toBe(1);
		// A stale change gets 409 with the current value; with the right base it goes through.
		const stale = await codeOf(
			saveScore(db, user, roundId, {
				handle: item.handle,
				criterionId: criterion,
				value: won === 10 ? 9 : 10,
				base: 0
			})
		);
		expect(stale).toBe('409 judging.error.stale');
		const changed = await saveScore(db, user, roundId, {
			handle: item.handle,
			criterionId: criterion,
			value: won === 10 ? 9 : 10,
			base: 1
		});
		expect(changed.revision).toBe(2);
		const audit = await db
			.selectFrom('score_audit')
			.select(['old_value', 'new_value'])
			.where('round_id', '=', roundId)
			.where('criterion_id', '=', criterion)
			.execute();
		expect(audit.map((a) => [a.old_value, a.new_value])).toEqual([
			[null, String(won)],
			[String(won), String(won === 10 ? 9 : 10)]
		]);
	});

	it('rebalances a drop-out and a recusal without losing any given score', async () => {
		const roundJudges = await repo.listRoundJudges(db, roundId);
		const quitter = roundJudges.find((j) => j.user_id === judges[3]!.id)!;
		// The quitter scores one entry completely first.
		const view = await getJudgeRound(db, judges[3]!, roundId);
		const first = view.items[0]!;
		for (const c of view.criteria)
			await saveScore(db, judges[3]!, roundId, {
				handle: first.handle,
				criterionId: c.id,
				value: 6,
				base: 0
			});
		const scoresBefore = (await scoreRows(db, roundId)).length;
		await setJudgeActive(db, world.organizer, world.contestId, roundId, quitter.id, false, NOW + 1);
		const after = await repo.listAssignments(db, roundId);
		const theirs = after.filter((a) => a.judge_id === quitter.id);
		expect(theirs.length).toBe(1);
		expect(theirs[0]!.done_at).not.toBeNull();
		expect((await scoreRows(db, roundId)).length).toBe(scoresBefore);
		const cover = new Map<string, number>();
		for (const a of after)
			if (a.recused_at === null) cover.set(a.entry_id, (cover.get(a.entry_id) ?? 0) + 1);
		for (const id of world.entries) expect(cover.get(id) ?? 0, id).toBeGreaterThanOrEqual(2);
		// The dropped judge no longer reaches the round.
		expect(await codeOf(getJudgeRound(db, judges[3]!, roundId))).toBe('404 judging.error.round');

		// Judge 1 recuses from one entry: it finds another judge, and judge 1 can no longer score it.
		// (An entry of the second school, so judge 0 — linked to the first — may take it over.)
		const mine = await getJudgeRound(db, judges[1]!, roundId);
		const j1 = roundJudges.find((j) => j.user_id === judges[1]!.id)!.id;
		const rows = await repo.listAssignments(db, roundId);
		const target = mine.items.find((i) => {
			const row = rows.find((a) => a.judge_id === j1 && a.handle === i.handle)!;
			return !i.calibration && world.entrySchool.get(row.entry_id) === world.schools[1];
		})!;
		await recuseEntry(db, judges[1]!, roundId, target.handle, NOW + 2);
		expect(
			await codeOf(
				saveScore(db, judges[1]!, roundId, {
					handle: target.handle,
					criterionId: mine.criteria[0]!.id,
					value: 5,
					base: 0
				})
			)
		).toBe('409 judging.error.recused');
		const again = await repo.listAssignments(db, roundId);
		const entryOfTarget = again.find(
			(a) => a.handle === target.handle && a.recused_at !== null
		)!.entry_id;
		expect(
			again.filter((a) => a.entry_id === entryOfTarget && a.recused_at === null).length
		).toBeGreaterThanOrEqual(2);
	});

	it('invite links work once and expire', async () => {
		const { token } = await createInvite(db, world.organizer, world.contestId, roundId, NOW);
		const joined = await acceptInvite(
			db,
			token,
			null,
			{ displayName: '王老师', email: '', password: '', schoolIds: [world.schools[1]] },
			NOW + 10
		);
		expect(joined.created).toBe(true);
		const panel = await repo.listRoundJudges(db, roundId);
		const newcomer = panel.find((j) => j.user_id === joined.userId)!;
		expect(newcomer.active).toBe(1);
		const theirs = (await repo.listAssignments(db, roundId)).filter(
			(a) => a.judge_id === newcomer.id
		);
		expect(theirs.length).toBeGreaterThan(0);
		for (const a of theirs) expect(world.entrySchool.get(a.entry_id)).not.toBe(world.schools[1]);
		const users = await db.selectFrom('app_user').select('id').execute();
		expect(
			await codeOf(
				acceptInvite(
					db,
					token,
					null,
					{ displayName: 'Again', email: '', password: '', schoolIds: [] },
					NOW + 20
				)
			)
		).toBe('410 judging.invite.error.used');
		const old = await createInvite(db, world.organizer, world.contestId, roundId, NOW);
		expect(
			await codeOf(
				acceptInvite(
					db,
					old.token,
					null,
					{ displayName: 'Late', email: '', password: '', schoolIds: [] },
					NOW + INVITE_TTL_MS + 1
				)
			)
		).toBe('410 judging.invite.error.expired');
		expect(
			await codeOf(
				acceptInvite(
					db,
					'a'.repeat(32),
					null,
					{ displayName: 'X', email: '', password: '', schoolIds: [] },
					NOW
				)
			)
		).toBe('410 judging.invite.error.unknown');
		const fresh = await createInvite(db, world.organizer, world.contestId, roundId, NOW);
		expect(
			await codeOf(
				acceptInvite(
					db,
					fresh.token,
					null,
					{ displayName: 'X', email: '', password: '', schoolIds: ['forged'] },
					NOW
				)
			)
		).toBe('400 judging.invite.error.school');
		expect((await db.selectFrom('app_user').select('id').execute()).length).toBe(users.length);
	});

	it('gives entries the judges disagree on one extra judge (disagreement triage)', async () => {
		const panel = await repo.listRoundJudges(db, roundId);
		for (const j of panel.filter((p) => p.active === 1)) {
			const user = {
				id: j.user_id,
				email: '',
				displayName: j.display_name,
				role: 'judge' as const,
				isAdmin: false
			};
			await scoreAll(db, user, roundId, panel.indexOf(j) % 2 ? 3 : -3);
		}
		const before = await repo.listAssignments(db, roundId);
		const cover = (rows: typeof before, id: string) =>
			rows.filter((a) => a.entry_id === id && a.recused_at === null).length;
		// A threshold this low flags every entry whose judges differ at all.
		await setRoundDisagreement(db, world.organizer, world.contestId, roundId, '0.01');
		const outcome = await assignRound(db, world.organizer, world.contestId, roundId, NOW + 3);
		expect(outcome.added).toBeGreaterThan(0);
		const after = await repo.listAssignments(db, roundId);
		const grown = world.entries.filter((id) => cover(after, id) > cover(before, id));
		expect(grown.length).toBeGreaterThan(0);
		for (const id of grown) expect(cover(after, id)).toBe(cover(before, id) + 1);
		// Done work is untouched.
		expect(after.filter((a) => a.done_at !== null).length).toBe(
			before.filter((a) => a.done_at !== null).length
		);
		await setRoundDisagreement(db, world.organizer, world.contestId, roundId, '1.5');
	});

	it('closes atomically: refuses while unfinished, rolls back on failure, then tallies, ranks and advances', async () => {
		expect(
			await codeOf(
				closeRound(db, world.organizer, world.contestId, roundId, { force: false, reason: '' })
			)
		).toMatch(/^409 judging\.error\.unfinished/);
		const panel = await repo.listRoundJudges(db, roundId);
		for (const j of panel.filter((p) => p.active === 1)) {
			const user = {
				id: j.user_id,
				email: '',
				displayName: j.display_name,
				role: 'judge' as const,
				isAdmin: false
			};
			await scoreAll(db, user, roundId, panel.indexOf(j));
		}
		// A result row already there makes the insert fail half way: nothing of the close may stay.
		const someEntry = world.entries[3]!;
		await db
			.insertInto('round_result')
			.values({
				round_id: roundId,
				entry_id: someEntry,
				age_band_id: null,
				judge_count: 0,
				display: null,
				z_mean: null,
				raw_mean: null,
				median: null,
				rank: null,
				tie_rule: null,
				advanced: 0,
				flagged: 0,
				override_reason: null
			})
			.execute();
		await expect(
			closeRound(db, world.organizer, world.contestId, roundId, { force: false, reason: '' })
		).rejects.toThrow();
		expect((await repo.findRound(db, roundId))!.status).toBe('open');
		expect(
			(
				await db
					.selectFrom('round_result')
					.select('entry_id')
					.where('round_id', '=', roundId)
					.execute()
			).length
		).toBe(1);
		await db.deleteFrom('round_result').where('round_id', '=', roundId).execute();

		const outcome = await closeRound(db, world.organizer, world.contestId, roundId, {
			force: false,
			reason: ''
		});
		expect(outcome.entries).toBe(world.entries.length);
		// Top 2 per band, two bands.
		expect(outcome.advanced).toBe(4);
		const round = (await repo.findRound(db, roundId))!;
		expect(round.status).toBe('closed');
		const results = await resultRepo.listResults(db, roundId);
		for (const band of world.bands) {
			const ranks = results.filter((r) => r.age_band_id === band).map((r) => r.rank);
			expect(ranks).toContain(1);
		}
		// Scores are locked now.
		const view = await getJudgeRound(db, judges[1]!, roundId);
		const item = view.items.find((i) => !i.recused)!;
		expect(
			await codeOf(
				saveScore(db, judges[1]!, roundId, {
					handle: item.handle,
					criterionId: view.criteria[0]!.id,
					value: 1,
					base: 9
				})
			)
		).toBe('409 judging.error.closed');
	});

	it('proposes awards per band, takes an override with a reason, and publishes', async () => {
		const count = await proposeAwards(db, world.organizer, world.contestId, NOW);
		expect(count).toBe(12);
		const awards = await resultRepo.listAwards(db, world.contestId);
		const gold = awards.find((a) => a.kind === 'gold')!;
		const results = await resultRepo.listResults(db, roundId);
		const sameBand = results.find(
			(r) => r.age_band_id === gold.age_band_id && !awards.some((a) => a.entry_id === r.entry_id)
		);
		const otherBand = results.find((r) => r.age_band_id !== gold.age_band_id)!;
		expect(
			await codeOf(
				overrideAward(
					db,
					world.organizer,
					world.contestId,
					gold.id,
					otherBand.entry_id,
					'better fit'
				)
			)
		).toBe('400 judging.awards.error.band');
		expect(
			await codeOf(
				overrideAward(db, world.organizer, world.contestId, gold.id, sameBand!.entry_id, '')
			)
		).toMatch(/^400 judging\.error\.reason/);
		await overrideAward(
			db,
			world.organizer,
			world.contestId,
			gold.id,
			sameBand!.entry_id,
			'Jury decision'
		);
		const after = (await resultRepo.listAwards(db, world.contestId)).find((a) => a.id === gold.id)!;
		expect(after.entry_id).toBe(sameBand!.entry_id);
		expect(after.overridden_reason).toBe('Jury decision');
		await publishResults(db, world.organizer, world.contestId);
		const contest = await db
			.selectFrom('contest')
			.select('status')
			.where('id', '=', world.contestId)
			.executeTakeFirstOrThrow();
		expect(contest.status).toBe('results');
	});
});
