// Screening and pairwise rounds end to end through the services, on SQLite and PostgreSQL:
// assignment, saves, bad input (forged handles, a pair not given, closed round), recusal and
// closing with advancement. The next round's scope is the previous round's advanced entries.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../src/lib/server/auth/session.ts';
import type { Db } from '../../src/lib/server/db/database.ts';
import type { SessionStudent } from '../../src/lib/server/auth/session.ts';
import {
	proposeAwards,
	publishResults,
	renameAward
} from '../../src/lib/server/judging/award.service.ts';
import { closeRound } from '../../src/lib/server/judging/close.service.ts';
import {
	awardsOfClassroom,
	awardsOfMyEntries
} from '../../src/lib/server/judging/published-awards.service.ts';
import * as repo from '../../src/lib/server/judging/judging.repository.ts';
import { decidePair, takePairs } from '../../src/lib/server/judging/pairwise.service.ts';
import { exportRoundCsv, pairwiseSummary } from '../../src/lib/server/judging/results.service.ts';
import { createRound, type RoundInput } from '../../src/lib/server/judging/round.service.ts';
import { getJudgeRound, recuseEntry } from '../../src/lib/server/judging/scoring.service.ts';
import { saveVote } from '../../src/lib/server/judging/screening.service.ts';
import { pairKey } from '../../src/lib/server/judging/random.ts';
import { freshDatabase, testDatabases } from './helpers/databases.ts';
import {
	addJudgingWorld,
	codeOf,
	ROUND_INPUT,
	staffedRound as staffRound,
	type JudgingTestWorld
} from './helpers/judging-world.ts';

const NOW = Date.parse('2026-12-02T04:00:00Z');

describe.each(testDatabases())('screening and pairwise rounds on $name', ({ url }) => {
	let db: Db;
	let world: JudgingTestWorld;
	let judges: SessionUser[];

	beforeAll(async () => {
		db = await freshDatabase(url);
		world = await addJudgingWorld(db, { perSchool: 6, judges: 3, now: NOW });
		judges = world.judges;
	});
	afterAll(() => db.destroy());

	const staffedRound = (input: Partial<RoundInput>) => staffRound(db, world, input, NOW);

	it('runs a screening round: 2 judges per artwork, votes, bad input, advancement by yes share', async () => {
		expect(
			await codeOf(
				createRound(db, world.organizer, world.contestId, { ...ROUND_INPUT, method: 'vote' }, NOW)
			)
		).toBe('400 judging.error.methodChoice');
		const roundId = await staffedRound({
			method: 'screening',
			perEntry: '2',
			advanceKind: 'top_percent',
			advanceValue: '50',
			perBand: false,
			allowMaybe: false
		});
		expect(await repo.listCriteria(db, roundId)).toEqual([]);
		const assignments = await repo.listAssignments(db, roundId);
		const count = new Map<string, number>();
		for (const a of assignments) count.set(a.entry_id, (count.get(a.entry_id) ?? 0) + 1);
		for (const id of world.entries) expect(count.get(id), id).toBe(2);

		const view = await getJudgeRound(db, judges[1]!, roundId);
		const item = view.items[0]!;
		const cases: [Record<string, unknown>, string][] = [
			[{ value: 3 }, '400 judging.error.vote'],
			[{ value: 1 }, '400 judging.error.vote'], // "maybe" is off in this round
			[{ value: 1.5 }, '400 judging.error.vote'],
			[{ value: 'yes' }, '400 judging.error.vote'],
			[{ handle: 'ZZZZ' }, '404 judging.error.entry'],
			[{ handle: world.entries[0] }, '404 judging.error.entry'],
			[{ base: -1 }, '400 judging.error.base']
		];
		for (const [over, expected] of cases)
			expect(
				await codeOf(
					saveVote(
						db,
						judges[1]!,
						roundId,
						{ handle: item.handle, value: 2, base: 0, ...over },
						NOW
					)
				),
				JSON.stringify(over)
			).toBe(expected);
		expect(await db.selectFrom('screening_vote').selectAll().execute()).toEqual([]);

		// Saves are idempotent; a stale one gets 409 with the current value.
		const first = await saveVote(
			db,
			judges[1]!,
			roundId,
			{ handle: item.handle, value: 2, base: 0 },
			NOW
		);
		expect(first).toMatchObject({ revision: 1, done: true });
		expect(
			await saveVote(db, judges[1]!, roundId, { handle: item.handle, value: 2, base: 0 }, NOW)
		).toMatchObject({ revision: 1 });
		expect(
			await codeOf(
				saveVote(db, judges[1]!, roundId, { handle: item.handle, value: 0, base: 0 }, NOW)
			)
		).toBe('409 judging.error.stale');
		// The same handle means nothing to another judge.
		const other = await getJudgeRound(db, judges[2]!, roundId);
		const foreign = view.items.find((i) => !other.items.some((o) => o.handle === i.handle));
		if (foreign)
			expect(
				await codeOf(
					saveVote(db, judges[2]!, roundId, { handle: foreign.handle, value: 2, base: 0 }, NOW)
				)
			).toBe('404 judging.error.entry');

		// Everyone votes: yes for even-numbered trees, no for odd ones.
		for (const judge of judges) {
			const mine = await getJudgeRound(db, judge, roundId);
			for (const it of mine.items) {
				const n = Number(it.title.replace(/\D/g, ''));
				await saveVote(
					db,
					judge,
					roundId,
					{ handle: it.handle, value: n % 2 ? 0 : 2, base: it.scores.vote?.revision ?? 0 },
					NOW
				);
			}
		}
		const outcome = await closeRound(
			db,
			world.organizer,
			world.contestId,
			roundId,
			{ force: false, reason: '' },
			NOW
		);
		expect(outcome.entries).toBe(world.entries.length);
		const results = await db
			.selectFrom('round_result')
			.innerJoin('entry', 'entry.id', 'round_result.entry_id')
			.select(['entry.title', 'round_result.display', 'round_result.advanced', 'round_result.rank'])
			.where('round_id', '=', roundId)
			.execute();
		for (const r of results) {
			const even = Number(r.title.replace(/\D/g, '')) % 2 === 0;
			expect(r.display, r.title).toBe(even ? 1 : 0);
			expect(r.advanced, r.title).toBe(even ? 1 : 0);
		}
		expect(
			await codeOf(
				saveVote(db, judges[1]!, roundId, { handle: item.handle, value: 0, base: 1 }, NOW)
			)
		).toBe('409 judging.error.closed');
	});

	it('runs a pairwise round on the advanced artworks: pairs given, decided, never repeated, fitted', async () => {
		const roundId = await staffedRound({
			method: 'pairwise',
			perEntry: '6',
			scope: 'advanced',
			advanceKind: 'top_n',
			advanceValue: '1'
		});
		const advanced = world.entries.filter((_, i) => (i + 1) % 2 === 0);
		const assignments = await repo.listAssignments(db, roundId);
		expect(new Set(assignments.map((a) => a.entry_id))).toEqual(new Set(advanced));
		// Conflict of interest still holds: judge 0 holds no school-0 artwork.
		const j0 = (await repo.findRoundJudgeByUser(db, roundId, judges[0]!.id))!.id;
		for (const a of assignments.filter((a) => a.judge_id === j0))
			expect(world.entrySchool.get(a.entry_id)).not.toBe(world.schools[0]);

		const judge = judges[1]!;
		const view = await takePairs(db, judge, roundId, NOW);
		expect(view.pairs.length).toBeGreaterThan(0);
		expect(view.pairs.length).toBeLessThanOrEqual(5);
		// Asking again hands out nothing new while the held pairs are undecided.
		expect((await takePairs(db, judge, roundId, NOW)).pairs).toEqual(view.pairs);
		const pair = view.pairs[0]!;
		const mine = await getJudgeRound(db, judge, roundId);
		const unused = mine.items
			.map((i) => i.handle)
			.filter((h) => !view.pairs.some((p) => pairKey(p.left, p.right) === pairKey(pair.left, h)))
			.find((h) => h !== pair.left);
		const cases: [Record<string, unknown>, string][] = [
			[{ winner: 'ZZZZ' }, '400 judging.error.winner'],
			[{ left: 'ZZZZ' }, '404 judging.error.pair'],
			[{ left: world.entries[1] }, '404 judging.error.pair'],
			[{ right: pair.left }, '404 judging.error.pair'],
			...(unused
				? [
						[{ right: unused, winner: unused }, '404 judging.error.pair'] as [
							Record<string, unknown>,
							string
						]
					]
				: [])
		];
		for (const [over, expected] of cases)
			expect(
				await codeOf(
					decidePair(
						db,
						judge,
						roundId,
						{ left: pair.left, right: pair.right, winner: pair.right, ...over },
						NOW
					)
				),
				JSON.stringify(over)
			).toBe(expected);
		expect(
			await db
				.selectFrom('pairwise_comparison')
				.select('id')
				.where('winner_entry_id', 'is not', null)
				.execute()
		).toEqual([]);
		// Another judge cannot decide this judge's pair.
		expect(
			await codeOf(decidePair(db, judges[2]!, roundId, { ...pair, winner: pair.left }, NOW))
		).toMatch(/^404 judging\.error\.pair$/);

		// Decide, undo, decide again: idempotent, progress counts.
		expect(await decidePair(db, judge, roundId, { ...pair, winner: pair.left }, NOW)).toMatchObject(
			{ done: 1 }
		);
		expect(await decidePair(db, judge, roundId, { ...pair, winner: pair.left }, NOW)).toMatchObject(
			{ done: 1 }
		);
		expect(await decidePair(db, judge, roundId, { ...pair, winner: null }, NOW)).toMatchObject({
			done: 0
		});

		// Every judge works through their share; a judge prefers the lower tree number.
		const number = new Map<string, number>();
		for (const u of judges) {
			const items = (await getJudgeRound(db, u, roundId)).items;
			for (const i of items) number.set(`${u.id}:${i.handle}`, Number(i.title.replace(/\D/g, '')));
		}
		for (const u of judges) {
			for (let guard = 0; guard < 50; guard++) {
				const { pairs, done, total } = await takePairs(db, u, roundId, NOW + guard);
				const open = pairs.filter((p) => p.winner === null);
				if (open.length === 0) {
					expect(done).toBe(total);
					break;
				}
				for (const p of open) {
					const better =
						number.get(`${u.id}:${p.left}`)! < number.get(`${u.id}:${p.right}`)! ? p.left : p.right;
					await decidePair(db, u, roundId, { ...p, winner: better }, NOW + guard);
				}
			}
			const rows = await db
				.selectFrom('pairwise_comparison')
				.innerJoin('round_judge', 'round_judge.id', 'pairwise_comparison.judge_id')
				.select(['first_entry_id', 'second_entry_id'])
				.where('round_judge.user_id', '=', u.id)
				.where('pairwise_comparison.round_id', '=', roundId)
				.execute();
			const keys = rows.map((r) => pairKey(r.first_entry_id, r.second_entry_id));
			expect(new Set(keys).size, 'never the same pair twice for one judge').toBe(keys.length);
		}
		const csv = await exportRoundCsv(db, world.organizer, world.contestId, roundId);
		expect(csv).toMatch(/\ncomparison,[A-Z0-9]{4},/);
		for (const id of world.entries) expect(csv).not.toContain(id);
		const summary = await pairwiseSummary(db, world.organizer, world.contestId, roundId);
		expect(summary.comparisons).toBeGreaterThan(0);
		// Per band: all advanced trees sit in the second band, compared only among themselves.
		expect(summary.groups.map((g) => g.entries)).toEqual([advanced.length]);
		expect(summary.groups[0]!.components).toBe(1);
		expect(summary.groups[0]!.curve.length).toBeGreaterThan(0);

		// Recusing drops the judge's undecided pairs with that artwork; it then cannot be decided.
		const j2 = judges[2]!;
		const left = (await takePairs(db, j2, roundId, NOW)).pairs.at(-1)!;
		await recuseEntry(db, j2, roundId, left.left, NOW);
		expect(await codeOf(decidePair(db, j2, roundId, { ...left, winner: left.right }, NOW))).toMatch(
			/^(404 judging\.error\.pair|409 judging\.error\.recused)$/
		);

		await closeRound(
			db,
			world.organizer,
			world.contestId,
			roundId,
			{ force: true, reason: 'test close' },
			NOW
		);
		const results = await db
			.selectFrom('round_result')
			.innerJoin('entry', 'entry.id', 'round_result.entry_id')
			.select([
				'entry.title',
				'entry.age_band_id',
				'round_result.display',
				'round_result.rank',
				'round_result.advanced',
				'round_result.raw_mean'
			])
			.where('round_id', '=', roundId)
			.execute();
		expect(results.length).toBe(advanced.length);
		// Per band, the advancing artwork won every comparison it was in, as the lowest tree did.
		for (const band of world.bands) {
			const inBand = results
				.filter((r) => r.age_band_id === band)
				.sort((a, b) => (a.rank ?? 99) - (b.rank ?? 99));
			const numbers = inBand.map((r) => Number(r.title.replace(/\D/g, '')));
			if (numbers.length === 0) continue;
			const best = inBand.find((r) => r.title === `Tree ${Math.min(...numbers)}`)!;
			expect(best.raw_mean).toBe(1);
			const advancing = inBand.filter((r) => r.advanced === 1);
			expect(advancing.length).toBeGreaterThanOrEqual(1);
			for (const r of advancing) {
				expect(r.rank).toBe(1);
				expect(r.raw_mean).toBe(1);
			}
		}
		expect(
			await codeOf(
				takePairs(db, judge, roundId, NOW).then((v) =>
					decidePair(db, judge, roundId, { ...v.pairs[0]!, winner: null }, NOW)
				)
			)
		).toBe('409 judging.error.closed');
	});

	it('shows awards to the child and on the class page only once results are published', async () => {
		expect(await proposeAwards(db, world.organizer, world.contestId, NOW)).toBeGreaterThan(0);
		const awarded = await db
			.selectFrom('award')
			.innerJoin('entry', 'entry.id', 'award.entry_id')
			.innerJoin('student', 'student.id', 'entry.student_id')
			.select([
				'award.id',
				'award.entry_id',
				'award.kind',
				'student.id as student_id',
				'student.classroom_id'
			])
			.orderBy('award.position')
			.execute();
		const first = awarded[0]!;
		const child: SessionStudent = {
			id: first.student_id,
			classroomId: first.classroom_id,
			pseudonym: 'x',
			avatar: 'x'
		};
		const teacher =
			world.teachers[world.entrySchool.get(first.entry_id) === world.schools[0] ? 0 : 1];
		// Still judging: a proposal the organizer may change is nobody's business yet.
		expect((await awardsOfMyEntries(db, child, [first.entry_id], 'en')).size).toBe(0);
		expect(await awardsOfClassroom(db, teacher, first.classroom_id, 'en')).toEqual([]);
		// The organizer names it in English only; other languages keep the standard name.
		const names = { 'zh-CN': '', en: '  Best tree ', fr: '' };
		expect(
			await codeOf(
				renameAward(db, world.organizer, world.contestId, first.id, {
					...names,
					fr: 'x'.repeat(31)
				})
			)
		).toBe('400 judging.awards.error.name');
		expect(await codeOf(renameAward(db, world.organizer, world.contestId, 'nope', names))).toBe(
			'404 judging.awards.error.notFound'
		);
		await renameAward(db, world.organizer, world.contestId, first.id, names);
		await publishResults(db, world.organizer, world.contestId);
		expect((await awardsOfMyEntries(db, child, [first.entry_id], 'en')).get(first.entry_id)).toBe(
			'Best tree'
		);
		const mine = await awardsOfMyEntries(db, child, [first.entry_id], 'fr');
		expect(mine.get(first.entry_id)).toMatch(/^(Or|Argent|Bronze|Mention)/);
		expect(await codeOf(renameAward(db, world.organizer, world.contestId, first.id, names))).toBe(
			'409 judging.error.notJudging'
		);
		const shown = await awardsOfClassroom(db, teacher, first.classroom_id, 'fr');
		expect(shown.map((a) => a.entryId)).toContain(first.entry_id);
		expect(await codeOf(awardsOfMyEntries(db, null, [first.entry_id], 'en'))).toBe(
			'403 error.forbidden'
		);
	});
});
