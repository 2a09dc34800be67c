// Two instances of the built server on one PostgreSQL and one S3 bucket (different ports), as a
// deployment behind a load balancer runs them: a session made on one works on the other, every
// image job runs exactly once, and kill -9 of an instance holding jobs loses nothing: the other
// finishes them once their lease runs out, and the database and the bucket match exactly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db/database.ts';
import { ENTRY_PROCESS_JOB } from '../../src/lib/server/entries/submission.service.ts';
import {
	deploymentKinds,
	newSubmission,
	seedSchool,
	sendLikeStudio,
	signInChild,
	startDeployment,
	storageReport,
	until,
	type Deployment,
	type School
} from './helpers/deployment.ts';
import {
	jobsDone,
	killHard,
	serverEnv,
	startInstance,
	stop,
	type Instance
} from './helpers/instance.ts';

/** The image jobs' lease, shortened from 60 s (renewed every third of it while a job runs). */
const LEASE_MS = 5000;

async function jobCounts(db: Db) {
	const rows = await db
		.selectFrom('job')
		.select(['status', (eb) => eb.fn.countAll<number | string>().as('n')])
		.where('kind', '=', ENTRY_PROCESS_JOB)
		.groupBy('status')
		.execute();
	const counts: Record<string, number> = { queued: 0, running: 0, done: 0, failed: 0 };
	for (const row of rows) counts[row.status] = Number(row.n);
	return counts;
}

async function entryJobs(db: Db) {
	return db
		.selectFrom('job')
		.select(['id', 'status', 'attempts'])
		.where('kind', '=', ENTRY_PROCESS_JOB)
		.orderBy('id')
		.execute();
}

describe.skipIf(!deploymentKinds().includes('postgres + s3'))(
	'two instances on PostgreSQL + S3',
	() => {
		let deployment: Deployment;
		let school: School;
		let a: Instance | undefined;
		let b: Instance | undefined;
		/** Instances stopped along the way: their logs still count. */
		const retired: Instance[] = [];
		/** Session cookies, one per child, each made on one instance or the other. */
		const cookies: string[] = [];

		const env = (extra: Record<string, string> = {}) =>
			serverEnv(deployment.env, { SPROUT_FAULT_LEASE_MS: String(LEASE_MS), ...extra });

		beforeAll(async () => {
			deployment = await startDeployment('postgres + s3');
			school = await seedSchool(deployment.db, 4, 10);
			[a, b] = await Promise.all([startInstance('A', env()), startInstance('B', env())]);
		});

		afterAll(async () => {
			await Promise.all([stop(a), stop(b)]);
			await deployment?.close();
		});

		/** Submits `count` entries, alternately to A and B, all at once (a class at the bell). */
		async function submitAlternately(count: number): Promise<void> {
			const sent = await Promise.all(
				Array.from({ length: count }, async (_, i) => {
					const child = i % school.children.length;
					const sub = await newSubmission(deployment, school, school.children[child]!);
					const server = i % 2 === 0 ? a! : b!;
					return sendLikeStudio(server.origin, cookies[child]!, sub);
				})
			);
			for (const tries of sent) expect(tries.map((t) => t.answer)).toEqual([201]);
		}

		it('a session made on one instance works on the other, and signing out on it ends it on both', async () => {
			for (const [i, child] of school.children.entries())
				cookies.push(await signInChild((i % 2 === 0 ? a! : b!).origin, school, child));
			const studio = (server: Instance, cookie?: string) =>
				fetch(`${server.origin}/studio`, {
					redirect: 'manual',
					headers: { accept: 'text/html', ...(cookie ? { cookie } : {}) }
				}).then((r) => r.status);
			for (const cookie of cookies) {
				expect(await studio(a!, cookie)).toBe(200);
				expect(await studio(b!, cookie)).toBe(200);
			}
			expect(await studio(b!)).not.toBe(200);

			// A fifth sign-in on A, ended on B: gone on A too.
			const extra = await signInChild(a!.origin, school, school.children[0]!);
			const out = await fetch(`${b!.origin}/logout`, {
				method: 'POST',
				redirect: 'manual',
				headers: { cookie: extra, origin: b!.origin }
			});
			expect(out.status).toBe(303);
			expect(await studio(a!, extra)).not.toBe(200);
		});

		it('entries submitted alternately to both are each processed exactly once', async () => {
			const N = 10;
			const started = Date.now();
			await submitAlternately(N);
			await until(
				'every entry is processed',
				async () => (await jobCounts(deployment.db)).done === N
			);
			const seconds = (Date.now() - started) / 1000;

			const jobs = await entryJobs(deployment.db);
			expect(jobs).toHaveLength(N);
			// Claimed once each (a claim counts an attempt) and completed once each, by one instance.
			for (const job of jobs) expect(job).toMatchObject({ status: 'done', attempts: 1 });
			const doneA = jobsDone(a!, ENTRY_PROCESS_JOB);
			const doneB = jobsDone(b!, ENTRY_PROCESS_JOB);
			expect([...doneA, ...doneB].sort()).toEqual(jobs.map((j) => j.id));

			const entries = await deployment.db
				.selectFrom('entry')
				.select(['status', 'media_prefix'])
				.execute();
			expect(entries.map((e) => e.status)).toEqual(Array(N).fill('waiting'));
			// One set of renditions per entry, and nothing else in the bucket.
			expect(new Set(entries.map((e) => e.media_prefix)).size).toBe(N);
			const report = await storageReport(deployment);
			expect(report.missing).toEqual([]);
			expect(report.orphans).toEqual([]);
			console.info(
				`[faults] two instances: ${N} entries processed in ${seconds.toFixed(1)} s ` +
					`(A ran ${doneA.length} jobs, B ${doneB.length}); ${report.stored} objects, all referenced`
			);
		});

		it('kill -9 of an instance holding jobs: the other finishes them all after the lease', async () => {
			// A again, now pausing each job once its renditions are written: it holds up to three.
			await stop(a);
			retired.push(a!);
			a = await startInstance(
				'A (slow jobs)',
				env({
					WORKER_CONCURRENCY: '3',
					SPROUT_FAULT_PAUSE_AT: 'entry-job.rendered',
					SPROUT_FAULT_PAUSE_MS: '300000'
				})
			);
			const before = (await entryJobs(deployment.db)).length;
			const N = 12;
			await submitAlternately(N);
			const total = before + N;

			// Everything B could take is done; what is left is running on A, paused.
			let held = 0;
			await until(
				'B has done all but the jobs A holds',
				async () => {
					held = a!.logs.filter((l) => l.msg === 'fault pause').length;
					const counts = await jobCounts(deployment.db);
					return (
						held > 0 &&
						counts.queued === 0 &&
						counts.running === held &&
						counts.done === total - held
					);
				},
				60_000,
				async () => ({ held, total, counts: await jobCounts(deployment.db), a: a!.logs.slice(-8) })
			);
			const heldIds = (await entryJobs(deployment.db))
				.filter((j) => j.status === 'running')
				.map((j) => j.id);

			await killHard(a!);
			const killedAt = Date.now();
			await until(
				'B finishes the jobs of the killed instance',
				async () => (await jobCounts(deployment.db)).done === total,
				LEASE_MS * 6 + 30_000
			);
			const seconds = (Date.now() - killedAt) / 1000;

			const jobs = await entryJobs(deployment.db);
			for (const job of jobs)
				expect(job).toMatchObject({
					status: 'done',
					// The held ones were claimed twice: by A, then by B after the lease.
					attempts: heldIds.includes(job.id) ? 2 : 1
				});
			// Every job completed exactly once, across both instances and both lives of A; the
			// killed one completed none (each of its jobs was paused until the kill).
			const done = [...retired, a!, b!].flatMap((i) => jobsDone(i, ENTRY_PROCESS_JOB));
			expect(done.sort()).toEqual(jobs.map((j) => j.id));
			expect(jobsDone(a!, ENTRY_PROCESS_JOB)).toEqual([]);

			const entries = await deployment.db.selectFrom('entry').select('status').execute();
			expect(entries.map((e) => e.status)).toEqual(Array(total).fill('waiting'));
			const report = await storageReport(deployment);
			expect(report.missing).toEqual([]);
			expect(report.orphans).toEqual([]);
			console.info(
				`[faults] two instances: A killed holding ${held} jobs; B finished them ` +
					`${seconds.toFixed(1)} s later (lease ${LEASE_MS} ms); ${report.stored} objects, all referenced`
			);
		});
	}
);
