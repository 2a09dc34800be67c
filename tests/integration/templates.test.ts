// Colouring pages on every supported database: the line-art pipeline (pixels checked in the
// stored PNG), refusals that leave nothing behind, the stages that allow changes, shared
// objects, and what the studio reads (eligibility, same-origin URLs).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionStudent, SessionUser } from '../../src/lib/server/auth/session.ts';
import {
	createContest as createContestOrThrow,
	transitionContest as transitionContestOrThrow,
	type ContestInput
} from '../../src/lib/server/contests/contest.service.ts';
import {
	startPaperFor,
	studioContestsFor
} from '../../src/lib/server/entries/studio-contests.service.ts';
import {
	addContestTemplate as addOrThrow,
	listTemplatesForAdmin,
	moveContestTemplate as moveOrThrow,
	removeContestTemplate as removeOrThrow
} from '../../src/lib/server/contests/template.service.ts';
import type { Db } from '../../src/lib/server/db/database.ts';
import { createLocalStore } from '../../src/lib/server/storage/local-store.ts';
import type { ObjectStore } from '../../src/lib/server/storage/object-store.ts';
import { freshDatabase, testDatabases } from './helpers/databases.ts';
import { addClassroom, addSchool, addUser, contestInput } from './helpers/fixtures.ts';
import { outcome } from './helpers/outcome.ts';

// Refusals are thrown DomainErrors; these compare them as `{ ok: false, error, params? }`.
type Outcome = Awaited<ReturnType<typeof outcome>>;
const createContest = (...a: Parameters<typeof createContestOrThrow>) =>
	outcome(createContestOrThrow(...a));
const transitionContest = (...a: Parameters<typeof transitionContestOrThrow>) =>
	outcome(transitionContestOrThrow(...a));
const addContestTemplate = (...a: Parameters<typeof addOrThrow>) => outcome(addOrThrow(...a));
const moveContestTemplate = (...a: Parameters<typeof moveOrThrow>) => outcome(moveOrThrow(...a));
const removeContestTemplate = (...a: Parameters<typeof removeOrThrow>) =>
	outcome(removeOrThrow(...a));

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 21, 12, 0);
const KEY = /^public\/templates\/[0-9a-f]{64}\.(png|webp)$/;

/**
 * A colouring page as a phone photo of paper gives it: off-white paper (4 % dark, under the
 * threshold) with a black bar across the middle and a mid-grey square at the top left.
 */
async function lineArtPng(width = 1000, height = 750): Promise<Buffer> {
	const pixels = Buffer.alloc(width * height * 3, 245);
	const paint = (x0: number, y0: number, x1: number, y1: number, value: number) => {
		for (let y = y0; y < y1; y++)
			for (let x = x0; x < x1; x++)
				pixels.fill(value, (y * width + x) * 3, (y * width + x) * 3 + 3);
	};
	paint(100, Math.floor(height / 2) - 15, width - 100, Math.floor(height / 2) + 15, 0);
	paint(50, 50, 150, 150, 128);
	return sharp(pixels, { raw: { width, height, channels: 3 } })
		.png()
		.toBuffer();
}

/** RGBA of a stored PNG at (x, y). */
async function pixelAt(png: Buffer, x: number, y: number): Promise<number[]> {
	const { data, info } = await sharp(png)
		.toColourspace('srgb')
		.ensureAlpha()
		.raw()
		.toBuffer({ resolveWithObject: true });
	const i = (y * info.width + x) * 4;
	return [...data.subarray(i, i + 4)];
}

async function readObject(store: ObjectStore, key: string): Promise<Buffer> {
	const object = await store.get(key);
	if (!object) throw new Error(`missing object ${key}`);
	const chunks: Buffer[] = [];
	for await (const chunk of object.body) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}

async function listKeys(store: ObjectStore): Promise<string[]> {
	const keys: string[] = [];
	for await (const o of store.list('public/templates/')) keys.push(o.key);
	return keys.sort();
}

/** Open from Nov 1 to Dec 31 (Shanghai time), for every school and both sources. */
function input(over: Partial<ContestInput> = {}): ContestInput {
	return contestInput({
		title: { 'zh-CN': '森林涂色', en: 'Colour the forest', fr: '' },
		theme: { 'zh-CN': '保护森林', en: 'Save the forest', fr: '' },
		ageBands: '6-8\n9-11',
		allowUpload: true,
		...over
	});
}

function ok(result: Outcome): string {
	if (!result.ok) throw new Error(`expected success, got ${result.error}`);
	return result.id;
}

describe.each(testDatabases())('colouring pages on $name', ({ url }) => {
	let db: Db;
	let store: ObjectStore;
	let dir: string;
	let organizer: SessionUser;
	let teacher: SessionUser;
	let schoolId: string;
	let otherSchoolId: string;
	let child: SessionStudent;

	async function contest(
		over: Partial<ContestInput> = {},
		stage: 'draft' | 'open' | 'closed' = 'open'
	): Promise<string> {
		const result = await createContest(db, organizer, input(over), NOW - DAY);
		if (!result.ok) throw new Error(result.error);
		if (stage !== 'draft') await transitionContest(db, organizer, result.id, 'open', NOW - DAY);
		if (stage === 'closed') await transitionContest(db, organizer, result.id, 'closed', NOW - DAY);
		return result.id;
	}

	const add = (contestId: string, image: Uint8Array | null, label = '森林里的动物') =>
		addContestTemplate({ db, store }, organizer, contestId, { label, image }, NOW);

	async function templateRows(): Promise<number> {
		const row = await db
			.selectFrom('contest_template')
			.select((eb) => eb.fn.countAll<number | string>().as('n'))
			.executeTakeFirstOrThrow();
		return Number(row.n);
	}

	beforeAll(async () => {
		db = await freshDatabase(url);
		dir = await mkdtemp(path.join(tmpdir(), 'sprout-templates-'));
		store = createLocalStore(dir);
		organizer = await addUser(db, 'organizer');
		teacher = await addUser(db, 'teacher');
		schoolId = await addSchool(db);
		otherSchoolId = await addSchool(db, '另一所小学');
		const room = await addClassroom(db, teacher.id, schoolId, 1);
		const kid = room.students[0]!;
		child = { id: kid.id, classroomId: room.id, pseudonym: kid.pseudonym, avatar: 'leaf-green' };
	});
	afterAll(async () => {
		await db?.destroy();
		if (dir) await rm(dir, { recursive: true, force: true });
	});

	it('turns a good PNG into black line art with alpha at twice the board, plus a thumbnail', async () => {
		const contestId = await contest();
		const id = ok(await add(contestId, await lineArtPng()));
		const [row] = await db
			.selectFrom('contest_template')
			.selectAll()
			.where('id', '=', id)
			.execute();
		expect(row).toMatchObject({
			contest_id: contestId,
			label: '森林里的动物',
			width: 3200,
			height: 2400,
			position: 0
		});
		expect(row!.image_key).toMatch(KEY);
		expect(row!.thumb_key).toBe(row!.image_key.replace(/\.png$/, '.webp'));
		expect(await listKeys(store)).toEqual([row!.image_key, row!.thumb_key].sort());

		const png = await readObject(store, row!.image_key);
		const meta = await sharp(png).metadata();
		expect(meta).toMatchObject({ format: 'png', width: 3200, height: 2400, hasAlpha: true });
		expect(meta.exif).toBeUndefined();
		expect(meta.icc).toBeUndefined();
		// The bar (scaled ×3.2, centred at y 1200) stays opaque black ink.
		expect(await pixelAt(png, 1600, 1200)).toEqual([0, 0, 0, 255]);
		// Off-white paper is under the threshold: fully transparent.
		expect(await pixelAt(png, 1600, 600)).toEqual([0, 0, 0, 0]);
		// Mid-grey stays black, half see-through (255 − 128).
		expect(await pixelAt(png, 320, 320)).toEqual([0, 0, 0, 127]);

		const thumbBytes = await readObject(store, row!.thumb_key);
		expect(await sharp(thumbBytes).metadata()).toMatchObject({
			format: 'webp',
			width: 320,
			height: 240
		});
		// The picker shows clean white paper (the off-white 245 is gone), the bar still black.
		const [paper] = await pixelAt(thumbBytes, 160, 60);
		const [ink] = await pixelAt(thumbBytes, 160, 120);
		expect(paper).toBeGreaterThanOrEqual(252);
		expect(ink).toBeLessThanOrEqual(10);
		expect((await store.head(row!.image_key))?.contentType).toBe('image/png');
	});

	it('fits a page whole into the board with white margins, for a portrait A4 board', async () => {
		const contestId = await contest({ boardSize: 'a4-portrait' });
		// Landscape page on a portrait board: margins above and below.
		const id = ok(await add(contestId, await lineArtPng(1000, 750), 'Bees'));
		const [view] = (await listTemplatesForAdmin(db, organizer, contestId))!;
		expect(view).toMatchObject({ id, width: 2400, height: 3394 });
		const png = await readObject(store, view!.url.replace(/^\/objects\//, ''));
		expect(await pixelAt(png, 1200, 1697)).toEqual([0, 0, 0, 255]);
		expect(await pixelAt(png, 1200, 40)).toEqual([0, 0, 0, 0]);
	});

	it('refuses SVG, HTML, empty and truncated files with the entry messages, storing nothing', async () => {
		const contestId = await contest();
		const before = { keys: await listKeys(store), rows: await templateRows() };
		const png = await lineArtPng();
		const cases: [string, Uint8Array, string][] = [
			[
				'svg with script renamed .png',
				Buffer.from(
					'<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600"><script>alert(1)</script><path d="M0 0L800 600" stroke="#000"/></svg>'
				),
				'entries.error.image.format'
			],
			[
				'html',
				Buffer.from('<!doctype html><html><body><h1>hi</h1></body></html>'),
				'entries.error.image.format'
			],
			['0 bytes', new Uint8Array(0), 'entries.error.image.corrupt'],
			['truncated png', png.subarray(0, png.length - 2000), 'entries.error.image.corrupt']
		];
		for (const [what, bytes, error] of cases) {
			expect(await add(contestId, bytes), what).toEqual({ ok: false, error });
		}
		expect(await add(contestId, null)).toEqual({
			ok: false,
			error: 'contests.templates.error.noFile'
		});
		for (const label of ['  ', 'x'.repeat(41)]) {
			expect(await add(contestId, png, label)).toEqual({
				ok: false,
				error: 'contests.templates.error.label',
				params: { max: 40 }
			});
		}
		expect(await listKeys(store)).toEqual(before.keys);
		expect(await templateRows()).toBe(before.rows);
	});

	it('changes pages only while the contest is a draft or open', async () => {
		const draft = await contest({}, 'draft');
		const id = ok(await add(draft, await lineArtPng(), 'Draft page'));
		const closed = await contest({}, 'closed');
		const before = { keys: await listKeys(store), rows: await templateRows() };
		const locked = { ok: false, error: 'contests.templates.error.locked' };
		expect(await add(closed, await lineArtPng(900, 600))).toEqual(locked);
		// Past its closing time an open contest reads as closed.
		const lapsed = await contest({ closesAt: '2026-11-21T19:00' });
		expect(await add(lapsed, await lineArtPng(900, 600))).toEqual(locked);
		expect(await listKeys(store)).toEqual(before.keys);
		expect(await templateRows()).toBe(before.rows);

		await transitionContest(db, organizer, draft, 'open', NOW);
		await transitionContest(db, organizer, draft, 'closed', NOW);
		expect(await removeContestTemplate({ db, store }, organizer, draft, id, NOW)).toEqual(locked);
		expect(await moveContestTemplate(db, organizer, draft, id, 'down', NOW)).toEqual(locked);
		expect(await templateRows()).toBe(before.rows);
		expect(
			await addContestTemplate({ db, store }, teacher, draft, { label: 'x', image: null }, NOW)
		).toEqual({ ok: false, error: 'auth.error.forbidden' });
	});

	it('reorders; a removed page keeps its line art for drawings made on it', async () => {
		const a = await contest();
		const b = await contest();
		const page = await lineArtPng(1200, 900);
		const first = ok(await add(a, page, 'One'));
		const second = ok(await add(a, await lineArtPng(800, 600), 'Two'));
		const shared = ok(await add(b, page, 'Same page'));
		expect(ok(await moveContestTemplate(db, organizer, a, second, 'up', NOW))).toBe(second);
		expect((await listTemplatesForAdmin(db, organizer, a))!.map((t) => t.label)).toEqual([
			'Two',
			'One'
		]);

		const [view] = (await listTemplatesForAdmin(db, organizer, b))!;
		const imageKey = view!.url.replace(/^\/objects\//, '');
		expect(ok(await removeContestTemplate({ db, store }, organizer, a, first, NOW))).toBe(first);
		// Contest b still shows the same page: its objects stay.
		expect(await store.head(imageKey)).toBeDefined();
		expect(await removeContestTemplate({ db, store }, organizer, a, shared, NOW)).toEqual({
			ok: false,
			error: 'contests.templates.error.notFound'
		});
		ok(await removeContestTemplate({ db, store }, organizer, b, shared, NOW));
		// Children's drawings name the line art: it stays. The picker's thumbnail goes.
		expect(await store.head(imageKey)).toBeDefined();
		expect(await store.head(imageKey.replace(/\.png$/, '.webp'))).toBeUndefined();
	});

	it('gives the studio the open contests the child may enter, with board and same-origin pages', async () => {
		const mine = await contest({ boardSize: 'square', schoolIds: [schoolId] });
		const page = ok(await add(mine, await lineArtPng(), '小鸟'));
		const everyone = await contest({ boardSize: 'a4-landscape' });
		const other = await contest({ schoolIds: [otherSchoolId] });
		const otherPage = ok(await add(other, await lineArtPng(), 'Not yours'));
		const draft = await contest({}, 'draft');
		const draftPage = ok(await add(draft, await lineArtPng(), 'Not yet'));
		const noStudio = await contest({ allowStudio: false });

		const seen = await studioContestsFor(db, child, 'en', NOW);
		const ids = seen.map((c) => c.id);
		expect(ids).toContain(mine);
		expect(ids).toContain(everyone);
		for (const hidden of [other, draft, noStudio]) expect(ids).not.toContain(hidden);

		const square = seen.find((c) => c.id === mine)!;
		expect(square).toMatchObject({
			title: 'Colour the forest',
			theme: 'Save the forest',
			board: { width: 1400, height: 1400 },
			entriesLeft: 1
		});
		expect(square.templates).toHaveLength(1);
		const template = square.templates[0]!;
		expect(template).toMatchObject({ id: page, label: '小鸟', width: 2800, height: 2800 });
		expect(template.url).toMatch(/^\/objects\/public\/templates\/[0-9a-f]{64}\.png$/);
		expect(template.thumbUrl).toBe(template.url.replace(/\.png$/, '.webp'));
		expect(seen.find((c) => c.id === everyone)).toMatchObject({
			board: { width: 1697, height: 1200 },
			templates: []
		});

		// A new drawing started from a contest: only that contest's pages, only if open to the child.
		const squareBoard = { width: 1400, height: 1400 };
		expect(await startPaperFor(db, child, mine, page, NOW)).toEqual({
			board: squareBoard,
			template: template.url
		});
		expect(await startPaperFor(db, child, other, otherPage, NOW)).toBeNull();
		expect(await startPaperFor(db, child, draft, draftPage, NOW)).toBeNull();
		expect(await startPaperFor(db, child, everyone, page, NOW)).toEqual({
			board: { width: 1697, height: 1200 },
			template: null
		});
		expect(await startPaperFor(db, child, mine, 'no-such-page', NOW)).toEqual({
			board: squareBoard,
			template: null
		});
		// After the closing time the contest and its pages are gone from the studio.
		const later = Date.UTC(2027, 0, 1);
		expect((await studioContestsFor(db, child, 'en', later)).map((c) => c.id)).not.toContain(mine);
		expect(await startPaperFor(db, child, mine, page, later)).toBeNull();
	});
});
