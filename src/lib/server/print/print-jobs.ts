/**
 * Queue jobs of the printed exhibition: `print.labels` (the labels PDF) and `print.pack` (a zip
 * of every work at print size named by label number, the labels and a CSV index), each
 * reporting progress on its `print_artifact` row. A file is written under a key of its own job
 * and the row points at it only once complete, so a failed or superseded job leaves nothing
 * half-written behind and never replaces a good file.
 */
import { PassThrough, type Readable } from 'node:stream';
import { ZipFile } from 'yazl';
import { translate, type Locale, type MessageKey } from '$lib/i18n/index.ts';
import type { Db } from '../db/database.ts';
import type { PrintArtifactKind } from '../db/schema.ts';
import { DomainError } from '../errors.ts';
import {
	PermanentJobError,
	type JobContext,
	type JobHandler,
	type JobHooks
} from '../jobs/queue.ts';
import type { ObjectStore } from '../storage/object-store.ts';
import { makeLabelsPdf } from './labels-pdf.ts';
import { PrintRenderError } from './print-render.ts';
import { renderPrintInThread } from './print-render-thread.ts';
import { findArtifact, updateArtifact } from './print-artifact.repository.ts';
import { loadPrintList, type PrintItem, type PrintList, type PublicUrlOf } from './print-items.ts';
import { csvIndex } from './csv-index.ts';

export const PRINT_LABELS_JOB = 'print.labels';
export const PRINT_PACK_JOB = 'print.pack';

export interface PrintJobPayload {
	contestId: string;
	locale: Locale;
	/** The site's public origin, for the QR codes' links. */
	origin: string;
}

export interface PrintJobDeps {
	db: Db;
	store: ObjectStore;
	/** Public artwork links by the exhibition's rule, for the QR codes. */
	publicUrls(db: Db, contestId: string, origin: string): PublicUrlOf;
	/** Renders off the event loop by default; tests may pass the in-thread renderer. */
	render?: typeof renderPrintInThread;
}

/** A failure the organizer reads on the page: a catalog key and its parameters, as JSON. */
export class PrintJobError extends PermanentJobError {
	constructor(key: MessageKey, params: Record<string, string> = {}) {
		super(JSON.stringify({ key, params }));
		this.name = 'PrintJobError';
	}
}

/** Where a finished file lives: private, under the contest, named by the job that made it. */
export function artifactKey(contestId: string, kind: PrintArtifactKind, jobId: string): string {
	return `private/print/${contestId}/${kind}-${jobId}.${kind === 'labels' ? 'pdf' : 'zip'}`;
}

/** The cached print render of a drawing at one revision. */
export function renderKey(entryId: string, revision: number): string {
	return `private/print/renders/${entryId}/${revision}.png`;
}

const RENDER_FAILURES: Record<string, MessageKey> = {
	corrupt: 'print.error.damaged',
	'future-version': 'print.error.damaged',
	'too-large': 'print.error.tooLarge',
	page: 'print.error.template',
	render: 'print.error.damaged'
};

async function readAll(body: Readable): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of body) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}

function parsePayload(payload: unknown): PrintJobPayload {
	const p = (payload ?? {}) as Partial<PrintJobPayload>;
	if (
		typeof p.contestId !== 'string' ||
		typeof p.origin !== 'string' ||
		typeof p.locale !== 'string'
	)
		throw new PermanentJobError('bad print job payload');
	return p as PrintJobPayload;
}

/** The artwork file of one item: the cached (or new) print render, or the photo's original. */
async function artworkOf(
	deps: PrintJobDeps,
	item: PrintItem,
	signal: AbortSignal
): Promise<{ key: string; ext: string }> {
	const { store } = deps;
	if (item.source === 'upload' || !item.docKey || item.drawingRevision === null) {
		const head = item.originalKey ? await store.head(item.originalKey) : undefined;
		if (!head || !item.originalKey)
			throw new PrintJobError('print.error.missing', { number: item.number });
		const ext = head.contentType.includes('png')
			? 'png'
			: head.contentType.includes('webp')
				? 'webp'
				: 'jpg';
		return { key: item.originalKey, ext };
	}
	const key = renderKey(item.entryId, item.drawingRevision);
	if (await store.head(key)) return { key, ext: 'png' };
	const doc = await store.get(item.docKey);
	if (!doc) throw new PrintJobError('print.error.missing', { number: item.number });
	const json = (await readAll(doc.body)).toString('utf8');
	const render = deps.render ?? renderPrintInThread;
	try {
		const out = await render(json, {
			signal,
			loadTemplate: async (templateKey) => {
				const found = await store.get(templateKey);
				return found ? readAll(found.body) : undefined;
			}
		});
		await store.put(key, out.png, { contentType: 'image/png', contentLength: out.png.length });
	} catch (err) {
		if (err instanceof PrintRenderError)
			throw new PrintJobError(RENDER_FAILURES[err.reason] ?? 'print.error.damaged', {
				number: item.number
			});
		throw err;
	}
	return { key, ext: 'png' };
}

async function listFor(deps: PrintJobDeps, p: PrintJobPayload): Promise<PrintList> {
	try {
		const list = await loadPrintList(deps.db, p.contestId, {
			locale: p.locale,
			publicUrlOf: deps.publicUrls(deps.db, p.contestId, p.origin)
		});
		if (list.items.length === 0) throw new PrintJobError('print.error.noWorks');
		return list;
	} catch (err) {
		if (err instanceof DomainError) throw new PrintJobError(err.code);
		throw err;
	}
}

function labelsPdf(list: PrintList, locale: Locale, onProgress?: (done: number) => void) {
	return makeLabelsPdf(list.items, list.words, {
		language: locale,
		...(onProgress ? { onProgress } : {})
	});
}

async function runLabels(
	deps: PrintJobDeps,
	p: PrintJobPayload,
	ctx: JobContext
): Promise<unknown> {
	const { db, store } = deps;
	const jobId = ctx.job.id;
	const list = await listFor(deps, p);
	const total = list.items.length;
	if (
		!(await updateArtifact(
			db,
			p.contestId,
			'labels',
			jobId,
			{ status: 'running', done: 0, total },
			Date.now()
		))
	)
		return { superseded: true };
	const pdf = await labelsPdf(list, p.locale);
	const key = artifactKey(p.contestId, 'labels', jobId);
	await store.put(key, Buffer.from(pdf), {
		contentType: 'application/pdf',
		contentLength: pdf.length
	});
	await finish(deps, p.contestId, 'labels', jobId, key, pdf.length, total);
	return { key, labels: total };
}

/** Points the artifact at its finished file and removes the file it replaces. */
async function finish(
	deps: PrintJobDeps,
	contestId: string,
	kind: PrintArtifactKind,
	jobId: string,
	key: string,
	bytes: number,
	total: number
): Promise<void> {
	const { db, store } = deps;
	const before = await findArtifact(db, contestId, kind);
	const done = await updateArtifact(
		db,
		contestId,
		kind,
		jobId,
		{ status: 'done', done: total, total, object_key: key, bytes, error: null },
		Date.now()
	);
	if (!done) {
		// A newer request took over meanwhile: this file is nobody's.
		await store.delete(key).catch(() => {});
		return;
	}
	if (before?.object_key && before.object_key !== key)
		await store.delete(before.object_key).catch(() => {});
}

async function runPack(deps: PrintJobDeps, p: PrintJobPayload, ctx: JobContext): Promise<unknown> {
	const { db, store } = deps;
	const jobId = ctx.job.id;
	const list = await listFor(deps, p);
	// Every artwork, then the labels and the index: the progress the page shows.
	const total = list.items.length + 1;
	const progress = (done: number) =>
		updateArtifact(db, p.contestId, 'pack', jobId, { status: 'running', done, total }, Date.now());
	if (!(await progress(0))) return { superseded: true };
	// Renders first (cached in storage): a damaged drawing fails the job before any zip exists.
	const files: { key: string; name: string }[] = [];
	for (const [i, item] of list.items.entries()) {
		if (ctx.signal.aborted) throw ctx.signal.reason;
		const art = await artworkOf(deps, item, ctx.signal);
		files.push({ key: art.key, name: `artworks/${item.number}.${art.ext}` });
		if (!(await progress(i + 1))) return { superseded: true };
	}
	const pdf = await labelsPdf(list, p.locale);
	const csv = csvIndex(
		list.items,
		files.map((f) => f.name),
		(key) => translate(p.locale, key)
	);
	const key = artifactKey(p.contestId, 'pack', jobId);
	const zip = new ZipFile();
	const out = new PassThrough();
	zip.outputStream.pipe(out);
	for (const file of files) {
		// Opened one at a time as the zip reaches them; PNG and JPEG do not deflate further.
		zip.addReadStreamLazy(file.name, { compress: false }, (cb) => {
			store.get(file.key).then(
				(found) =>
					found ? cb(null, found.body) : cb(new Error(`missing ${file.key}`), null as never),
				(err: unknown) => cb(err as Error, null as never)
			);
		});
	}
	// Small, or compressed already (PDF streams): stored as they are.
	zip.addBuffer(Buffer.from(pdf), 'labels.pdf', { compress: false });
	zip.addBuffer(Buffer.from(csv, 'utf8'), 'index.csv', { compress: false });
	zip.end();
	zip.outputStream.on('error', (err) => out.destroy(err));
	let size: number;
	try {
		size = (await store.put(key, out, { contentType: 'application/zip' })).size;
	} catch (err) {
		// The store writes to a temporary name (or a multipart upload) first; make sure.
		await store.delete(key).catch(() => {});
		throw err;
	}
	await finish(deps, p.contestId, 'pack', jobId, key, size, total);
	return { key, artworks: files.length };
}

function handler(kind: PrintArtifactKind, deps: PrintJobDeps): JobHandler {
	return async (payload, ctx) => {
		const p = parsePayload(payload);
		return kind === 'labels' ? runLabels(deps, p, ctx) : runPack(deps, p, ctx);
	};
}

export function printLabelsJobHandler(deps: PrintJobDeps): JobHandler {
	return handler('labels', deps);
}

export function printPackJobHandler(deps: PrintJobDeps): JobHandler {
	return handler('pack', deps);
}

/** However the job fails for good, its row says so (with the reason when it is one of ours). */
function hooks(kind: PrintArtifactKind): JobHooks {
	return {
		onFinalFailure: async (payload, { job, error, db }) => {
			const { contestId } = (payload ?? {}) as { contestId?: unknown };
			if (typeof contestId !== 'string') return;
			let reason = JSON.stringify({ key: 'print.error.failed', params: {} });
			const json = error.replace(/^PrintJobError: /, '');
			if (json !== error) reason = json;
			await updateArtifact(
				db as unknown as Db,
				contestId,
				kind,
				job.id,
				{ status: 'failed', error: reason },
				Date.now()
			);
		}
	};
}

export const printLabelsJobHooks = hooks('labels');
export const printPackJobHooks = hooks('pack');
