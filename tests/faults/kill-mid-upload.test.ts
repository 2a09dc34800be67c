// kill -9 in the middle of a child's submission, on the built server as a real process: it kills
// itself (SPROUT_FAULT_KILL_AT, see src/lib/server/faults.ts) (a) once the original is stored but
// before the commit that queues its job, (b) after that commit but before the answer. Restarted,
// the child's retry with the same idempotency key, as the studio sends it, must end with exactly
// one entry and one stored original, and the database and the store must agree exactly.
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENTRY_PROCESS_JOB, uploadKey } from '../../src/lib/server/entries/submission.service.ts';
import {
	deploymentKinds,
	entriesWithKey,
	listKeys,
	newSubmission,
	seedSchool,
	sendLikeStudio,
	sendOnce,
	signInChild,
	startDeployment,
	storageReport,
	until,
	type Child,
	type Deployment,
	type School
} from './helpers/deployment.ts';
import {
	jobsDone,
	serverEnv,
	startInstance,
	stop,
	verify,
	type Instance
} from './helpers/instance.ts';

/** The abandoned-receipt window, shortened from 60 s so the test does not wait a minute. */
const RECEIPT_MS = 10_000;

describe.each(deploymentKinds())('kill -9 mid-upload on %s', (kind) => {
	let deployment: Deployment;
	let school: School;
	let instance: Instance | undefined;

	beforeAll(async () => {
		deployment = await startDeployment(kind);
		// One entry per child, the contest's default: a dead receipt must not take a child's place.
		school = await seedSchool(deployment.db, 3, 1);
	});

	afterAll(async () => {
		await stop(instance);
		await deployment?.close();
	});

	/** The server, killing itself at `killAt` (if given) on its first submission. */
	async function start(killAt?: string): Promise<Instance> {
		const faults = { SPROUT_FAULT_RECEIPT_MS: String(RECEIPT_MS) };
		instance = await startInstance(
			kind,
			serverEnv(deployment.env, killAt ? { ...faults, SPROUT_FAULT_KILL_AT: killAt } : faults)
		);
		return instance;
	}

	/** Waits for the entry's image job, then checks the one entry, its one original, the store. */
	async function expectOneEntryOneOriginal(key: string, server: Instance): Promise<string> {
		await until('the entry is processed', async () => {
			const [row] = await entriesWithKey(deployment.db, key);
			const job = await deployment.db
				.selectFrom('job')
				.select('status')
				.where('payload', 'like', `%${row?.id}%`)
				.executeTakeFirst();
			return row?.status === 'waiting' && job?.status === 'done';
		});
		const rows = await entriesWithKey(deployment.db, key);
		expect(rows).toHaveLength(1);
		const entry = rows[0]!;
		const media = JSON.parse(entry.media!) as { variants: { name: string; key: string }[] };
		const originals = media.variants.filter((v) => v.name === 'original').map((v) => v.key);
		expect(originals).toHaveLength(1);
		expect(entry.original_key).toBe(originals[0]);
		// The upload as received is gone (replaced by the clean original), whichever try sent it.
		expect(await listKeys(deployment.store, 'private/uploads/')).toEqual([]);
		const jobs = await deployment.db
			.selectFrom('job')
			.select(['id', 'status', 'attempts'])
			.where('payload', 'like', `%${entry.id}%`)
			.execute();
		expect(jobs).toEqual([{ id: jobs[0]!.id, status: 'done', attempts: 1 }]);
		expect(jobsDone(server, ENTRY_PROCESS_JOB)).toContain(jobs[0]!.id);
		const report = await storageReport(deployment);
		expect(report.missing).toEqual([]);
		expect(report.orphans).toEqual([]);
		return entry.id;
	}

	/** The child's submission to a server that kills itself at `killAt`; returns once it is dead. */
	async function submitToDyingServer(killAt: string, child: Child) {
		await stop(instance);
		const dying = await start(killAt);
		const cookie = await signInChild(dying.origin, school, child);
		const sub = await newSubmission(deployment, school, child);
		const sentAt = Date.now();
		await expect(sendOnce(dying.origin, cookie, sub)).rejects.toThrow();
		const killedAt = Date.now();
		expect(await dying.exited).toEqual({ code: null, signal: 'SIGKILL' });
		return { cookie, sub, sentAt, killedAt };
	}

	it('(a) killed after the original is stored, before the commit: one entry, one original after the retry', async () => {
		const { cookie, sub, sentAt, killedAt } = await submitToDyingServer(
			'submit.stored',
			school.children[0]!
		);

		// What the kill left: the key claimed by a 'receiving' row, the picture stored.
		const [left] = await entriesWithKey(deployment.db, sub.key);
		expect(left).toMatchObject({ status: 'receiving', original_key: null });
		expect(await listKeys(deployment.store, 'private/uploads/')).toEqual([uploadKey(left!.id)]);
		// The operator's check reports that picture as not referenced, and leaves it alone;
		// meanwhile the server is restarted.
		const [before, server] = await Promise.all([verify(deployment.env), start()]);
		expect(before.status, before.output).toBe(0);
		expect(before.output).toContain(`orphan ${uploadKey(left!.id)}`);

		// The studio sends the same request again until it is answered.
		const tries = await sendLikeStudio(server.origin, cookie, sub);
		const answers = tries.map((t) => t.answer);
		expect(answers.at(-1)).toBe(201);
		// Until the receipt counts as abandoned the first request may still be on its way: the
		// studio is told "in flight" and asks again.
		expect(answers.slice(0, -1).every((a) => a === 'inFlight')).toBe(true);
		if (tries[0]!.at < sentAt + RECEIPT_MS) expect(answers[0]).toBe('inFlight');
		console.info(
			`[faults] ${kind} (a): received ${((tries.at(-1)!.at - killedAt) / 1000).toFixed(1)} s ` +
				`after the kill; answers ${answers.join(' ')} (receipt window ${RECEIPT_MS} ms)`
		);

		const entryId = await expectOneEntryOneOriginal(sub.key, server);
		expect(entryId).not.toBe(left!.id);
		const after = await verify(deployment.env);
		expect(after.output).toContain('Missing: 0. Not referenced (left alone): 0');
	});

	it('(b) killed after the commit, before the answer: the retry gets the same entry back', async () => {
		const { cookie, sub } = await submitToDyingServer('submit.committed', school.children[1]!);
		const [committed] = await entriesWithKey(deployment.db, sub.key);
		expect(committed).toMatchObject({ status: 'processing' });

		const server = await start();
		const tries = await sendLikeStudio(server.origin, cookie, sub);
		// Replayed: 200 (not 201), the entry the killed server committed.
		expect(tries.map((t) => t.answer)).toEqual([200]);
		const again = await sendOnce(server.origin, cookie, sub);
		expect(again).toMatchObject({ status: 200, body: { id: committed!.id } });

		expect(await expectOneEntryOneOriginal(sub.key, server)).toBe(committed!.id);
	});

	it('(c) killed before the commit, then sent with a new title (so a new key): the dead receipt holds no place', async () => {
		const child = school.children[2]!;
		const { cookie, sub, killedAt } = await submitToDyingServer('submit.stored', child);
		// The receipt was written before the kill: after this it is abandoned for sure.
		const abandonedAt = killedAt + RECEIPT_MS + 100;
		const [dead] = await entriesWithKey(deployment.db, sub.key);
		expect(dead).toMatchObject({ status: 'receiving' });

		const server = await start();
		await sleep(Math.max(0, abandonedAt - Date.now()));
		// The child changed the title meanwhile: the studio's key is refused as meaning another
		// submission, and the studio sends it again under a new one.
		const changed = { ...sub, title: 'My sea' };
		expect(await sendOnce(server.origin, cookie, changed)).toMatchObject({
			status: 422,
			body: { error: 'entries.error.keyReused' }
		});
		const renewed = { ...changed, key: randomUUID() };
		const tries = await sendLikeStudio(server.origin, cookie, renewed);
		expect(tries.map((t) => t.answer)).toEqual([201]);

		await expectOneEntryOneOriginal(renewed.key, server);
		expect(await entriesWithKey(deployment.db, sub.key)).toEqual([]);
		const mine = await deployment.db
			.selectFrom('entry')
			.select('title')
			.where('student_id', '=', child.id)
			.execute();
		expect(mine).toEqual([{ title: 'My sea' }]);
	});
});
