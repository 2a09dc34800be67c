// A test deployment: a database and an object store the instances share (PostgreSQL + s3rver,
// the production path, or SQLite + a local folder), seeded straight through the repositories
// with one class of children, their drawings and an open contest; and a child's side of a
// submission over HTTP, retried as the studio retries it.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import sharp from 'sharp';
import { parseConfig } from '../../../src/lib/server/config.ts';
import * as contests from '../../../src/lib/server/contests/contest.repository.ts';
import type { Db } from '../../../src/lib/server/db/database.ts';
import { createDocument, serializeDocument } from '../../../src/lib/draw/document.ts';
import { saveDrawing } from '../../../src/lib/server/drawings/drawing.service.ts';
import { newId } from '../../../src/lib/server/ids.ts';
import { checkStorage, type StorageReport } from '../../../src/lib/server/ops/storage-check.ts';
import { replaceSchoolsOfTeacher } from '../../../src/lib/server/schools/teacher-school.repository.ts';
import { createObjectStore, type ObjectStore } from '../../../src/lib/server/storage/index.ts';
import { freshDatabase } from '../../integration/helpers/databases.ts';
import { addClassroom, addSchool, addUser } from '../../integration/helpers/fixtures.ts';
import { startS3Server } from '../../integration/helpers/s3.ts';
import type { Env } from './instance.ts';

export interface Deployment {
	name: string;
	/** DATABASE_URL and the storage settings every instance gets. */
	env: Env;
	db: Db;
	store: ObjectStore;
	close(): Promise<void>;
}

export type DeploymentKind = 'postgres + s3' | 'sqlite + folder';

/** PostgreSQL + S3 when TEST_DATABASE_URL is set (CI sets it), and SQLite + a folder always. */
export function deploymentKinds(): DeploymentKind[] {
	if (process.env.TEST_DATABASE_URL?.trim()) return ['postgres + s3', 'sqlite + folder'];
	if (process.env.CI) throw new Error('TEST_DATABASE_URL is required in CI');
	console.warn('[faults] PostgreSQL + S3 skipped: set TEST_DATABASE_URL=postgresql://…');
	return ['sqlite + folder'];
}

export async function startDeployment(kind: DeploymentKind): Promise<Deployment> {
	if (kind === 'postgres + s3') {
		const s3 = await startS3Server();
		return open(kind, {
			env: {
				DATABASE_URL: process.env.TEST_DATABASE_URL!.trim(),
				STORAGE_DIR: '',
				S3_ENDPOINT: s3.endpoint,
				S3_BUCKET: s3.bucket,
				S3_ACCESS_KEY_ID: s3.accessKeyId,
				S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
				S3_FORCE_PATH_STYLE: 'true'
			},
			cleanUp: () => s3.stop()
		});
	}
	const dir = mkdtempSync(path.join(tmpdir(), 'sprout-faults-'));
	return open(kind, {
		env: {
			DATABASE_URL: `sqlite:${dir}/sprout.db`,
			STORAGE_DIR: `${dir}/objects`,
			S3_ENDPOINT: '',
			S3_BUCKET: ''
		},
		cleanUp: async () => rmSync(dir, { recursive: true, force: true })
	});
}

/** An empty migrated database and the store `env` names. */
async function open(
	name: DeploymentKind,
	{ env, cleanUp }: { env: Env; cleanUp: () => Promise<void> }
): Promise<Deployment> {
	const db = await freshDatabase(env.DATABASE_URL!);
	return {
		name,
		env,
		db,
		store: createObjectStore(parseConfig(env).storage),
		async close() {
			await db.destroy();
			await cleanUp();
		}
	};
}

export interface Child {
	id: string;
	secret: string;
}

export interface School {
	classCode: string;
	contestId: string;
	children: Child[];
}

/** A school with one class of `size` children and a contest open now, for every school. */
export async function seedSchool(db: Db, size: number, entriesPerChild: number): Promise<School> {
	const teacher = await addUser(db, 'teacher');
	const organizer = await addUser(db, 'organizer', { isAdmin: true });
	const schoolId = await addSchool(db);
	await replaceSchoolsOfTeacher(db, teacher.id, [schoolId]);
	const classroom = await addClassroom(db, teacher.id, schoolId, size);
	const contestId = newId();
	const now = Date.now();
	await contests.insertContest(db, {
		id: contestId,
		createdBy: organizer.id,
		now: now - 2 * 3600_000,
		values: {
			title: JSON.stringify({ 'zh-CN': '绿色地球', en: 'Green Earth' }),
			theme: '{}',
			brief: '{}',
			rules: '{}',
			timeZone: 'Asia/Shanghai',
			opensAt: now - 3600_000,
			closesAt: now + 24 * 3600_000,
			entriesPerChild,
			boardWidth: 1600,
			boardHeight: 1200,
			allowStudio: true,
			allowUpload: true
		}
	});
	await contests.replaceAgeBands(db, contestId, [{ label: '6–8', minAge: 6, maxAge: 8 }]);
	await contests.replaceContestSchools(db, contestId, []);
	await contests.setContestStatus(db, contestId, 'draft', 'open', now - 3600_000);
	return {
		classCode: classroom.code,
		contestId,
		children: classroom.students.map((s) => ({ id: s.id, secret: s.secret }))
	};
}

/** A drawing of the child's, saved as the studio saves it (document in the store, row after). */
export async function seedDrawing(deployment: Deployment, childId: string): Promise<string> {
	const id = newId();
	await saveDrawing(
		deployment.db,
		deployment.store,
		{ id: childId, classroomId: '', pseudonym: '', avatar: '' },
		id,
		{
			baseRevision: null,
			title: 'Trees',
			docText: serializeDocument(createDocument()),
			thumb: null
		}
	);
	return id;
}

let pictureSeed = 0;
/** A distinct picture each call, so no two entries share renditions. */
export async function picture(width = 1200, height = 900): Promise<Buffer> {
	const seed = ++pictureSeed + (process.pid % 97);
	return sharp({
		create: {
			width,
			height,
			channels: 3,
			background: { r: (seed * 37) % 256, g: (seed * 53) % 256, b: (seed * 91) % 256 }
		}
	})
		.png()
		.toBuffer();
}

/** The child signs in with their picture password: returns the session cookie. */
export async function signInChild(origin: string, school: School, child: Child): Promise<string> {
	const res = await fetch(`${origin}/join/${school.classCode}/${child.id}`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			origin,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: new URLSearchParams({ secret: child.secret })
	});
	const cookie = /sprout_session=[^;]+/.exec(res.headers.get('set-cookie') ?? '')?.[0];
	if (res.status !== 303 || !cookie) throw new Error(`child sign-in answered ${res.status}`);
	return cookie;
}

export interface Submission {
	contestId: string;
	drawingId: string;
	image: Buffer;
	title: string;
	/** The studio keeps one key per submission across every try and reload. */
	key: string;
}

export async function newSubmission(
	deployment: Deployment,
	school: School,
	child: Child
): Promise<Submission> {
	return {
		contestId: school.contestId,
		drawingId: await seedDrawing(deployment, child.id),
		image: await picture(),
		title: 'My river',
		key: randomUUID()
	};
}

/** One try of the studio's request (the same multipart and headers as upload.ts sends). */
export async function sendOnce(
	origin: string,
	cookie: string,
	sub: Submission
): Promise<{ status: number; body: Record<string, unknown> }> {
	const form = new FormData();
	form.append(
		'meta',
		JSON.stringify({
			contestId: sub.contestId,
			age: 7,
			title: sub.title,
			about: 'Fish and trees',
			drawingId: sub.drawingId
		})
	);
	form.append('image', new Blob([new Uint8Array(sub.image)], { type: 'image/png' }), 'drawing.png');
	const res = await fetch(`${origin}/studio/api/entries`, {
		method: 'POST',
		headers: { cookie, origin, 'idempotency-key': sub.key },
		body: form
	});
	return {
		status: res.status,
		body: (await res.json().catch(() => ({}))) as Record<string, unknown>
	};
}

export type Answer = number | 'network' | 'inFlight';

/**
 * Tries until the server gives an answer the studio stops at, deciding as upload.ts does: a
 * network error, a 5xx and 409 `entries.error.inFlight` mean "ask again soon" (waits are
 * shorter than the studio's 1 s … 30 s). Returns every answer with when it came, the last one
 * deciding.
 */
export async function sendLikeStudio(
	origin: string,
	cookie: string,
	sub: Submission,
	timeoutMs = 60_000
): Promise<{ answer: Answer; at: number }[]> {
	const seen: { answer: Answer; at: number }[] = [];
	const deadline = Date.now() + timeoutMs;
	for (let attempt = 0; Date.now() < deadline; attempt++) {
		const res = await sendOnce(origin, cookie, sub).catch(() => 'network' as const);
		const at = Date.now();
		if (res === 'network') seen.push({ answer: res, at });
		else if (res.status === 409 && res.body.error === 'entries.error.inFlight')
			seen.push({ answer: 'inFlight', at });
		else {
			seen.push({ answer: res.status, at });
			if (res.status < 500) return seen;
		}
		await sleep(Math.min(2000, 250 * 2 ** attempt));
	}
	throw new Error(`never went through: ${seen.map((s) => s.answer).join(', ')}`);
}

/** Polls `condition`; `state` describes what was seen when it never held. */
export async function until(
	what: string,
	condition: () => Promise<boolean>,
	timeoutMs = 60_000,
	state: () => Promise<unknown> = async () => ''
): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!(await condition())) {
		if (Date.now() > deadline)
			throw new Error(`${what}: not within ${timeoutMs} ms ${JSON.stringify(await state())}`);
		await sleep(100);
	}
}

export async function entriesWithKey(db: Db, key: string) {
	return db
		.selectFrom('entry')
		.select(['id', 'status', 'original_key', 'media'])
		.where('idempotency_key', '=', key)
		.execute();
}

export async function listKeys(store: ObjectStore, prefix = ''): Promise<string[]> {
	const keys: string[] = [];
	for await (const object of store.list(prefix)) keys.push(object.key);
	return keys.sort();
}

/** Database and store agree exactly: every named object exists, and nothing else is stored. */
export async function storageReport(deployment: Deployment): Promise<StorageReport> {
	return checkStorage(deployment.db, deployment.store);
}
