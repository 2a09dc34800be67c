// Panel rounds end to end through the services, on SQLite and PostgreSQL: the shortlist the
// previous round advanced, every judge's ballot (bad input, idempotent, stale), the round's
// dates, closing with Schulze and the published tie-break order, and advancement.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../src/lib/server/auth/session.ts';
import type { Db } from '../../src/lib/server/db/database.ts';
import { DomainError } from '../../src/lib/server/errors.ts';
import { proposeAwards } from '../../src/lib/server/judging/award.service.ts';
import { closeRound } from '../../src/lib/server/judging/close.service.ts';
import * as repo from '../../src/lib/server/judging/judging.repository.ts';
import * as resultRepo from '../../src/lib/server/judging/result.repository.ts';
import { getPanelBallots, saveRanking } from '../../src/lib/server/judging/panel.service.ts';
import { panelSummary } from '../../src/lib/server/judging/panel-results.service.ts';
import {
	assignRound,
	createRound,
	openRound,
	setRoundDisagreement
} from '../../src/lib/server/judging/round.service.ts';
import {
	saveCriteria,
	setRoundDates
} from '../../src/lib/server/judging/round-settings.service.ts';
import { getJudgeRound, saveScore } from '../../src/lib/server/judging/scoring.service.ts';
import { runTriage, TRIAGE_JOB } from '../../src/lib/server/judging/triage.service.ts';
import { freshDatabase, testDatabases } from './helpers/databases.ts';
import { addUser } from './helpers/fixtures.ts';
import {
	addJudges,
	addJudgingWorld,
	codeOf,
	ROUND_INPUT,
	staffedRound,
	type JudgingTestWorld
} from './helpers/judging-world.ts';

const NOW = Date.parse('2026-12-04T04:00:00Z');

describe.each(testDatabases())('panel rounds on $name', ({ url }) => {
	let db: Db;
	let world: JudgingTestWorld;
	let judges: SessionUser[];

	beforeAll(async () => {
		db = await freshDatabase(url);
		// School 0: e0 (band 0), e1 (band 1), e2 (band 0); school 1: e3 (0), e4 (1), e5 (0).
		world = await addJudgingWorld(db, { perSchool: 3, judges: 3, now: NOW });
		judges = world.judges;
	});
	afterAll(() => db.destroy());

	/** A closed first round that advanced every artwork: the panel's shortlist. */
	async function closedFirstRound(): Promise<string> {
		const id = await createRound(
			db,
			world.organizer,
			world.contestId,
			{ ...ROUND_INPUT, method: 'screening' },
			NOW
		);
		await resultRepo.insertResults(
			db,
			db,
			world.entries.map((entryId, i) => ({
				round_id: id,
				entry_id: entryId,
				age_band_id: world.bands[i % 2] ?? null,
				judge_count: 2,
				display: 1,
				z_mean: 1,
				raw_mean: 1,
				median: 1,
				rank: 1,
				tie_rule: 'unbroken',
				advanced: 1,
				flagged: 0,
				override_reason: null
			}))
		);
		await repo.setRoundStatus(db, id, 'draft', { status: 'closed', closed_at: NOW }, NOW);
		return id;
	}

	it('ranks the shortlist per band: ballots, bad input, dates, Schulze, tie-breaks, advancement', async () => {
		const panelInput = {
			...ROUND_INPUT,
			method: 'panel',
			perEntry: '',
			advanceValue: '1',
			scope: 'advanced'
		};
		expect(
			await codeOf(
				createRound(db, world.organizer, world.contestId, { ...panelInput, scope: 'all' }, NOW)
			)
		).toBe('400 judging.error.panelScope');
		expect(await codeOf(createRound(db, world.organizer, world.contestId, panelInput, NOW))).toBe(
			'400 judging.error.panelScope'
		);
		// A previous round that advanced no one (force-closed before any score): a round of its
		// shortlist would hold nothing, could never open, and would block every later round.
		const empty = await createRound(db, world.organizer, world.contestId, ROUND_INPUT, NOW);
		await repo.setRoundStatus(db, empty, 'draft', { status: 'closed', closed_at: NOW }, NOW);
		expect(await codeOf(createRound(db, world.organizer, world.contestId, panelInput, NOW))).toBe(
			'400 judging.error.noneAdvanced'
		);
		expect((await repo.listRounds(db, world.contestId)).map((r) => r.id)).toEqual([empty]);
		await closedFirstRound();
		const roundId = await staffedRound(db, world, panelInput, NOW);

		// Every judge holds the whole shortlist, bar conflicts of interest.
		const [e0, e1, e2, e3, e4, e5] = world.entries as [string, ...string[]];
		const handlesOf = async (user: SessionUser) => {
			const view = await getJudgeRound(db, user, roundId);
			const work = await repo.listJudgeWork(
				db,
				roundId,
				(await repo.findRoundJudgeByUser(db, roundId, user.id))!.id
			);
			expect(view.items).toHaveLength(work.length);
			return new Map(work.map((w) => [w.entry_id, w.handle]));
		};
		const h = await Promise.all(judges.map(handlesOf));
		expect([...h[0]!.keys()].sort()).toEqual([e3!, e4!, e5!].sort());
		expect(h[1]!.size).toBe(6);
		expect(h[2]!.size).toBe(6);

		const groups = await getPanelBallots(db, judges[1]!, roundId);
		expect(groups.map((g) => g.key)).toEqual([...world.bands].sort());
		expect(groups.every((g) => g.revision === 0 && !g.saved)).toBe(true);
		const band0 = groups.find((g) => g.key === world.bands[0])!;
		const band1 = groups.find((g) => g.key === world.bands[1])!;
		expect(band0.label).toBe('6–8');
		expect(band0.handles).toHaveLength(4);

		const j1 = judges[1]!;
		const order0 = [e3, e0, e5, e2].map((id) => h[1]!.get(id!)!);
		const foreign = [...h[2]!.values()].find((x) => ![...h[1]!.values()].includes(x));
		const cases: [Record<string, unknown>, string][] = [
			[{ handles: order0.slice(1) }, '400 judging.error.rankingMissing'],
			[{ handles: [order0[0], ...order0.slice(0, 3)] }, '400 judging.error.rankingDuplicate'],
			[{ handles: [...order0.slice(0, 3), 'ZZZZ'] }, '404 judging.error.entry'],
			[{ handles: [...order0.slice(0, 3), e2] }, '404 judging.error.entry'],
			[{ handles: [...order0.slice(0, 3), band1.handles[0]] }, '404 judging.error.entry'],
			[{ handles: 'all' }, '400 judging.error.rankingMissing'],
			[{ handles: [] }, '400 judging.error.rankingMissing'],
			[{ group: 'nope' }, '400 judging.error.rankingGroup'],
			[{ group: 7 }, '400 judging.error.rankingGroup'],
			[{ base: -1 }, '400 judging.error.base'],
			[{ base: 0.5 }, '400 judging.error.base']
		];
		if (foreign)
			cases.push([{ handles: [...order0.slice(0, 3), foreign] }, '404 judging.error.entry']);
		for (const [over, expected] of cases)
			expect(
				await codeOf(
					saveRanking(db, j1, roundId, { group: band0.key, handles: order0, base: 0, ...over }, NOW)
				),
				JSON.stringify(over)
			).toBe(expected);
		const outsider = await addUser(db, 'judge');
		const teacher = world.teachers[0];
		const body = { group: band0.key, handles: order0, base: 0 };
		expect(await codeOf(saveRanking(db, outsider, roundId, body, NOW))).toBe(
			'404 judging.error.round'
		);
		expect(await codeOf(saveRanking(db, teacher, roundId, body, NOW))).toBe('403 error.forbidden');
		expect(await db.selectFrom('panel_ranking').selectAll().execute()).toEqual([]);

		// Dates: before the opening and after the closing date, saves are refused and say when.
		await setRoundDates(db, world.organizer, world.contestId, roundId, {
			opensAt: '2026-12-05T09:00',
			closesAt: '2026-12-06T18:00'
		});
		const early = await saveRanking(db, j1, roundId, body, NOW).catch((e: DomainError) => e);
		expect(early).toMatchObject({
			code: 'judging.error.notYetOpen',
			params: { date: '2026-12-05 09:00 (Asia/Shanghai)' }
		});
		expect(
			await codeOf(
				saveRanking(db, j1, roundId, body, Date.parse('2026-12-06T10:00:00Z') /* 18:00 +8 */)
			)
		).toBe('409 judging.error.pastClosing');
		expect(
			await codeOf(
				setRoundDates(db, world.organizer, world.contestId, roundId, {
					opensAt: '2026-12-06T09:00',
					closesAt: '2026-12-05T09:00'
				})
			)
		).toBe('400 judging.error.datesOrder');
		expect(
			await codeOf(
				setRoundDates(db, world.organizer, world.contestId, roundId, {
					opensAt: '2026-02-30T09:00',
					closesAt: ''
				})
			)
		).toBe('400 judging.error.date');
		await setRoundDates(db, world.organizer, world.contestId, roundId, {
			opensAt: '',
			closesAt: ''
		});

		// Idempotent; a stale save gets 409 with the current order; the next revision goes on.
		expect(await saveRanking(db, j1, roundId, body, NOW)).toMatchObject({
			revision: 1,
			handles: order0
		});
		expect(await saveRanking(db, j1, roundId, body, NOW)).toMatchObject({ revision: 1 });
		const swapped = [order0[1]!, order0[0]!, order0[2]!, order0[3]!];
		const stale = await saveRanking(db, j1, roundId, { ...body, handles: swapped }, NOW).catch(
			(e: DomainError) => e
		);
		expect(stale).toMatchObject({
			status: 409,
			code: 'judging.error.stale',
			params: { value: order0.join(','), revision: 1 }
		});
		expect(
			await saveRanking(db, j1, roundId, { ...body, handles: swapped, base: 1 }, NOW)
		).toMatchObject({ revision: 2 });
		expect(await saveRanking(db, j1, roundId, { ...body, base: 2 }, NOW)).toMatchObject({
			revision: 3
		});
		expect((await getPanelBallots(db, j1, roundId)).find((g) => g.key === band0.key)).toMatchObject(
			{ handles: order0, revision: 3, saved: true }
		);

		// The unfinished panel cannot close without a reason.
		expect(
			await codeOf(
				closeRound(db, world.organizer, world.contestId, roundId, { force: false, reason: '' }, NOW)
			)
		).toBe('409 judging.error.unfinished');

		const save = (who: number, group: string, ids: string[]) =>
			saveRanking(
				db,
				judges[who]!,
				roundId,
				{ group, handles: ids.map((id) => h[who]!.get(id)!), base: 0 },
				NOW
			);
		await save(1, band1.key, [e1!, e4!]);
		await save(2, band0.key, [e0!, e3!, e5!, e2!]);
		await save(2, band1.key, [e1!, e4!]);
		await save(0, band0.key, [e3!, e5!]);
		await save(0, band1.key, [e4!]);

		const closed = await closeRound(
			db,
			world.organizer,
			world.contestId,
			roundId,
			{ force: false, reason: '' },
			NOW
		);
		expect(closed).toMatchObject({ entries: 6, advanced: 2 });
		const results = new Map(
			(await resultRepo.listResults(db, roundId)).map((r) => [
				r.entry_id,
				{ rank: r.rank, rule: r.tie_rule, advanced: r.advanced, judges: r.judge_count }
			])
		);
		// e0 and e3 split the two full ballots and judge 0 could not see e0: one Schulze tier,
		// separated by the mean position (e3 was first on two ballots of three).
		expect(results.get(e3!)).toEqual({ rank: 1, rule: 'normalized', advanced: 1, judges: 3 });
		expect(results.get(e0!)).toEqual({ rank: 2, rule: 'normalized', advanced: 0, judges: 2 });
		expect(results.get(e5!)).toMatchObject({ rank: 3, rule: 'score' });
		expect(results.get(e2!)).toMatchObject({ rank: 4, rule: 'score' });
		expect(results.get(e1!)).toMatchObject({ rank: 1, rule: 'score', advanced: 1 });
		expect(results.get(e4!)).toMatchObject({ rank: 2, advanced: 0 });

		const summary = await panelSummary(db, world.organizer, world.contestId, roundId);
		const g0 = summary.find((g) => g.bandId === world.bands[0])!;
		expect(g0.ballots).toBe(3);
		expect(g0.ranking.map((tier) => tier.map((c) => c.entryId).sort())).toEqual([
			[e0!, e3!].sort(),
			[e5!],
			[e2!]
		]);
		const at = (a: string, b: string) =>
			g0.matrix[g0.candidates.findIndex((c) => c.entryId === a)]![
				g0.candidates.findIndex((c) => c.entryId === b)
			];
		expect(at(e3!, e5!)).toBe(3);
		expect(at(e0!, e3!)).toBe(1);
		expect(at(e3!, e0!)).toBe(1);

		// An unbroken tie (forced here on the stored results): both artworks get the same award
		// and the next one takes the slot after them.
		await db
			.updateTable('round_result')
			.set({ rank: 1, tie_rule: 'unbroken' })
			.where('round_id', '=', roundId)
			.where('entry_id', 'in', [e0!, e3!])
			.execute();
		await proposeAwards(db, world.organizer, world.contestId, NOW);
		const kinds = new Map(
			(await resultRepo.listAwards(db, world.contestId)).map((a) => [a.entry_id, a.kind])
		);
		expect([e3, e0, e5, e2, e1, e4].map((id) => kinds.get(id!))).toEqual([
			'gold',
			'gold',
			'bronze',
			'honourable',
			'gold',
			'silver'
		]);

		// Closed: no more saves, and nothing changed.
		expect(await codeOf(saveRanking(db, j1, roundId, { ...body, base: 3 }, NOW))).toBe(
			'409 judging.error.closed'
		);
	});

	it('edits criteria until the first score; triage after saves gives disagreed artworks one extra judge', async () => {
		const roundId = await createRound(
			db,
			world.organizer,
			world.contestId,
			{ ...ROUND_INPUT, scope: 'all' },
			NOW
		);
		const before = await repo.listCriteria(db, roundId);
		expect(before).toHaveLength(3);
		const texts = (zh: string) => ({ 'zh-CN': zh, en: '', fr: '' });
		const rows = before.map((c, i) => ({
			id: c.id,
			label: JSON.parse(c.label) as Record<'zh-CN' | 'en' | 'fr', string>,
			description: JSON.parse(c.description) as Record<'zh-CN' | 'en' | 'fr', string>,
			weight: '1',
			min: '1',
			max: '10',
			place: String(3 - i),
			remove: i === 1
		}));
		const added = {
			id: 'forged0',
			label: texts('环保意识'),
			description: texts('作品是否表现了爱护环境。'),
			weight: '2',
			min: '0',
			max: '5',
			place: '9',
			remove: false
		};
		expect(
			await codeOf(
				saveCriteria(db, world.organizer, world.contestId, roundId, [
					...rows,
					{ ...added, weight: 'abc' }
				])
			)
		).toBe('400 judging.error.criterionWeight');
		expect(await codeOf(saveCriteria(db, world.teachers[0], world.contestId, roundId, rows))).toBe(
			'403 error.forbidden'
		);
		expect(
			await saveCriteria(db, world.organizer, world.contestId, roundId, [...rows, added])
		).toBe(3);
		const after = await repo.listCriteria(db, roundId);
		// Reordered (third first), the second removed, the new one last with a fresh id.
		expect(after.map((c) => c.id).slice(0, 2)).toEqual([before[2]!.id, before[0]!.id]);
		expect(after[2]).toMatchObject({ weight: 2, min_value: 0, max_value: 5 });
		expect(after[2]!.id).not.toBe('forged0');
		expect(JSON.parse(after[2]!.label)).toEqual(texts('环保意识'));

		await addJudges(db, world, roundId, NOW);
		await assignRound(db, world.organizer, world.contestId, roundId, NOW);
		await openRound(db, world.organizer, world.contestId, roundId, NOW);
		const view = await getJudgeRound(db, judges[1]!, roundId);
		await saveScore(
			db,
			judges[1]!,
			roundId,
			{ handle: view.items[0]!.handle, criterionId: after[0]!.id, value: 7, base: 0 },
			NOW
		);
		expect(
			await codeOf(saveCriteria(db, world.organizer, world.contestId, roundId, [...rows, added]))
		).toBe('409 judging.error.criteriaLocked');
		expect((await repo.listCriteria(db, roundId)).map((c) => c.id)).toEqual(after.map((c) => c.id));

		// Triage after saves: finishing artworks queues one run of the round; the run gives each
		// artwork its judges disagree on one extra judge, once.
		await setRoundDisagreement(db, world.organizer, world.contestId, roundId, '0.01');
		for (const [i, judge] of judges.entries()) {
			const mine = await getJudgeRound(db, judge, roundId);
			for (const [n, item] of mine.items.entries())
				for (const c of after) {
					const have = item.scores[c.id];
					const span = c.max_value - c.min_value + 1;
					await saveScore(
						db,
						judge,
						roundId,
						{
							handle: item.handle,
							criterionId: c.id,
							value: c.min_value + ((n * (i + 2) + i) % span),
							base: have?.revision ?? 0
						},
						NOW
					);
				}
		}
		const jobs = await db
			.selectFrom('job')
			.select(['payload', 'run_after'])
			.where('kind', '=', TRIAGE_JOB)
			.where('status', '=', 'queued')
			.execute();
		expect(jobs).toEqual([{ payload: JSON.stringify({ roundId }), run_after: expect.any(Number) }]);
		const cover = async () => {
			const rows = await repo.listAssignments(db, roundId);
			return new Map(
				world.entries.map((id) => [
					id,
					rows.filter((a) => a.entry_id === id && a.recused_at === null).length
				])
			);
		};
		const coverBefore = await cover();
		const first = await runTriage(db, roundId, NOW + 2000);
		expect(first?.added).toBeGreaterThan(0);
		const coverAfter = await cover();
		for (const id of world.entries)
			expect(coverAfter.get(id)! - coverBefore.get(id)!).toBeLessThanOrEqual(1);
		expect((await runTriage(db, roundId, NOW + 4000))?.added).toBe(0);
		expect(await cover()).toEqual(coverAfter);
	});
});
