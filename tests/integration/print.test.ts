// The printed exhibition on both databases: label numbers and content, QR codes only for works
// public now, the print pack, and bad input (nothing to print, damaged drawing, colouring page
// gone) failing the job alone with nothing half-written. One real A3 render checks the size.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeDocument } from '../../src/lib/draw/document.ts';
import { everyToolDocument } from '../../src/lib/draw/testing/every-tool.ts';
import type { Db } from '../../src/lib/server/db/database.ts';
import { DomainError } from '../../src/lib/server/errors.ts';
import { setHidden } from '../../src/lib/server/exhibition/exhibition.repository.ts';
import { publicArtworkUrl } from '../../src/lib/exhibition/paths.ts';
import { newId } from '../../src/lib/server/ids.ts';
import { claimNext, fail } from '../../src/lib/server/jobs/queue.ts';
import { readPdfText } from '../../src/lib/server/pdf/index.ts';
import { qrModules } from '../../src/lib/server/print/labels-pdf.ts';
import { findArtifact } from '../../src/lib/server/print/print-artifact.repository.ts';
import {
	PRINT_LABELS_JOB,
	PRINT_PACK_JOB,
	printLabelsJobHandler,
	printLabelsJobHooks,
	printPackJobHandler,
	printPackJobHooks,
	renderKey,
	type PrintJobDeps
} from '../../src/lib/server/print/print-jobs.ts';
import { PrintRenderError } from '../../src/lib/server/print/print-render.ts';
import { renderPrintInThread } from '../../src/lib/server/print/print-render-thread.ts';
import { exhibitionUrls, requestPrint } from '../../src/lib/server/print/print.service.ts';
import { createLocalStore } from '../../src/lib/server/storage/local-store.ts';
import type { ObjectStore } from '../../src/lib/server/storage/object-store.ts';
import { freshDatabase, testDatabases } from './helpers/databases.ts';
import { addExhibition, type ExhibitionWorld } from './helpers/exhibition-fixtures.ts';
import { qrMatricesOf } from './helpers/pdf-squares.ts';

const NOW = Date.UTC(2026, 11, 3, 8);
const ORIGIN = 'https://sprout.example';
const TEMPLATE_KEY = `public/templates/${'cd'.repeat(32)}.png`;

/** Black line art on transparent paper, as contest colouring pages are stored. */
function colouringPage(): Promise<Buffer> {
	return sharp({
		create: { width: 400, height: 300, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } }
	})
		.composite([
			{
				input: { create: { width: 400, height: 6, channels: 4, background: '#000000' } },
				top: 150,
				left: 0
			}
		])
		.png()
		.toBuffer();
}

/** File names in a zip's central directory (signature PK\x01\x02, name length at +28). */
function zipNames(zip: Buffer): string[] {
	const names: string[] = [];
	for (let i = zip.indexOf('PK\u0001\u0002', 0, 'latin1'); i !== -1;) {
		const length = zip.readUInt16LE(i + 28);
		const extra = zip.readUInt16LE(i + 30);
		const comment = zip.readUInt16LE(i + 32);
		names.push(zip.toString('utf8', i + 46, i + 46 + length));
		const next = i + 46 + length + extra + comment;
		i = zip.readUInt32LE(next) === 0x02014b50 ? next : -1;
	}
	return names;
}

let dir: string;
beforeAll(async () => {
	dir = await mkdtemp(path.join(tmpdir(), 'sprout-print-'));
});
afterAll(async () => {
	await rm(dir, { recursive: true, force: true });
});

describe('print render', () => {
	it('paints a drawing at A3 300 dpi from its strokes, in either orientation', async () => {
		const page = await colouringPage();
		const landscape = await renderPrintInThread(
			serializeDocument(everyToolDocument(`/objects/${TEMPLATE_KEY}`)),
			{ loadTemplate: async (key) => (key === TEMPLATE_KEY ? page : undefined) }
		);
		expect([landscape.width, landscape.height]).toEqual([4677, 3508]);
		const meta = await sharp(landscape.png).metadata();
		expect([meta.format, meta.width, meta.height]).toEqual(['png', 4677, 3508]);
		const portrait = await renderPrintInThread(
			JSON.stringify({ version: 2, width: 1200, height: 1697, background: '#ffffff', ops: [] }),
			{ loadTemplate: async () => undefined }
		);
		expect([portrait.width, portrait.height]).toEqual([3508, 4961]);
	}, 120_000);

	it('refuses a damaged document and a colouring page that is gone, with their reason', async () => {
		const reason = (p: Promise<unknown>) =>
			p.then(
				() => 'rendered',
				(err: unknown) => (err instanceof PrintRenderError ? err.reason : String(err))
			);
		await expect(
			reason(renderPrintInThread('{"version":2,"ops":[', { loadTemplate: async () => undefined }))
		).resolves.toBe('corrupt');
		const doc = serializeDocument(everyToolDocument(`/objects/${TEMPLATE_KEY}`));
		await expect(
			reason(renderPrintInThread(doc, { loadTemplate: async () => undefined, scale: 0.1 }))
		).resolves.toBe('page');
	});
});

describe.each(testDatabases())('print labels and pack on $name', ({ url }) => {
	let db: Db;
	let store: ObjectStore;
	let world: ExhibitionWorld;
	let deps: PrintJobDeps;
	const organizer = () => world.organizer;

	/** Runs the queued job of `kind` as the worker would, failing it as the queue would. */
	async function runJob(kind: typeof PRINT_LABELS_JOB | typeof PRINT_PACK_JOB) {
		const job = (await claimNext(db, [kind], 60_000))!;
		expect(job).toBeDefined();
		const handler =
			kind === PRINT_LABELS_JOB ? printLabelsJobHandler(deps) : printPackJobHandler(deps);
		const hooks = kind === PRINT_LABELS_JOB ? printLabelsJobHooks : printPackJobHooks;
		try {
			return await handler(job.payload, { job, signal: new AbortController().signal });
		} catch (err) {
			await fail(db, job, err, { onFinalFailure: hooks.onFinalFailure });
			throw err;
		}
	}

	async function listKeys(prefix: string): Promise<string[]> {
		const keys: string[] = [];
		for await (const o of store.list(prefix)) keys.push(o.key);
		return keys;
	}

	beforeAll(async () => {
		db = await freshDatabase(url);
		store = createLocalStore(path.join(dir, url.startsWith('sqlite') ? 'sqlite' : 'pg'));
		world = await addExhibition(db, 4, NOW);
		deps = {
			db,
			store,
			publicUrls: exhibitionUrls,
			// Small renders: the A3 size is checked once above.
			render: (json, options) => renderPrintInThread(json, { ...options, scale: 0.1 })
		};
		const photo = await sharp({
			create: { width: 64, height: 48, channels: 3, background: '#4caf50' }
		})
			.jpeg()
			.toBuffer();
		for (const id of world.entries) {
			const key = `private/originals/${id}.jpg`;
			await store.put(key, photo, { contentType: 'image/jpeg' });
			await db.updateTable('entry').set({ original_key: key }).where('id', '=', id).execute();
		}
		await store.put(TEMPLATE_KEY, await colouringPage(), { contentType: 'image/png' });
	});

	afterAll(async () => {
		await db?.destroy();
	});

	it('refuses a contest with nothing to print, and a non-organizer', async () => {
		const empty = await addExhibition(db, 0, NOW);
		await expect(
			requestPrint(db, empty.organizer, empty.contestId, 'labels', { locale: 'en', origin: ORIGIN })
		).rejects.toMatchObject({ status: 409, code: 'print.error.noWorks' });
		await expect(
			requestPrint(db, world.teachers[0], world.contestId, 'labels', {
				locale: 'en',
				origin: ORIGIN
			})
		).rejects.toBeInstanceOf(DomainError);
		expect(await findArtifact(db, empty.contestId, 'labels')).toBeUndefined();
	});

	it('numbers and prints labels; QR codes only for works public now; withdrawn and hidden left out', async () => {
		// Scopes cycle public_school, public_pseudonym, classroom, none; bands alternate per class:
		// entries[4] is public, in the first band, sent after entries[0].
		const gold = world.entries[4]!;
		const hidden = world.entries[1]!;
		expect(world.scopes.get(gold)).toBe('public_school');
		await db
			.insertInto('award')
			.values({
				id: newId(),
				contest_id: world.contestId,
				age_band_id: world.bands[0]!,
				entry_id: gold,
				kind: 'gold',
				label: '{}',
				position: 0,
				overridden_reason: null,
				created_at: NOW,
				updated_at: NOW
			})
			.execute();
		// The public's vote is over and entries[0] won it: its label says so (after the jury's).
		const voted = world.entries[0]!;
		const { age_band_id } = await db
			.selectFrom('entry')
			.select('age_band_id')
			.where('id', '=', voted)
			.executeTakeFirstOrThrow();
		await db
			.insertInto('peoples_choice')
			.values({
				contest_id: world.contestId,
				enabled: 1,
				opens_at: Date.now() - 5 * 86_400_000,
				closes_at: null,
				closed_at: Date.now() - 1000,
				updated_by: null,
				updated_at: Date.now()
			})
			.execute();
		await db
			.insertInto('peoples_choice_vote')
			.values({
				id: newId(),
				contest_id: world.contestId,
				age_band_id: age_band_id!,
				entry_id: voted,
				voter: 'voter-print-1',
				vote_day: '2026-11-30',
				flag: null,
				created_at: Date.now() - 86_400_000
			})
			.execute();
		// Hidden from the exhibition: not hung either.
		await setHidden(db, hidden, { at: NOW, reason: 'Taken down', by: world.organizer.id });

		await requestPrint(db, organizer(), world.contestId, 'labels', {
			locale: 'zh-CN',
			origin: ORIGIN
		});
		await runJob(PRINT_LABELS_JOB);
		const row = (await findArtifact(db, world.contestId, 'labels'))!;
		expect(row.status).toBe('done');
		const printed = world.entries.filter((id) => world.scopes.has(id) && id !== hidden);
		expect(row.total).toBe(printed.length);
		const pdf = await store.get(row.object_key!);
		const bytes = new Uint8Array(
			Buffer.concat(await Array.fromAsync(pdf!.body as AsyncIterable<Buffer>))
		);
		const pages = await readPdfText(bytes);
		expect(pages).toHaveLength(Math.ceil(printed.length / 4));
		const text = pages.join('\n');
		expect(text).toContain('编号 001');
		expect(text).toContain('金奖');
		expect(text).toContain('人气奖');
		expect(text).toContain('绿色家园');
		expect(text).toContain('扫码在线观看');
		const titleOf = async (id: string) =>
			(await db.selectFrom('entry').select('title').where('id', '=', id).executeTakeFirstOrThrow())
				.title;
		// The gold work comes first in its band: label 001.
		expect(pages[0]!.indexOf(await titleOf(gold))).toBeLessThan(pages[0]!.indexOf('编号 002'));
		const withoutConsent = world.entries.find((id) => !world.scopes.has(id))!;
		for (const id of [withoutConsent, hidden]) {
			const title = await titleOf(id);
			expect(text.split('\n').some((line) => line.trim() === title)).toBe(false);
		}

		// Each label's QR is uqr's encoding of its public page; classroom-only labels have none.
		const matrices = (await qrMatricesOf(bytes)).flat();
		// Label order: band 1 (gold first, then as sent), then band 2; hidden and unconsented out.
		const order = [4, 0, 2, 6, 5].map((i) => world.entries[i]!);
		expect(order).toHaveLength(printed.length);
		const qr = (id: string) =>
			world.scopes.get(id)?.startsWith('public')
				? qrModules(publicArtworkUrl(ORIGIN, world.slug, world.handles.get(id)!))
				: null;
		expect(matrices.slice(0, order.length)).toEqual(order.map(qr));
		expect(matrices.filter((m) => m !== null)).toHaveLength(3);
	}, 60_000);

	it('makes the pack: every artwork by label number, the labels and the CSV index', async () => {
		// One studio drawing among the photos, on a colouring page.
		const drawn = world.entries.find((id) => world.scopes.get(id) === 'classroom')!;
		const studentId = world.students.get(drawn)!;
		const docKey = `private/drawings/${studentId}/d1.json`;
		await store.put(
			docKey,
			Buffer.from(serializeDocument(everyToolDocument(`/objects/${TEMPLATE_KEY}`))),
			{
				contentType: 'application/json'
			}
		);
		const drawingId = newId();
		await db
			.insertInto('drawing')
			.values({
				id: drawingId,
				student_id: studentId,
				title: 'd',
				width: 1600,
				height: 1200,
				op_count: 20,
				revision: 3,
				doc_key: docKey,
				doc_bytes: 1,
				thumb_key: null,
				created_at: NOW,
				updated_at: NOW
			})
			.execute();
		await db
			.updateTable('entry')
			.set({ source: 'studio', drawing_id: drawingId })
			.where('id', '=', drawn)
			.execute();

		await requestPrint(db, organizer(), world.contestId, 'pack', { locale: 'en', origin: ORIGIN });
		await runJob(PRINT_PACK_JOB);
		const row = (await findArtifact(db, world.contestId, 'pack'))!;
		expect(row.status).toBe('done');
		expect(await store.head(renderKey(drawn, 3))).toBeDefined();
		const zip = Buffer.concat(
			await Array.fromAsync((await store.get(row.object_key!))!.body as AsyncIterable<Buffer>)
		);
		expect(Number(row.bytes)).toBe(zip.length);
		const names = zipNames(zip);
		expect(names).toContain('labels.pdf');
		expect(names).toContain('index.csv');
		const artworks = names.filter((n) => n.startsWith('artworks/')).sort();
		expect(artworks).toHaveLength(row.total - 1);
		expect(artworks[0]).toMatch(/^artworks\/001\.(jpg|png)$/);
		expect(artworks.filter((n) => n.endsWith('.png'))).toHaveLength(1);
		const csv = zip.toString('utf8');
		expect(csv).toContain('Number,Title,Pseudonym,Age band,Award,File name');
		expect(csv).toMatch(/001,[^\r\n]*,Gold,artworks\/001\.jpg/);
	}, 60_000);

	it('fails the pack alone on a damaged drawing or a colouring page that is gone, writing nothing', async () => {
		const drawn = await db
			.selectFrom('entry')
			.select(['id', 'drawing_id'])
			.where('contest_id', '=', world.contestId)
			.where('source', '=', 'studio')
			.executeTakeFirstOrThrow();
		const drawing = await db
			.selectFrom('drawing')
			.selectAll()
			.where('id', '=', drawn.drawing_id!)
			.executeTakeFirstOrThrow();
		const before = await listKeys(`private/print/${world.contestId}/`);
		const good = (await findArtifact(db, world.contestId, 'pack'))!.object_key;

		for (const [damage, key] of [
			['{"version":2,"width":1600,"height":1200,"ops":[{"type":"stroke"', 'print.error.damaged'],
			[
				serializeDocument(everyToolDocument(`/objects/public/templates/${'ef'.repeat(32)}.png`)),
				'print.error.template'
			]
		] as const) {
			await store.put(drawing.doc_key, Buffer.from(damage), { contentType: 'application/json' });
			await db
				.updateTable('drawing')
				.set({ revision: (drawing.revision += 1) })
				.where('id', '=', drawing.id)
				.execute();
			await requestPrint(db, organizer(), world.contestId, 'pack', {
				locale: 'fr',
				origin: ORIGIN
			});
			await expect(runJob(PRINT_PACK_JOB)).rejects.toThrow(key);
			const row = (await findArtifact(db, world.contestId, 'pack'))!;
			expect(row.status).toBe('failed');
			expect(JSON.parse(row.error!)).toMatchObject({
				key,
				params: { number: expect.stringMatching(/^\d{3}$/) }
			});
			// The earlier pack stays downloadable; the failed job wrote nothing.
			expect(row.object_key).toBe(good);
			expect(
				(await listKeys(`private/print/${world.contestId}/`)).filter((k) => !before.includes(k))
			).toEqual([]);
		}
		expect(before).toContain(good);
		expect(await store.head(good!)).toBeDefined();
	}, 60_000);
});
