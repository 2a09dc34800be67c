// What a studio save may bring and how much a child may keep (issue 10, items 2 and 7): the
// thumbnail a save carries is re-encoded by the image module or dropped, never stored as sent,
// and never at the cost of the drawing itself; drawings per child, bytes per child and new
// drawings per minute are capped with a message the studio shows.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocument, serializeDocument } from '../../src/lib/draw/document.ts';
import type { SessionStudent } from '../../src/lib/server/auth/session.ts';
import type { Db } from '../../src/lib/server/db/database.ts';
import {
	getViewableDrawing,
	saveDrawing,
	type SaveInput
} from '../../src/lib/server/drawings/drawing.service.ts';
import { DRAWING_QUOTA } from '../../src/lib/server/drawings/quota.ts';
import { isDomainError } from '../../src/lib/server/errors.ts';
import { newId } from '../../src/lib/server/ids.ts';
import { createLocalStore } from '../../src/lib/server/storage/local-store.ts';
import type { ObjectStore } from '../../src/lib/server/storage/object-store.ts';
import { freshDatabase, testDatabases } from './helpers/databases.ts';
import { addClassroom, addSchool, addUser } from './helpers/fixtures.ts';
import { chunk, hugeBlackPng, ihdr, phoneJpegWithGps, PNG_SIGNATURE } from './helpers/images.ts';

const DOC = serializeDocument(createDocument('landscape'));

describe.each(testDatabases())('drawing limits on $name', ({ url }) => {
	let db: Db;
	let dir: string;
	let store: ObjectStore;
	let classroomId: string;
	let students: { id: string; pseudonym: string }[];
	let next = 0;
	/** A child of their own per test, so one test's quota never touches another's. */
	const freshKid = (): SessionStudent => {
		const s = students[next++]!;
		return { id: s.id, classroomId, pseudonym: s.pseudonym, avatar: 'leaf-green' };
	};
	const save = (kid: SessionStudent, id: string, input: Partial<SaveInput> = {}, now?: number) =>
		saveDrawing(
			db,
			store,
			kid,
			id,
			{ baseRevision: null, title: 'Forest', docText: DOC, thumb: null, ...input },
			now
		);
	const refusal = async (promise: Promise<unknown>) => {
		try {
			await promise;
		} catch (err) {
			if (isDomainError(err)) return { status: err.status, code: err.code };
			throw err;
		}
		return 'saved';
	};
	const storedThumb = async (kid: SessionStudent, id: string) => {
		const row = await getViewableDrawing(db, { student: kid }, id);
		if (!row.thumb_key) return null;
		const object = await store.get(row.thumb_key);
		const parts: Buffer[] = [];
		for await (const part of object!.body) parts.push(part as Buffer);
		return { bytes: Buffer.concat(parts), contentType: object!.info.contentType };
	};

	beforeAll(async () => {
		db = await freshDatabase(url);
		dir = await mkdtemp(path.join(tmpdir(), 'sprout-drawing-limits-'));
		store = createLocalStore(dir);
		const teacher = await addUser(db, 'teacher');
		const classroom = await addClassroom(db, teacher.id, await addSchool(db), 8);
		classroomId = classroom.id;
		students = classroom.students;
	});
	afterAll(async () => {
		await db.destroy();
		await rm(dir, { recursive: true, force: true });
	});

	describe('thumbnails', () => {
		it('re-encodes a JPEG with EXIF, GPS and orientation into a clean upright WebP', async () => {
			const kid = freshKid();
			const jpeg = await phoneJpegWithGps(320, 240).toBuffer();
			expect((await sharp(jpeg).metadata()).orientation).toBe(6);
			expect(await save(kid, 'thumbexif1', { thumb: jpeg })).not.toHaveProperty('thumbnail');
			const stored = (await storedThumb(kid, 'thumbexif1'))!;
			expect(stored.contentType).toBe('image/webp');
			const meta = await sharp(stored.bytes).metadata();
			expect(meta).toMatchObject({ format: 'webp', width: 240, height: 320 });
			expect(meta.exif).toBeUndefined();
			expect(meta.orientation).toBeUndefined();
			expect(stored.bytes.includes(Buffer.from('KidCam'))).toBe(false);
			const { data, info } = await sharp(stored.bytes).raw().toBuffer({ resolveWithObject: true });
			const top = (Math.floor(info.width / 2) + 5 * info.width) * info.channels;
			expect(data[top]).toBeGreaterThan(150);
		});

		it('keeps the drawing and drops a 16000×16000 PNG, a header bomb, truncated and corrupt files', async () => {
			const good = await sharp({
				create: { width: 320, height: 240, channels: 3, background: '#2e7d32' }
			})
				.png()
				.toBuffer();
			const headerBomb = Buffer.concat([
				PNG_SIGNATURE,
				ihdr(60000, 60000, 2),
				chunk('IDAT', Buffer.alloc(64)),
				chunk('IEND', Buffer.alloc(0))
			]);
			// Big in pixels but small in bytes, so the pixel limit is what stops it.
			const tooManyPixels = Buffer.concat([
				PNG_SIGNATURE,
				ihdr(2000, 2000, 2),
				chunk('IDAT', Buffer.alloc(64)),
				chunk('IEND', Buffer.alloc(0))
			]);
			const bad: Record<string, Buffer> = {
				'16000×16000 PNG': await hugeBlackPng(16000, 16000),
				'60000×60000 header bomb': headerBomb,
				'2000×2000 header': tooManyPixels,
				'truncated PNG': good.subarray(0, Math.floor(good.length / 2)),
				'corrupt PNG': Buffer.concat([good.subarray(0, 40), Buffer.alloc(200, 0x5a)]),
				'an SVG with a script': Buffer.from('<svg onload=alert(1)></svg>'),
				'an empty file': Buffer.alloc(0)
			};
			const kid = freshKid();
			await save(kid, 'thumbgood1', { thumb: good });
			const first = (await storedThumb(kid, 'thumbgood1'))!;
			let revision = 1;
			for (const [what, thumb] of Object.entries(bad)) {
				const started = performance.now();
				const result = await save(kid, 'thumbgood1', { baseRevision: revision, thumb });
				expect(result, what).toMatchObject({ revision: revision + 1, thumbnail: 'refused' });
				expect(performance.now() - started, what).toBeLessThan(5000);
				revision++;
				// The document is saved; the preview stays the last good one.
				const row = await getViewableDrawing(db, { student: kid }, 'thumbgood1');
				expect(row.revision).toBe(revision);
				expect((await storedThumb(kid, 'thumbgood1'))!.bytes.equals(first.bytes), what).toBe(true);
			}
			// A first save with a bad preview still creates the drawing, without one.
			expect(await save(kid, 'thumbbad01', { thumb: headerBomb })).toMatchObject({
				revision: 1,
				thumbnail: 'refused'
			});
			expect(await storedThumb(kid, 'thumbbad01')).toBeNull();
		});
	});

	describe('quotas', () => {
		it('stops new drawings at the per-child count, with a message, while saves go on', async () => {
			const kid = freshKid();
			const long = Date.now() - 3600_000;
			// Made long ago, so the per-minute limit plays no part.
			await db
				.insertInto('drawing')
				.values(
					Array.from({ length: DRAWING_QUOTA.drawings }, (_, i) => ({
						id: `old${newId()}`,
						student_id: kid.id,
						title: `Old ${i}`,
						width: 1600,
						height: 1200,
						op_count: 0,
						revision: 1,
						doc_key: `private/drawings/${kid.id}/old${i}.json`,
						doc_bytes: 100,
						thumb_key: null,
						created_at: long,
						updated_at: long
					}))
				)
				.execute();
			expect(await refusal(save(kid, 'onetoomany'))).toEqual({
				status: 413,
				code: 'security.quota.drawings'
			});
			await expect(getViewableDrawing(db, { student: kid }, 'onetoomany')).rejects.toThrow();
			// An existing drawing can still be saved.
			const existing = await db
				.selectFrom('drawing')
				.select('id')
				.where('student_id', '=', kid.id)
				.executeTakeFirstOrThrow();
			expect(await refusal(save(kid, existing.id, { baseRevision: 1 }))).toBe('saved');
			// A classmate is not affected.
			expect(await refusal(save(freshKid(), 'classmate1'))).toBe('saved');
		});

		it('limits new drawings per minute, and lets the child go on a minute later', async () => {
			const kid = freshKid();
			const now = Date.now();
			const made = await Promise.all(
				Array.from({ length: DRAWING_QUOTA.newPerMinute }, (_, i) =>
					refusal(save(kid, `burst${i}x`, {}, now))
				)
			);
			expect(made.every((r) => r === 'saved')).toBe(true);
			expect(await refusal(save(kid, 'burstnext', {}, now + 1000))).toEqual({
				status: 429,
				code: 'security.quota.rate'
			});
			expect(await refusal(save(kid, 'burstnext', {}, now + 61_000))).toBe('saved');
		});

		it('stops a child whose drawings fill their space, but never a save that shrinks one', async () => {
			const kid = freshKid();
			const now = Date.now() - 3600_000;
			await db
				.insertInto('drawing')
				.values({
					id: `big${newId()}`,
					student_id: kid.id,
					title: 'Huge',
					width: 1600,
					height: 1200,
					op_count: 0,
					revision: 1,
					doc_key: `private/drawings/${kid.id}/huge.json`,
					doc_bytes: DRAWING_QUOTA.bytes - 1000,
					thumb_key: null,
					created_at: now,
					updated_at: now
				})
				.execute();
			await save(kid, 'smallone1', { docText: DOC });
			const bigger = serializeDocument({
				...createDocument('landscape'),
				ops: Array.from({ length: 40 }, (_, i) => ({
					type: 'fill' as const,
					id: `f${i}`,
					x: 1,
					y: 1,
					color: '#e53935',
					tolerance: 32
				}))
			});
			expect(await refusal(save(kid, 'smallone1', { baseRevision: 1, docText: bigger }))).toEqual({
				status: 413,
				code: 'security.quota.bytes'
			});
			expect((await getViewableDrawing(db, { student: kid }, 'smallone1')).revision).toBe(1);
			expect(await refusal(save(kid, 'smallone1', { baseRevision: 1, docText: DOC }))).toBe(
				'saved'
			);
		});
	});
});
