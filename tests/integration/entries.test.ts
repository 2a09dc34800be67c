// Submitting contest entries on every supported database: eligibility, limits, idempotency,
// refusals that leave nothing behind, and the processing job (including across a restart).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionStudent, SessionUser } from '../../src/lib/server/auth/session.ts';
import * as contests from '../../src/lib/server/contests/contest.repository.ts';
import type { Db } from '../../src/lib/server/db/database.ts';
import { insertDrawing } from '../../src/lib/server/drawings/drawing.repository.ts';
import { canAccessEntry } from '../../src/lib/server/entries/entry-access.ts';
import {
	ABANDONED_RECEIPT_MS,
	ENTRY_PROCESS_JOB,
	entryJobHandler,
	entryJobHooks,
	releaseAbandonedReceipts,
	submitEntry,
	uploadKey,
	type SubmitInput
} from '../../src/lib/server/entries/submission.service.ts';
import { DomainError } from '../../src/lib/server/errors.ts';
import { newId } from '../../src/lib/server/ids.ts';
import { Worker } from '../../src/lib/server/jobs/queue.ts';
import { createLocalStore } from '../../src/lib/server/storage/local-store.ts';
import type { ObjectStore } from '../../src/lib/server/storage/object-store.ts';
import { freshDatabase, testDatabases } from './helpers/databases.ts';
import { addClassroom, addSchool, addUser } from './helpers/fixtures.ts';

const NOW = Date.UTC(2026, 10, 21, 6, 0);
const HOUR = 3600_000;

async function until(condition: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!(await condition())) {
		if (Date.now() > deadline) throw new Error('condition not met in time');
		await sleep(25);
	}
}

let pngSeed = 0;
/** A distinct small drawing each call (so payload hashes differ unless meant to). */
async function drawingPng(width = 800, height = 600): Promise<Uint8Array> {
	const seed = ++pngSeed;
	return sharp({
		create: {
			width,
			height,
			channels: 3,
			background: { r: (seed * 37) % 256, g: 160, b: (seed * 91) % 256 }
		}
	})
		.png()
		.toBuffer();
}

async function errorOf(promise: Promise<unknown>): Promise<DomainError> {
	try {
		await promise;
	} catch (err) {
		if (err instanceof DomainError) return err;
		throw err;
	}
	throw new Error('expected a DomainError');
}

async function listKeys(store: ObjectStore, prefix: string): Promise<string[]> {
	const keys: string[] = [];
	for await (const o of store.list(prefix)) keys.push(o.key);
	return keys;
}

describe.each(testDatabases())('contest entries on $name', ({ url }) => {
	let db: Db;
	let store: ObjectStore;
	let dir: string;
	let teacher: SessionUser;
	let otherTeacher: SessionUser;
	let organizer: SessionUser;
	let schoolId: string;
	let otherSchoolId: string;
	let kids: SessionStudent[];
	let outsider: SessionStudent;

	async function addContest(
		options: {
			opensAt?: number;
			closesAt?: number;
			perChild?: number;
			schools?: string[];
			allowStudio?: boolean;
			status?: 'draft' | 'open';
		} = {}
	): Promise<string> {
		const id = newId();
		await contests.insertContest(db, {
			id,
			createdBy: organizer.id,
			now: NOW - 2 * HOUR,
			values: {
				title: JSON.stringify({ 'zh-CN': '绿色地球', en: 'Green Earth' }),
				theme: '{}',
				brief: '{}',
				rules: '{}',
				timeZone: 'Asia/Shanghai',
				opensAt: options.opensAt ?? NOW - HOUR,
				closesAt: options.closesAt ?? NOW + 24 * HOUR,
				entriesPerChild: options.perChild ?? 1,
				boardWidth: 1600,
				boardHeight: 1200,
				allowStudio: options.allowStudio ?? true,
				allowUpload: true
			}
		});
		await contests.replaceAgeBands(db, id, [
			{ label: '6–8', minAge: 6, maxAge: 8 },
			{ label: '9–11', minAge: 9, maxAge: 11 }
		]);
		await contests.replaceContestSchools(db, id, options.schools ?? []);
		if ((options.status ?? 'open') === 'open')
			await contests.setContestStatus(db, id, 'draft', 'open', NOW - 2 * HOUR);
		return id;
	}

	async function addDrawingOf(student: SessionStudent): Promise<string> {
		const id = `d${newId()}`;
		await insertDrawing(db, {
			id,
			student_id: student.id,
			title: 'Trees',
			width: 1600,
			height: 1200,
			op_count: 1,
			revision: 1,
			doc_key: `private/drawings/${student.id}/${id}/r1.json`,
			doc_bytes: 10,
			thumb_key: null,
			created_at: NOW,
			updated_at: NOW
		});
		return id;
	}

	let keyCounter = 0;
	async function input(
		student: SessionStudent,
		contestId: string,
		overrides: Partial<SubmitInput> = {}
	): Promise<SubmitInput> {
		return {
			contestId,
			age: 9,
			title: '我的森林',
			about: 'Trees and a river 🌳',
			drawingId: overrides.drawingId === undefined ? await addDrawingOf(student) : null,
			idempotencyKey: `key-${Date.now()}-${++keyCounter}`,
			image: overrides.image ?? (await drawingPng()),
			...overrides
		};
	}

	const asChild = (student: SessionStudent) => ({ kind: 'student' as const, student });

	async function entryCount(): Promise<number> {
		const row = await db
			.selectFrom('entry')
			.select((eb) => eb.fn.countAll<number | string>().as('n'))
			.executeTakeFirstOrThrow();
		return Number(row.n);
	}

	async function entryStatus(id: string) {
		return db
			.selectFrom('entry')
			.select(['status', 'status_message', 'media', 'media_prefix', 'original_key'])
			.where('id', '=', id)
			.executeTakeFirstOrThrow();
	}

	beforeAll(async () => {
		db = await freshDatabase(url);
		dir = await mkdtemp(path.join(tmpdir(), 'sprout-entries-'));
		store = createLocalStore(dir);
		teacher = await addUser(db, 'teacher');
		otherTeacher = await addUser(db, 'teacher');
		organizer = await addUser(db, 'organizer');
		schoolId = await addSchool(db);
		otherSchoolId = await addSchool(db, '另一所小学');
		const room = await addClassroom(db, teacher.id, schoolId, 8);
		kids = room.students.map((s) => ({
			id: s.id,
			classroomId: room.id,
			pseudonym: s.pseudonym,
			avatar: 'leaf-green'
		}));
		const otherRoom = await addClassroom(db, otherTeacher.id, otherSchoolId, 1);
		outsider = {
			id: otherRoom.students[0]!.id,
			classroomId: otherRoom.id,
			pseudonym: otherRoom.students[0]!.pseudonym,
			avatar: 'leaf-green'
		};
	});
	afterAll(async () => {
		await db?.destroy();
		if (dir) await rm(dir, { recursive: true, force: true });
	});

	it('receives an entry, picks the age band and queues it for processing', async () => {
		const contestId = await addContest();
		const kid = kids[0]!;
		const result = await submitEntry({ db, store }, asChild(kid), await input(kid, contestId), NOW);
		expect(result.replayed).toBe(false);
		expect(result.entry.status).toBe('processing');
		const row = await db
			.selectFrom('entry')
			.innerJoin('contest_age_band', 'contest_age_band.id', 'entry.age_band_id')
			.select(['entry.source', 'entry.original_key', 'contest_age_band.min_age'])
			.where('entry.id', '=', result.entry.id)
			.executeTakeFirstOrThrow();
		expect(row).toEqual({ source: 'studio', original_key: uploadKey(result.entry.id), min_age: 9 });
		expect(await store.head(uploadKey(result.entry.id))).toBeDefined();
		const job = await db
			.selectFrom('job')
			.select(['payload', 'status'])
			.where('kind', '=', ENTRY_PROCESS_JOB)
			.where('payload', 'like', `%${result.entry.id}%`)
			.executeTakeFirstOrThrow();
		expect(JSON.parse(job.payload)).toEqual({ entryId: result.entry.id });
	});

	it('refuses ineligible submissions with a reason and writes nothing', async () => {
		const open = await addContest();
		const kid = kids[1]!;
		const before = await entryCount();
		const cases: [() => Promise<unknown>, string][] = [
			[
				async () =>
					submitEntry(
						{ db, store },
						asChild(kid),
						await input(kid, await addContest({ closesAt: NOW - 1 })),
						NOW
					),
				'entries.error.contestClosed'
			],
			[
				async () =>
					submitEntry(
						{ db, store },
						asChild(kid),
						await input(kid, await addContest({ opensAt: NOW + HOUR })),
						NOW
					),
				'entries.error.contestClosed'
			],
			[
				async () =>
					submitEntry(
						{ db, store },
						asChild(kid),
						await input(kid, await addContest({ status: 'draft' })),
						NOW
					),
				'entries.error.contestClosed'
			],
			[
				async () =>
					submitEntry({ db, store }, asChild(kid), await input(kid, 'nosuchcontest'), NOW),
				'entries.error.contestNotFound'
			],
			[
				async () =>
					submitEntry(
						{ db, store },
						asChild(kid),
						await input(kid, await addContest({ schools: [otherSchoolId] })),
						NOW
					),
				'entries.error.school'
			],
			[
				async () =>
					submitEntry(
						{ db, store },
						asChild(kid),
						await input(kid, await addContest({ allowStudio: false })),
						NOW
					),
				'entries.error.source'
			],
			[
				async () =>
					submitEntry({ db, store }, asChild(kid), await input(kid, open, { age: 14 }), NOW),
				'entries.error.age'
			],
			[
				async () =>
					submitEntry({ db, store }, asChild(kid), await input(kid, open, { title: '  ' }), NOW),
				'entries.error.title'
			],
			[
				async () =>
					submitEntry(
						{ db, store },
						asChild(kid),
						await input(kid, open, { title: '树'.repeat(61) }),
						NOW
					),
				'entries.error.title'
			],
			[
				async () =>
					submitEntry(
						{ db, store },
						asChild(kid),
						await input(kid, open, { about: 'a'.repeat(301) }),
						NOW
					),
				'entries.error.about'
			],
			[
				async () =>
					submitEntry(
						{ db, store },
						asChild(kid),
						await input(kid, open, { drawingId: await addDrawingOf(kids[2]!) }),
						NOW
					),
				'entries.error.drawingNotFound'
			],
			[
				async () =>
					submitEntry(
						{ db, store },
						asChild(kid),
						await input(kid, open, { idempotencyKey: 'short' }),
						NOW
					),
				'entries.error.idempotencyKey'
			]
		];
		for (const [attempt, code] of cases) expect((await errorOf(attempt())).code).toBe(code);
		expect(await entryCount()).toBe(before);
		// A child of another school can still enter a contest open to every school.
		const ok = await submitEntry(
			{ db, store },
			asChild(outsider),
			await input(outsider, open),
			NOW
		);
		expect(ok.entry.status).toBe('processing');
	});

	it('counts entries against the limit, except returned, failed and disqualified ones', async () => {
		const contestId = await addContest({ perChild: 2 });
		const kid = kids[3]!;
		const first = await submitEntry({ db, store }, asChild(kid), await input(kid, contestId), NOW);
		await submitEntry({ db, store }, asChild(kid), await input(kid, contestId), NOW);
		const over = await errorOf(
			submitEntry({ db, store }, asChild(kid), await input(kid, contestId), NOW)
		);
		expect([over.code, over.status]).toEqual(['entries.error.limit', 409]);
		await db
			.updateTable('entry')
			.set({ status: 'returned' })
			.where('id', '=', first.entry.id)
			.execute();
		const again = await submitEntry({ db, store }, asChild(kid), await input(kid, contestId), NOW);
		expect(again.replayed).toBe(false);
	});

	it('replays the same submission, refuses a concurrent duplicate and a changed payload', async () => {
		const contestId = await addContest({ perChild: 3 });
		const kid = kids[4]!;
		const same = await input(kid, contestId);
		const first = await submitEntry({ db, store }, asChild(kid), same, NOW);
		const replay = await submitEntry({ db, store }, asChild(kid), same, NOW);
		expect(replay).toEqual({ entry: first.entry, replayed: true });

		const changed = await errorOf(
			submitEntry({ db, store }, asChild(kid), { ...same, title: 'Another title' }, NOW)
		);
		expect([changed.code, changed.status]).toEqual(['entries.error.keyReused', 422]);
		const otherChild = await errorOf(
			submitEntry({ db, store }, asChild(kids[5]!), { ...same, drawingId: null }, NOW)
		);
		expect(otherChild.status).toBe(422);

		// Two identical requests at once: one is received.
		const twin = await input(kid, contestId);
		const results = await Promise.allSettled([
			submitEntry({ db, store }, asChild(kid), twin, NOW),
			submitEntry({ db, store }, asChild(kid), twin, NOW)
		]);
		// The other is told it is in flight, or, when the first had already finished by the time
		// it looked, replays it: either way one entry.
		const outcomes = results
			.map((r) =>
				r.status === 'fulfilled'
					? r.value.replayed
						? 'replayed'
						: 'received'
					: `${(r.reason as DomainError).status} ${(r.reason as DomainError).code}`
			)
			.sort();
		expect([
			['409 entries.error.inFlight', 'received'],
			['received', 'replayed']
		]).toContainEqual(outcomes);
		const rows = await db
			.selectFrom('entry')
			.select('id')
			.where('idempotency_key', '=', twin.idempotencyKey)
			.execute();
		expect(rows).toHaveLength(1);
	});

	it('a retry after the server died mid-upload ends with exactly one entry and one stored original', async () => {
		const contestId = await addContest({ perChild: 3 });
		const kid = kids[4]!;
		const sent = await input(kid, contestId);
		const first = await submitEntry({ db, store }, asChild(kid), sent, NOW);
		// What kill -9 leaves between storing the picture and committing: the key claimed by a
		// 'receiving' row, the upload stored, no job queued.
		await db
			.updateTable('entry')
			.set({ status: 'receiving', original_key: null })
			.where('id', '=', first.entry.id)
			.execute();
		await db.deleteFrom('job').where('payload', 'like', `%${first.entry.id}%`).execute();
		expect(await store.head(uploadKey(first.entry.id))).toBeDefined();

		// Soon after, the same request may still be on its way: it is in flight.
		const early = await errorOf(submitEntry({ db, store }, asChild(kid), sent, NOW + 5_000));
		expect(early.code).toBe('entries.error.inFlight');

		const later = NOW + ABANDONED_RECEIPT_MS + 1;
		const retry = await submitEntry({ db, store }, asChild(kid), sent, later);
		expect(retry).toMatchObject({ entry: { status: 'processing' }, replayed: false });
		const rows = await db
			.selectFrom('entry')
			.select(['id', 'original_key'])
			.where('idempotency_key', '=', sent.idempotencyKey)
			.execute();
		expect(rows).toEqual([{ id: retry.entry.id, original_key: uploadKey(retry.entry.id) }]);
		const uploads = await listKeys(store, 'private/uploads/');
		expect(uploads).toContain(uploadKey(retry.entry.id));
		expect(uploads).not.toContain(uploadKey(first.entry.id));
		const jobs = await db
			.selectFrom('job')
			.select('payload')
			.where('payload', 'like', `%${retry.entry.id}%`)
			.execute();
		expect(jobs).toHaveLength(1);

		// Died after the commit, before the answer: the retry gets the same entry back.
		const again = await submitEntry({ db, store }, asChild(kid), sent, later + 1_000);
		expect(again).toEqual({ entry: retry.entry, replayed: true });
		expect(await listKeys(store, `private/uploads/${retry.entry.id}`)).toHaveLength(1);
	});

	it('a dead receipt holds no place once the child sends under a new key, and housekeeping removes the rest', async () => {
		const contestId = await addContest({ perChild: 1 });
		const [kid, other] = [kids[5]!, kids[7]!];
		/** What kill -9 leaves between storing the picture and committing. */
		async function deadReceipt(student: SessionStudent): Promise<string> {
			const sent = await input(student, contestId);
			const { entry } = await submitEntry({ db, store }, asChild(student), sent, NOW);
			await db
				.updateTable('entry')
				.set({ status: 'receiving', original_key: null })
				.where('id', '=', entry.id)
				.execute();
			await db.deleteFrom('job').where('payload', 'like', `%${entry.id}%`).execute();
			return entry.id;
		}
		const dead = await deadReceipt(kid);
		const alsoDead = await deadReceipt(other);
		const later = NOW + ABANDONED_RECEIPT_MS + 1;

		// A changed title makes the studio send under a new key: the old one no longer counts.
		const early = await errorOf(
			submitEntry({ db, store }, asChild(kid), await input(kid, contestId), NOW + 1000)
		);
		expect(early.code).toBe('entries.error.limit');
		const fresh = await submitEntry(
			{ db, store },
			asChild(kid),
			await input(kid, contestId, { title: '我的大海' }),
			later
		);
		expect(fresh.replayed).toBe(false);
		expect(await db.selectFrom('entry').select('id').where('id', '=', dead).execute()).toEqual([]);
		expect(await store.head(uploadKey(dead))).toBeUndefined();
		// Another child's dead receipt is not this submission's business…
		expect(await store.head(uploadKey(alsoDead))).toBeDefined();

		// …it is housekeeping's, once old enough.
		expect(await releaseAbandonedReceipts({ db, store }, NOW + 1000)).toBe(0);
		expect(await releaseAbandonedReceipts({ db, store }, later)).toBe(1);
		expect(await db.selectFrom('entry').select('id').where('id', '=', alsoDead).execute()).toEqual(
			[]
		);
		expect(await store.head(uploadKey(alsoDead))).toBeUndefined();
		expect(await store.head(uploadKey(fresh.entry.id))).toBeDefined();
	});

	it('refuses bad images with the reason and leaves no row and no object behind', async () => {
		const contestId = await addContest({ perChild: 10 });
		const kid = kids[6]!;
		const good = Buffer.from(await drawingPng());
		const svg = Buffer.from(
			'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
		);
		const bad: [Uint8Array, string][] = [
			[new Uint8Array(0), 'entries.error.image.corrupt'],
			[good.subarray(0, Math.floor(good.length / 2)), 'entries.error.image.corrupt'],
			[svg, 'entries.error.image.format'],
			[Buffer.from('<html><body>hi</body></html>'), 'entries.error.image.format'],
			[Buffer.from('PK\x03\x04zipzipzip'), 'entries.error.image.format'],
			[await drawingPng(64, 64), 'entries.error.image.tooSmall'],
			[await drawingPng(300, 3000), 'entries.error.image.aspect']
		];
		const before = await entryCount();
		const uploadsBefore = await listKeys(store, 'private/uploads/');
		for (const [image, code] of bad) {
			const err = await errorOf(
				submitEntry({ db, store }, asChild(kid), await input(kid, contestId, { image }), NOW)
			);
			expect(err.code).toBe(code);
			expect(err.status).toBeGreaterThanOrEqual(400);
			expect(err.status).toBeLessThan(500);
		}
		expect(await entryCount()).toBe(before);
		expect(await listKeys(store, 'private/uploads/')).toEqual(uploadsBefore);
	});

	it('lets a teacher of the class submit an upload, and nobody else', async () => {
		const contestId = await addContest({ perChild: 5 });
		const kid = kids[7]!;
		const base = { ...(await input(kid, contestId)), drawingId: null };
		const ok = await submitEntry(
			{ db, store },
			{ kind: 'teacher', user: teacher, studentId: kid.id },
			base,
			NOW
		);
		const row = await db
			.selectFrom('entry')
			.select(['source', 'submitted_by'])
			.where('id', '=', ok.entry.id)
			.executeTakeFirstOrThrow();
		expect(row).toEqual({ source: 'upload', submitted_by: teacher.id });
		const err = await errorOf(
			submitEntry(
				{ db, store },
				{ kind: 'teacher', user: otherTeacher, studentId: kid.id },
				{ ...base, idempotencyKey: `${base.idempotencyKey}-x` },
				NOW
			)
		);
		expect(err.code).toBe('entries.error.forbidden');
	});

	it('processes an entry to waiting, and a poisoned image fails only its own entry', async () => {
		const contestId = await addContest({ perChild: 5 });
		const kid = kids[0]!;
		const good = await submitEntry({ db, store }, asChild(kid), await input(kid, contestId), NOW);
		const poisoned = await submitEntry(
			{ db, store },
			asChild(kid),
			await input(kid, contestId),
			NOW
		);
		// Damaged after receipt (as a disk or a hostile store could): the pipeline must refuse it.
		const png = Buffer.from(await drawingPng());
		await store.put(uploadKey(poisoned.entry.id), png.subarray(0, png.length - 2000), {
			contentType: 'image/png'
		});

		const worker = new Worker(db, { concurrency: 1, pollMs: 20, onError: () => {} });
		worker.register(ENTRY_PROCESS_JOB, entryJobHandler({ db, store }), entryJobHooks);
		worker.start();
		try {
			await until(async () => {
				const [a, b] = await Promise.all([
					entryStatus(good.entry.id),
					entryStatus(poisoned.entry.id)
				]);
				return a.status !== 'processing' && b.status !== 'processing';
			});
		} finally {
			await worker.stop();
		}
		const done = await entryStatus(good.entry.id);
		expect(done.status).toBe('waiting');
		const media = JSON.parse(done.media!) as {
			keyPrefix: string;
			variants: { name: string; key: string }[];
		};
		expect(done.media_prefix).toBe(media.keyPrefix);
		expect(media.variants.map((v) => v.name).sort()).toEqual(
			['display', 'display-jpeg', 'original', 'thumb'].sort()
		);
		for (const v of media.variants) expect(await store.head(v.key)).toBeDefined();
		expect(done.original_key).toBe(media.variants.find((v) => v.name === 'original')!.key);
		expect(await store.head(uploadKey(good.entry.id))).toBeUndefined();

		const failed = await entryStatus(poisoned.entry.id);
		expect(failed).toMatchObject({
			status: 'failed',
			status_message: 'entries.error.processFailed'
		});
		// A failed entry frees its place.
		const retry = await submitEntry({ db, store }, asChild(kid), await input(kid, contestId), NOW);
		expect(retry.entry.status).toBe('processing');
	});

	it('keeps queued entries across a restart: a new worker processes them', async () => {
		const contestId = await addContest({ perChild: 5 });
		const kid = kids[1]!;
		// Submitted while no worker runs (the server is down or busy).
		const queued = await submitEntry({ db, store }, asChild(kid), await input(kid, contestId), NOW);
		const stopped = new Worker(db, { pollMs: 20 });
		stopped.register(ENTRY_PROCESS_JOB, entryJobHandler({ db, store }), entryJobHooks);
		await stopped.stop();
		expect((await entryStatus(queued.entry.id)).status).toBe('processing');

		const fresh = new Worker(db, { pollMs: 20, onError: () => {} });
		fresh.register(ENTRY_PROCESS_JOB, entryJobHandler({ db, store }), entryJobHooks);
		fresh.start();
		try {
			await until(async () => (await entryStatus(queued.entry.id)).status === 'waiting');
		} finally {
			await fresh.stop();
		}
		expect((await entryStatus(queued.entry.id)).status).toBe('waiting');
	});

	/** The job of an entry, as the queue stored it. */
	async function jobOf(entryId: string) {
		const rows = await db
			.selectFrom('job')
			.selectAll()
			.where('kind', '=', ENTRY_PROCESS_JOB)
			.execute();
		const row = rows.find(
			(r) => (JSON.parse(r.payload) as { entryId: string }).entryId === entryId
		);
		if (!row) throw new Error(`no job for entry ${entryId}`);
		return row;
	}

	/** Runs an entry worker (with the real hooks) until `condition` holds, then stops it. */
	async function runEntryWorker(
		condition: () => Promise<boolean>,
		options: { store?: ObjectStore; timeoutMs?: number } = {}
	): Promise<void> {
		const worker = new Worker(db, {
			pollMs: 10,
			timeoutMs: options.timeoutMs,
			backoff: { baseMs: 10 },
			onError: () => {}
		});
		worker.register(
			ENTRY_PROCESS_JOB,
			entryJobHandler({ db, store: options.store ?? store }),
			entryJobHooks
		);
		worker.start();
		try {
			await until(condition);
		} finally {
			await worker.stop();
		}
	}

	/** A fresh entry of `kid`, received and waiting for its processing job. */
	async function receivedEntry(kid: SessionStudent): Promise<string> {
		const contestId = await addContest({ perChild: 5 });
		const { entry } = await submitEntry(
			{ db, store },
			asChild(kid),
			await input(kid, contestId),
			NOW
		);
		return entry.id;
	}

	it('asks for a new file when the last attempt times out (a storage read that never ends)', async () => {
		const entryId = await receivedEntry(kids[3]!);
		// Every read of the upload hangs, as a stalled network disk or S3 endpoint can.
		const stalled: ObjectStore = { ...store, get: () => new Promise(() => {}) };
		await runEntryWorker(async () => (await jobOf(entryId)).status === 'failed', {
			store: stalled,
			timeoutMs: 100
		});
		const job = await jobOf(entryId);
		expect(job).toMatchObject({ status: 'failed', attempts: 3, max_attempts: 3 });
		expect(job.last_error).toMatch(/^JobTimeoutError/);
		expect(await entryStatus(entryId)).toMatchObject({
			status: 'failed',
			status_message: 'entries.error.processFailed'
		});
	});

	it('asks for a new file when the worker died during the last attempt', async () => {
		const entryId = await receivedEntry(kids[4]!);
		// As a crashed process leaves it: running its last attempt, the lease long gone.
		await db
			.updateTable('job')
			.set({ status: 'running', attempts: 3, locked_until: Date.now() - 60_000 })
			.where('id', '=', (await jobOf(entryId)).id)
			.execute();
		await runEntryWorker(async () => (await entryStatus(entryId)).status !== 'processing');
		expect(await entryStatus(entryId)).toMatchObject({
			status: 'failed',
			status_message: 'entries.error.processFailed'
		});
		expect(await jobOf(entryId)).toMatchObject({ status: 'failed', attempts: 3 });
	});

	it('shows entry media to the child, their teacher and organizers only', async () => {
		const contestId = await addContest();
		const kid = kids[2]!;
		const { entry } = await submitEntry(
			{ db, store },
			asChild(kid),
			await input(kid, contestId),
			NOW
		);
		expect(await canAccessEntry(db, { student: kid }, entry.id, 'rendition')).toBe(true);
		expect(await canAccessEntry(db, { user: teacher }, entry.id, 'rendition')).toBe(true);
		expect(await canAccessEntry(db, { user: organizer }, entry.id, 'rendition')).toBe(true);
		expect(await canAccessEntry(db, { student: kids[3]! }, entry.id, 'rendition')).toBe(false);
		expect(await canAccessEntry(db, { user: otherTeacher }, entry.id, 'rendition')).toBe(false);
		expect(
			await canAccessEntry(db, { user: await addUser(db, 'judge') }, entry.id, 'rendition')
		).toBe(false);
		expect(await canAccessEntry(db, { student: kid }, 'nosuchentry', 'rendition')).toBe(false);
	});
});
