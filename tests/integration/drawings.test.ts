import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	createDocument,
	serializeDocument,
	type DrawDocument
} from '../../src/lib/draw/document.ts';
import type { SessionStudent } from '../../src/lib/server/auth/session.ts';

import type { Db } from '../../src/lib/server/db/database.ts';
import {
	getViewableDrawing,
	hasServerCopy,
	listMyDrawings,
	saveDrawing
} from '../../src/lib/server/drawings/drawing.service.ts';
import { DomainError } from '../../src/lib/server/errors.ts';
import { eraseStudent } from '../../src/lib/server/privacy/student-erasure.service.ts';
import { createLocalStore } from '../../src/lib/server/storage/local-store.ts';
import type { ObjectStore } from '../../src/lib/server/storage/object-store.ts';
import { freshDatabase, testDatabases } from './helpers/databases.ts';
import { addClassroom, addSchool, addUser } from './helpers/fixtures.ts';

let PNG: Uint8Array;

function docWithStrokes(n: number): DrawDocument {
	const doc = createDocument('landscape');
	return {
		...doc,
		ops: Array.from({ length: n }, (_, i) => ({
			type: 'stroke' as const,
			id: `s${i}`,
			tool: 'brush' as const,
			color: '#2e7d32',
			size: 12,
			opacity: 1,
			points: [10, 10, 0.5, 0, 200 + i, 220, 0.5, 16]
		}))
	};
}

async function serviceError(promise: Promise<unknown>): Promise<DomainError> {
	try {
		await promise;
	} catch (err) {
		if (err instanceof DomainError) return err;
		throw err;
	}
	throw new Error('expected a DomainError');
}

async function keysUnder(store: ObjectStore, prefix: string): Promise<string[]> {
	const keys: string[] = [];
	for await (const o of store.list(prefix)) keys.push(o.key);
	return keys.sort();
}

describe.each(testDatabases())('drawings on $name', ({ url }) => {
	let db: Db;
	let dir: string;
	let store: ObjectStore;
	let kid: SessionStudent;
	let classmate: SessionStudent;
	let teacher: Awaited<ReturnType<typeof addUser>>;
	let classroomId: string;

	beforeAll(async () => {
		PNG = await sharp({
			create: { width: 320, height: 240, channels: 3, background: '#2e7d32' }
		})
			.png()
			.toBuffer();
		db = await freshDatabase(url);
		dir = await mkdtemp(path.join(tmpdir(), 'sprout-drawings-'));
		store = createLocalStore(dir);
		teacher = await addUser(db, 'teacher');
		const classroom = await addClassroom(db, teacher.id, await addSchool(db), 2);
		classroomId = classroom.id;
		const [a, b] = classroom.students;
		kid = { id: a!.id, classroomId, pseudonym: a!.pseudonym, avatar: 'leaf-green' };
		classmate = { id: b!.id, classroomId, pseudonym: b!.pseudonym, avatar: 'sun-blue' };
	});
	afterAll(async () => {
		await db.destroy();
		await rm(dir, { recursive: true, force: true });
	});

	it('creates, then updates from the current revision, and keeps only the newest files', async () => {
		const first = await saveDrawing(db, store, kid, 'drawingone1', {
			baseRevision: null,
			title: '  我的森林 ',
			docText: serializeDocument(docWithStrokes(3)),
			thumb: PNG
		});
		expect(first.revision).toBe(1);
		const second = await saveDrawing(db, store, kid, 'drawingone1', {
			baseRevision: 1,
			title: '我的森林',
			docText: serializeDocument(docWithStrokes(5)),
			thumb: PNG
		});
		expect(second.revision).toBe(2);
		const row = await getViewableDrawing(db, { student: kid }, 'drawingone1');
		expect(row).toMatchObject({ title: '我的森林', op_count: 5, width: 1600, height: 1200 });
		const stored = await store.get(row.doc_key);
		expect(stored).toBeDefined();
		const keys = await keysUnder(store, `private/drawings/${kid.id}/drawingone1/`);
		expect(keys).toEqual([row.doc_key, row.thumb_key].sort());
	});

	it("says whether the server keeps a copy, only to the drawing's own child", async () => {
		// The editor asks the server for a drawing only when this says so: no 404 for a new one.
		expect(await hasServerCopy(db, kid, 'drawingone1')).toBe(true);
		expect(await hasServerCopy(db, classmate, 'drawingone1')).toBe(false);
		expect(await hasServerCopy(db, kid, 'brandnew123')).toBe(false);
		expect(await hasServerCopy(db, kid, '../../etc')).toBe(false);
	});

	it('refuses a stale save with a conflict and changes nothing', async () => {
		await saveDrawing(db, store, kid, 'drawingtwo2', {
			baseRevision: null,
			title: 'A',
			docText: serializeDocument(docWithStrokes(1)),
			thumb: null
		});
		await saveDrawing(db, store, kid, 'drawingtwo2', {
			baseRevision: 1,
			title: 'B',
			docText: serializeDocument(docWithStrokes(2)),
			thumb: null
		});
		const stale = await serviceError(
			saveDrawing(db, store, kid, 'drawingtwo2', {
				baseRevision: 1,
				title: 'stale tab',
				docText: serializeDocument(docWithStrokes(9)),
				thumb: null
			})
		);
		expect(stale.code).toBe('drawing.error.conflict');
		expect(stale.status).toBe(409);
		expect(stale.params?.revision).toBe(2);
		const row = await getViewableDrawing(db, { student: kid }, 'drawingtwo2');
		expect(row).toMatchObject({ title: 'B', op_count: 2, revision: 2 });
		expect(await keysUnder(store, `private/drawings/${kid.id}/drawingtwo2/`)).toEqual([
			row.doc_key
		]);
	});

	it('refuses corrupt, future-version, oversized and badly typed input with clear codes', async () => {
		const cases: [Parameters<typeof saveDrawing>[4], string][] = [
			[
				{ baseRevision: null, title: 'x', docText: '{not json', thumb: null },
				'drawing.error.corrupt'
			],
			[
				{
					baseRevision: null,
					title: 'x',
					docText: JSON.stringify({ ...createDocument(), version: 99 }),
					thumb: null
				},
				'drawing.error.futureVersion'
			],
			[
				{
					baseRevision: null,
					title: 'x',
					docText: JSON.stringify({ ...createDocument(), width: Number.NaN }),
					thumb: null
				},
				'drawing.error.corrupt'
			],
			[
				{
					baseRevision: null,
					title: '长'.repeat(61),
					docText: serializeDocument(createDocument()),
					thumb: null
				},
				'drawing.error.title'
			]
		];
		for (const [input, code] of cases) {
			expect((await serviceError(saveDrawing(db, store, kid, 'badinput99', input))).code).toBe(
				code
			);
		}
		await expect(getViewableDrawing(db, { student: kid }, 'badinput99')).rejects.toThrow(
			'drawing.error.notFound'
		);
	});

	it("never lets a child read or overwrite another child's drawing", async () => {
		await saveDrawing(db, store, kid, 'mineonly33', {
			baseRevision: null,
			title: 'mine',
			docText: serializeDocument(docWithStrokes(1)),
			thumb: null
		});
		const overwrite = await serviceError(
			saveDrawing(db, store, classmate, 'mineonly33', {
				baseRevision: 1,
				title: 'taken',
				docText: serializeDocument(createDocument()),
				thumb: null
			})
		);
		expect(overwrite.code).toBe('drawing.error.notFound');
		await expect(getViewableDrawing(db, { student: classmate }, 'mineonly33')).rejects.toThrow(
			'drawing.error.notFound'
		);
		expect((await getViewableDrawing(db, { student: kid }, 'mineonly33')).title).toBe('mine');
		expect((await listMyDrawings(db, classmate)).map((d) => d.id)).not.toContain('mineonly33');
	});

	it("lets the class's teacher view a drawing, and nobody else's teacher", async () => {
		expect((await getViewableDrawing(db, { user: teacher }, 'mineonly33')).id).toBe('mineonly33');
		const stranger = await addUser(db, 'teacher');
		await expect(getViewableDrawing(db, { user: stranger }, 'mineonly33')).rejects.toThrow(
			'drawing.error.notFound'
		);
	});

	it('deleting a child deletes their drawings and every stored file', async () => {
		expect((await keysUnder(store, `private/drawings/${kid.id}/`)).length).toBeGreaterThan(0);
		await eraseStudent({ db, store }, teacher, classroomId, kid.id);
		expect(await listMyDrawings(db, kid)).toEqual([]);
		expect(await keysUnder(store, `private/drawings/${kid.id}/`)).toEqual([]);
	});
});
