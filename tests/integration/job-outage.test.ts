// An outage of the object store or database is not the work's fault: jobs wait it out without
// using their attempts and finish when it is over (issue: a 15 s S3 restart used to fail every
// queued image for good). Runs against a real S3 protocol server that is stopped and started again.
import S3rver from '@20minutes/s3rver';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db/database.ts';
import { findJob } from '../../src/lib/server/jobs/job.repository.ts';
import { enqueue, Worker } from '../../src/lib/server/jobs/queue.ts';
import { createS3Store } from '../../src/lib/server/storage/s3-store.ts';
import { freshDatabase, testDatabases } from './helpers/databases.ts';
import { freePort } from './helpers/ports.ts';

async function until(condition: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!(await condition())) {
		if (Date.now() > deadline) throw new Error('condition not met in time');
		await sleep(25);
	}
}

/** An S3 server that can be stopped and started again on the same port and folder. */
async function restartableS3() {
	const directory = await mkdtemp(path.join(tmpdir(), 'sprout-s3-outage-'));
	const port = await freePort();
	const bucket = 'outage';
	let server: S3rver | undefined;
	return {
		config: {
			kind: 's3' as const,
			endpoint: `http://127.0.0.1:${port}`,
			bucket,
			region: 'us-east-1',
			accessKeyId: 'S3RVER',
			secretAccessKey: 'S3RVER',
			forcePathStyle: true
		},
		async start() {
			server = new S3rver({
				address: '127.0.0.1',
				port,
				silent: true,
				directory,
				allowMismatchedSignatures: true,
				configureBuckets: [{ name: bucket }]
			});
			await server.run();
		},
		async stop() {
			await server?.close();
			server = undefined;
		},
		async dispose() {
			await this.stop();
			await rm(directory, { recursive: true, force: true });
		}
	};
}

describe.each(testDatabases())('jobs during an outage on $name', ({ url }) => {
	let db: Db;
	let kindCounter = 0;
	const kind = () => `outage.kind${++kindCounter}`;

	beforeAll(async () => {
		db = await freshDatabase(url);
	});
	afterAll(() => db?.destroy());

	it('waits out a storage outage longer than all its attempts, then completes every job', async () => {
		const s3 = await restartableS3();
		await s3.start();
		const store = createS3Store(s3.config);
		const k = kind();
		const ids: string[] = [];
		try {
			await s3.stop();
			for (let i = 0; i < 4; i++) ids.push(await enqueue(db, k, { i }, { maxAttempts: 2 }));
			const worker = new Worker(db, {
				pollMs: 20,
				backoff: { baseMs: 10 },
				outageBackoff: { baseMs: 20, maxMs: 100 },
				onError: () => {}
			});
			worker.register(k, async (payload) => {
				const { i } = payload as { i: number };
				await store.put(`outage/${i}.txt`, Buffer.from(`entry ${i}`), {
					contentType: 'text/plain'
				});
				return { stored: i };
			});
			worker.start();
			// Long enough for every job to have met the outage several times: more than its
			// two attempts would allow if an outage counted against them.
			await until(async () => {
				const rows = await Promise.all(ids.map((id) => findJob(db, id)));
				return rows.every((r) => r!.outage_retries >= 3);
			});
			for (const id of ids) expect((await findJob(db, id))!.status).not.toBe('failed');

			await s3.start();
			await until(async () => {
				const rows = await Promise.all(ids.map((id) => findJob(db, id)));
				return rows.every((r) => r!.status === 'done');
			});
			await worker.stop();
			for (const id of ids) {
				const row = (await findJob(db, id))!;
				expect(row).toMatchObject({ status: 'done', attempts: 1, outage_since: null });
			}
			const stored = await store.get('outage/3.txt');
			expect(stored).toBeTruthy();
			const chunks: Buffer[] = [];
			for await (const chunk of stored!.body) chunks.push(Buffer.from(chunk as Uint8Array));
			expect(Buffer.concat(chunks).toString()).toBe('entry 3');
		} finally {
			await s3.dispose();
		}
	});

	it('fails like any other failure once an outage outlasts its window', async () => {
		const k = kind();
		const id = await enqueue(db, k, {}, { maxAttempts: 2 });
		const worker = new Worker(db, {
			pollMs: 10,
			backoff: { baseMs: 10 },
			outageWindowMs: 150,
			outageBackoff: { baseMs: 10, maxMs: 20 },
			onError: () => {}
		});
		worker.register(k, async () => {
			throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' });
		});
		worker.start();
		await until(async () => (await findJob(db, id))!.status === 'failed');
		await worker.stop();
		const row = (await findJob(db, id))!;
		expect(row.outage_retries).toBeGreaterThan(1);
		expect(row.attempts).toBe(2);
		expect(row.last_error).toContain('ECONNREFUSED');
	});

	it('on shutdown hands a job that outlives the grace period back to the queue, unused', async () => {
		const k = kind();
		const id = await enqueue(db, k, { big: true }, { maxAttempts: 2 });
		let started = false;
		const slow = new Worker(db, { pollMs: 10, onError: () => {} });
		slow.register(k, async () => {
			started = true;
			await sleep(10_000);
		});
		slow.start();
		await until(async () => started);
		const stopAt = Date.now();
		await slow.stop({ graceMs: 100 });
		expect(Date.now() - stopAt).toBeLessThan(2000);
		expect(await findJob(db, id)).toMatchObject({
			status: 'queued',
			attempts: 0,
			locked_until: null
		});

		// Another process takes it at once, without waiting for a lease to run out.
		const next = new Worker(db, { pollMs: 10, onError: () => {} });
		next.register(k, async () => 'done');
		next.start();
		await until(async () => (await findJob(db, id))!.status === 'done');
		await next.stop();
		expect(await findJob(db, id)).toMatchObject({ attempts: 1 });
	});

	it('still fails a job whose own work fails, on its attempts', async () => {
		const k = kind();
		const id = await enqueue(db, k, {}, { maxAttempts: 2 });
		const worker = new Worker(db, { pollMs: 10, backoff: { baseMs: 10 }, onError: () => {} });
		worker.register(k, async () => {
			throw new TypeError('cannot read the image header');
		});
		worker.start();
		await until(async () => (await findJob(db, id))!.status === 'failed');
		await worker.stop();
		expect(await findJob(db, id)).toMatchObject({ attempts: 2, outage_retries: 0 });
	});
});
