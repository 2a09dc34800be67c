// The durable job queue on every supported database: exclusive claims under concurrency,
// retries with backoff, giving up, timeouts, and picking up the work of a crashed worker.
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/lib/server/config.ts';
import { createDatabase, type Db } from '../../src/lib/server/db/database.ts';
import { findJob } from '../../src/lib/server/jobs/job.repository.ts';
import {
	backoffMs,
	claimNext,
	complete,
	enqueue,
	fail,
	PermanentJobError,
	Worker
} from '../../src/lib/server/jobs/queue.ts';
import { freshDatabase, testDatabases } from './helpers/databases.ts';

async function until(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!(await condition())) {
		if (Date.now() > deadline) throw new Error('condition not met in time');
		await sleep(20);
	}
}

describe.each(testDatabases())('job queue on $name', ({ name, url }) => {
	let db: Db;
	// A second pool on PostgreSQL, as a second server process would have. On SQLite the same
	// handle: better-sqlite3 waits for a lock synchronously, so two connections in one process
	// would block the event loop that has to release the lock (two processes are fine).
	let other: Db;
	// Each test uses its own job kinds, so leftovers of one test never reach another.
	let kindCounter = 0;
	const kind = () => `test.kind${++kindCounter}`;

	beforeAll(async () => {
		db = await freshDatabase(url);
		other = name === 'postgres' ? createDatabase(parseConfig({ DATABASE_URL: url }).database) : db;
	});
	afterAll(async () => {
		if (other !== db) await other?.destroy();
		await db?.destroy();
	});

	it('enqueues, claims once and completes with a result', async () => {
		const k = kind();
		const id = await enqueue(db, k, { upload: 'uploads/a.png' }, { now: 1000 });
		expect(await claimNext(db, [k], 60_000, 999)).toBeUndefined();
		const job = await claimNext(db, [k], 60_000, 1000);
		expect(job).toMatchObject({ id, kind: k, payload: { upload: 'uploads/a.png' }, attempt: 1 });
		expect(await claimNext(db, [k], 60_000, 1001)).toBeUndefined();
		expect(await complete(db, job!, { keyPrefix: 'media/x/' }, 1002)).toBe(true);
		expect(await findJob(db, id)).toMatchObject({
			status: 'done',
			result: JSON.stringify({ keyPrefix: 'media/x/' }),
			locked_until: null,
			attempts: 1
		});
		expect(await claimNext(db, [k], 60_000, 99_999_999)).toBeUndefined();
	});

	it('never hands the same job to two concurrent claimers', async () => {
		const k = kind();
		const ids = new Set<string>();
		for (let i = 0; i < 6; i++) ids.add(await enqueue(db, k, { i }, { now: 1000 }));
		const claims = await Promise.all(
			Array.from({ length: 16 }, (_, i) => claimNext(i % 2 ? db : other, [k], 60_000, 2000))
		);
		const claimed = claims.filter((c) => c !== undefined).map((c) => c.id);
		expect(claimed.sort()).toEqual([...ids].sort());
	});

	it('runs each job exactly once with two workers on two connections', async () => {
		const k = kind();
		const ids: string[] = [];
		for (let i = 0; i < 24; i++) ids.push(await enqueue(db, k, { i }));
		const seen: string[] = [];
		const handler = async (_payload: unknown, { job }: { job: { id: string } }) => {
			seen.push(job.id);
			await sleep(5);
			return { ok: true };
		};
		const workers = [
			new Worker(db, { concurrency: 2, pollMs: 10 }).register(k, handler),
			new Worker(other, { concurrency: 2, pollMs: 10 }).register(k, handler)
		];
		for (const w of workers) w.start();
		await until(async () => {
			const done = await db
				.selectFrom('job')
				.select((eb) => eb.fn.countAll<number>().as('n'))
				.where('kind', '=', k)
				.where('status', '=', 'done')
				.executeTakeFirstOrThrow();
			return Number(done.n) === ids.length;
		});
		await Promise.all(workers.map((w) => w.stop()));
		expect(seen.sort()).toEqual([...ids].sort());
	});

	it('retries with exponential backoff, then fails for good with the last error', async () => {
		const k = kind();
		const backoff = { baseMs: 1000, maxMs: 60_000 };
		const id = await enqueue(db, k, {}, { maxAttempts: 3, now: 0 });

		const first = await claimNext(db, [k], 60_000, 0);
		expect(await fail(db, first!, new Error('decoder hiccup'), { ...backoff, now: 10 })).toEqual({
			retryAt: 1010,
			applied: true,
			outage: false
		});
		expect(await findJob(db, id)).toMatchObject({
			status: 'queued',
			run_after: 1010,
			last_error: 'Error: decoder hiccup'
		});
		expect(await claimNext(db, [k], 60_000, 1009)).toBeUndefined();

		const second = await claimNext(db, [k], 60_000, 1010);
		expect(second?.attempt).toBe(2);
		expect((await fail(db, second!, 'again', { ...backoff, now: 1020 })).retryAt).toBe(3020);

		const third = await claimNext(db, [k], 60_000, 3020);
		expect(third?.attempt).toBe(3);
		expect(
			(await fail(db, third!, new TypeError('poisoned'), { ...backoff, now: 3030 })).retryAt
		).toBe(null);
		expect(await findJob(db, id)).toMatchObject({
			status: 'failed',
			attempts: 3,
			last_error: 'TypeError: poisoned'
		});
		expect(await claimNext(db, [k], 60_000, 10_000_000)).toBeUndefined();
		expect(backoffMs(3, backoff)).toBe(4000);
	});

	it('gives a crashed worker’s job to the next claimer once its lease expires', async () => {
		const k = kind();
		const id = await enqueue(db, k, {}, { maxAttempts: 2, now: 0 });
		// The first worker claims and then "crashes": it never completes or fails the job.
		const crashed = await claimNext(db, [k], 5000, 100);
		expect(crashed?.id).toBe(id);
		expect(await claimNext(other, [k], 5000, 5100)).toBeUndefined();

		const rescued = await claimNext(other, [k], 5000, 5101);
		expect(rescued).toMatchObject({ id, attempt: 2 });
		// The first worker waking up late cannot overwrite the rescuer's outcome.
		expect(await complete(db, crashed!, 'stale', 5200)).toBe(false);
		expect(await complete(other, rescued!, 'fresh', 5300)).toBe(true);
		expect(await findJob(db, id)).toMatchObject({ status: 'done', result: '"fresh"' });
	});

	it('fails a job whose worker died during its last attempt instead of looping', async () => {
		const k = kind();
		const id = await enqueue(db, k, {}, { maxAttempts: 1, now: 0 });
		expect((await claimNext(db, [k], 1000, 0))?.id).toBe(id);
		expect(await claimNext(db, [k], 1000, 2000)).toBeUndefined();
		const row = await findJob(db, id);
		expect(row).toMatchObject({ status: 'failed', locked_until: null });
		expect(row?.last_error).toMatch(/lease expired/);
	});

	it('times out a hung job and lets the worker carry on with the next one', async () => {
		const k = kind();
		const hung = await enqueue(db, k, { hang: true }, { maxAttempts: 1 });
		const fine = await enqueue(db, k, { hang: false });
		const errors: unknown[] = [];
		let aborted = false;
		const worker = new Worker(db, { pollMs: 10, timeoutMs: 100, onError: (e) => errors.push(e) });
		worker.register(k, async (payload, { signal }) => {
			if ((payload as { hang: boolean }).hang) {
				signal.addEventListener('abort', () => (aborted = true));
				await new Promise(() => {});
			}
			return 'ok';
		});
		worker.start();
		await until(async () => (await findJob(db, fine))?.status === 'done');
		await worker.stop();
		const row = await findJob(db, hung);
		expect(row).toMatchObject({ status: 'failed', attempts: 1 });
		expect(row?.last_error).toMatch(/timed out after 100 ms/);
		expect(aborted).toBe(true);
		expect(errors).toHaveLength(1);
	});

	it('fails a poisoned job on its own and keeps processing the rest', async () => {
		const k = kind();
		const poisoned = await enqueue(db, k, { poison: true }, { maxAttempts: 2 });
		const healthy = await enqueue(db, k, { poison: false });
		const worker = new Worker(db, {
			pollMs: 10,
			backoff: { baseMs: 10 },
			onError: () => {}
		}).register(k, async (payload) => {
			if ((payload as { poison: boolean }).poison) throw new Error('cannot decode');
			return 'rendered';
		});
		worker.start();
		await until(async () => (await findJob(db, poisoned))?.status === 'failed');
		await worker.stop();
		expect(await findJob(db, poisoned)).toMatchObject({
			attempts: 2,
			last_error: 'Error: cannot decode'
		});
		expect(await findJob(db, healthy)).toMatchObject({ status: 'done', result: '"rendered"' });
	});

	it('stop() waits for the running job to finish and claims nothing more', async () => {
		const k = kind();
		const first = await enqueue(db, k, {});
		let started = false;
		const worker = new Worker(db, { pollMs: 10 }).register(k, async () => {
			started = true;
			await sleep(200);
			return 'finished';
		});
		worker.start();
		await until(async () => started);
		const second = await enqueue(db, k, {});
		await worker.stop();
		expect(worker.activeCount).toBe(0);
		expect(await findJob(db, first)).toMatchObject({ status: 'done', result: '"finished"' });
		expect(await findJob(db, second)).toMatchObject({ status: 'queued', attempts: 0 });
	});

	it('survives a restart: a new worker finishes what the old process left running', async () => {
		const k = kind();
		const id = await enqueue(db, k, { upload: 'x' });
		// The old process claimed with a short lease and died.
		await claimNext(db, [k], 50, Date.now());
		await sleep(60);
		const worker = new Worker(other, { pollMs: 10 }).register(k, async () => 'done again');
		worker.start();
		await until(async () => (await findJob(db, id))?.status === 'done');
		await worker.stop();
		expect(await findJob(db, id)).toMatchObject({ attempts: 2, result: '"done again"' });
	});

	it('fails at once, without retries, when the handler says retrying cannot help', async () => {
		const k = kind();
		const id = await enqueue(db, k, {}, { maxAttempts: 5, now: 0 });
		const job = await claimNext(db, [k], 60_000, 0);
		const outcome = await fail(db, job!, new PermanentJobError('not an image'), { now: 1 });
		expect(outcome).toEqual({ retryAt: null, applied: true, outage: false });
		expect(await findJob(db, id)).toMatchObject({
			status: 'failed',
			attempts: 1,
			last_error: 'PermanentJobError: not an image'
		});
	});
});
