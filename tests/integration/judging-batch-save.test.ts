// The score endpoint's batch body (an artwork's criteria that piled up in the judge's queue, in
// one request), called as the server calls it, on SQLite and PostgreSQL: applied in one
// transaction, a stale criterion reported with the server's value while the others apply, the
// whole request refused (translated, nothing changed) for bad input, a foreign handle or a
// closed round; and the single-criterion body a queue from before batches still sends.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../src/lib/server/auth/session.ts';
import type { Db } from '../../src/lib/server/db/database.ts';
import { closeRound } from '../../src/lib/server/judging/close.service.ts';
import { getJudgeRound, type JudgeItem } from '../../src/lib/server/judging/scoring.service.ts';
import { setServicesForTesting, type Services } from '../../src/lib/server/services.ts';
import { translate } from '../../src/lib/i18n/index.ts';
import { POST } from '../../src/routes/judge/rounds/[roundId]/scores/+server.ts';
import { freshDatabase, testDatabases } from './helpers/databases.ts';
import { addJudgingWorld, staffedRound, type JudgingTestWorld } from './helpers/judging-world.ts';

const NOW = Date.now();

describe.each(testDatabases())('batch score saves on $name', ({ url }) => {
	let db: Db;
	let world: JudgingTestWorld;
	let roundId: string;
	let judge: SessionUser;
	let criteria: string[];
	let mine: JudgeItem[];
	let foreign: string;

	beforeAll(async () => {
		db = await freshDatabase(url);
		world = await addJudgingWorld(db, { perSchool: 4, judges: 3, now: NOW });
		roundId = await staffedRound(db, world, {}, NOW);
		setServicesForTesting({ db } as unknown as Services);
		judge = world.judges[1]!;
		const view = await getJudgeRound(db, judge, roundId);
		criteria = view.criteria.map((c) => c.id);
		mine = view.items;
		const other = await getJudgeRound(db, world.judges[2]!, roundId);
		foreign = other.items.find((i) => !mine.some((m) => m.handle === i.handle))!.handle;
	});
	afterAll(async () => {
		setServicesForTesting(undefined);
		await db.destroy();
	});

	async function post(body: unknown, user: SessionUser = judge) {
		const request = new Request(`http://sprout.test/judge/rounds/${roundId}/scores`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', origin: 'http://sprout.test' },
			body: JSON.stringify(body)
		});
		const res = await POST({
			params: { roundId },
			request,
			locals: { user, locale: 'fr' }
		} as unknown as Parameters<typeof POST>[0]);
		return { status: res.status, body: (await res.json()) as Record<string, unknown> };
	}

	const rows = () =>
		db
			.selectFrom('rubric_score')
			.select(['entry_id', 'criterion_id', 'value', 'revision'])
			.where('round_id', '=', roundId)
			.orderBy('entry_id')
			.orderBy('criterion_id')
			.execute();
	const audits = async () =>
		(await db.selectFrom('score_audit').select('id').where('round_id', '=', roundId).execute())
			.length;

	it('saves an artwork’s criteria in one request and reports each one', async () => {
		const handle = mine[0]!.handle;
		const scores = criteria.map((criterionId, i) => ({ criterionId, value: 3 + i, base: 0 }));
		const saved = await post({ handle, scores });
		expect(saved).toEqual({
			status: 200,
			body: {
				done: true,
				results: criteria.map((criterionId, i) => ({
					criterionId,
					value: 3 + i,
					revision: 1,
					stale: false
				}))
			}
		});
		expect((await rows()).map((r) => r.value).sort()).toEqual(criteria.map((_, i) => 3 + i));
		expect(await audits()).toBe(criteria.length);
		// Replayed (its answer was lost): idempotent, nothing more written.
		expect((await post({ handle, scores })).status).toBe(200);
		expect(await audits()).toBe(criteria.length);
		const view = await getJudgeRound(db, judge, roundId);
		expect(view.items.find((i) => i.handle === handle)!.done).toBe(true);
	});

	it('applies the fresh criteria and reports a stale one with the server’s value (409)', async () => {
		const handle = mine[1]!.handle;
		const [c1, c2] = criteria as [string, string];
		await post({ handle, scores: [{ criterionId: c2, value: 6, base: 0 }] });
		// Another tab changed c2 (revision 2) while this screen still shows revision 1.
		await post({ handle, criterionId: c2, value: 4, base: 1 });
		const answer = await post({
			handle,
			scores: [
				{ criterionId: c1, value: 8, base: 0 },
				{ criterionId: c2, value: 9, base: 1 }
			]
		});
		expect(answer.status).toBe(409);
		expect(answer.body).toMatchObject({
			error: 'judging.error.stale',
			message: translate('fr', 'judging.error.stale', { value: 4, revision: 2 }),
			params: { value: 4, revision: 2 },
			done: false,
			results: [
				{ criterionId: c1, value: 8, revision: 1, stale: false },
				{ criterionId: c2, value: 4, revision: 2, stale: true }
			]
		});
		const entry = (await rows()).filter((r) => r.revision > 0);
		expect(entry.some((r) => r.criterion_id === c1 && r.value === 8)).toBe(true);
		expect(entry.some((r) => r.criterion_id === c2 && r.value === 4)).toBe(true);
	});

	it('refuses bad input, another judge’s artwork or a forged handle as a whole, changing nothing', async () => {
		const handle = mine[2]!.handle;
		const [c1, c2] = criteria as [string, string];
		const good = { criterionId: c1, value: 5, base: 0 };
		const before = await rows();
		const auditsBefore = await audits();
		const cases: [unknown, number, string][] = [
			[{ handle, scores: [] }, 400, 'judging.error.base'],
			[{ handle, scores: 'x' }, 400, 'judging.error.base'],
			[{ handle, scores: [good, null] }, 400, 'judging.error.base'],
			[{ handle, scores: [good, { ...good, value: 6 }] }, 400, 'judging.error.criterion'],
			[
				{ handle, scores: [good, { criterionId: 'nope', value: 5, base: 0 }] },
				400,
				'judging.error.criterion'
			],
			[
				{ handle, scores: [good, { criterionId: c2, value: 2.5, base: 0 }] },
				400,
				'judging.error.scoreInteger'
			],
			[
				{ handle, scores: [good, { criterionId: c2, value: 5, base: -1 }] },
				400,
				'judging.error.base'
			],
			// Checked against the rubric inside the transaction: the first criterion is not kept.
			[
				{ handle, scores: [good, { criterionId: c2, value: 11, base: 0 }] },
				400,
				'judging.error.scoreRange'
			],
			[{ handle: foreign, scores: [good] }, 404, 'judging.error.entry'],
			[{ handle: 'ZZZZ', scores: [good] }, 404, 'judging.error.entry'],
			[{ handle: 'no such', scores: [good] }, 404, 'judging.error.entry']
		];
		for (const [body, status, code] of cases) {
			const answer = await post(body);
			expect([answer.status, answer.body.error], JSON.stringify(body)).toEqual([status, code]);
			const params = answer.body.params as Record<string, string | number>;
			expect(answer.body.message).toBe(translate('fr', code as never, params));
		}
		expect(await rows()).toEqual(before);
		expect(await audits()).toBe(auditsBefore);
	});

	it('refuses the batch once the round is closed, and the single body still works before', async () => {
		const handle = mine[2]!.handle;
		const single = await post({ handle, criterionId: criteria[0], value: 2, base: 0 });
		expect(single).toEqual({ status: 200, body: { value: 2, revision: 1, done: false } });
		await closeRound(db, world.organizer, world.contestId, roundId, {
			force: true,
			reason: 'test'
		});
		const before = await rows();
		const answer = await post({
			handle,
			scores: [{ criterionId: criteria[1], value: 5, base: 0 }]
		});
		expect([answer.status, answer.body.error]).toEqual([409, 'judging.error.closed']);
		expect(answer.body.message).toBe(translate('fr', 'judging.error.closed'));
		expect(await rows()).toEqual(before);
	});
});
