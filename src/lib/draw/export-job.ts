import { TEMPLATE_PATH, type DrawDocument } from './document.ts';
import { hasFills, MAX_BANDS, renderBand, type Band } from './export-bands.ts';
import { parseDocument } from './parse-document.ts';
import {
	MAX_PICTURE_SCALE,
	renderPicture,
	type PictureOverlay,
	type PictureSurface
} from './picture.ts';

/**
 * The export worker's protocol and its one job, kept free of worker globals so it runs (and is
 * tested) in Node. Page → worker: `ExportRequest`; worker → page: `ExportReply`s, some
 * `progress`, then one `done` or `error`.
 *
 * The document goes over as JSON text: copying a string is a memcpy, while cloning 5,000
 * stroke objects (or parsing them) would be a long task on the page's main thread.
 */
export interface ExportRequest {
	type: 'render';
	id: number;
	/** The document as JSON; parsed and validated in the worker. */
	json: string;
	/** Device pixels per art-board pixel (1 for a submission, 2 for a download). */
	scale: number;
	/**
	 * Paint only this band (see `export-bands.ts`): band 0's worker gathers the others' ink
	 * and encodes the picture; the others hand their ink over and are done.
	 */
	band?: Band;
}

/**
 * A slice of the next request's JSON, sent ahead of it: the page serializes a big document in
 * slices, one task each, so no single task of its main thread copies megabytes.
 */
export interface ExportPart {
	type: 'part';
	id: number;
	text: string;
}

export type ExportReply =
	| { type: 'progress'; id: number; done: number; total: number }
	| { type: 'done'; id: number; blob: Blob; timings?: ExportTimings }
	| { type: 'error'; id: number; reason: ExportFailure };

/**
 * Where an export's time went, in the worker's milliseconds: reported with the picture so the
 * benchmark (and a curious developer) can see which part to make faster.
 */
export interface ExportTimings {
	/** Reading the document, and loading its colouring page if it has one. */
	parse: number;
	/** This worker's own strokes (its band, or the whole picture). */
	paint: number;
	/** Waiting for the other bands' ink, then putting the picture together. */
	gather: number;
	encode: number;
}

/**
 * `corrupt` etc. from the parser, `page` when the colouring page could not be loaded,
 * `bands` when a document with fills was sent in bands (the page then paints it whole).
 */
export type ExportFailure = string;

export function isExportRequest(value: unknown): value is ExportRequest {
	if (typeof value !== 'object' || value === null) return false;
	const r = value as Record<string, unknown>;
	return (
		r.type === 'render' &&
		Number.isSafeInteger(r.id) &&
		typeof r.json === 'string' &&
		typeof r.scale === 'number' &&
		r.scale > 0 &&
		r.scale <= MAX_PICTURE_SCALE &&
		(r.band === undefined || isBand(r.band))
	);
}

function isBand(value: unknown): value is Band {
	if (typeof value !== 'object' || value === null) return false;
	const b = value as Record<string, unknown>;
	return (
		Number.isSafeInteger(b.count) &&
		Number.isSafeInteger(b.index) &&
		(b.count as number) >= 1 &&
		(b.count as number) <= MAX_BANDS &&
		(b.index as number) >= 0 &&
		(b.index as number) < (b.count as number)
	);
}

/** Joins the parts sent ahead of a request to its JSON; in the worker. */
export class RequestAssembler {
	#parts = new Map<number, string[]>();

	/** The complete request once `message` is one, null for a part or anything else. */
	take(message: unknown): ExportRequest | null {
		if (isExportPart(message)) {
			const parts = this.#parts.get(message.id) ?? [];
			parts.push(message.text);
			this.#parts.set(message.id, parts);
			return null;
		}
		if (!isExportRequest(message)) return null;
		const parts = this.#parts.get(message.id);
		this.#parts.delete(message.id);
		return parts ? { ...message, json: parts.join('') + message.json } : message;
	}
}

function isExportPart(value: unknown): value is ExportPart {
	if (typeof value !== 'object' || value === null) return false;
	const r = value as Record<string, unknown>;
	return r.type === 'part' && Number.isSafeInteger(r.id) && typeof r.text === 'string';
}

export function isExportReply(value: unknown): value is ExportReply {
	if (typeof value !== 'object' || value === null) return false;
	const r = value as Record<string, unknown>;
	if (!Number.isSafeInteger(r.id)) return false;
	if (r.type === 'progress') return typeof r.done === 'number' && typeof r.total === 'number';
	if (r.type === 'done') return typeof Blob !== 'undefined' && r.blob instanceof Blob;
	return r.type === 'error' && typeof r.reason === 'string';
}

/** What the job needs from its surroundings: a worker's OffscreenCanvas, or fakes in tests. */
export interface ExportDeps<C> {
	surface: PictureSurface<C>;
	createPath(d: string): Path2D;
	/** Loads a colouring page by its (already checked) same-origin path; rejects if it cannot. */
	loadPage(path: string): Promise<PictureOverlay<C>>;
	encode(canvas: C): Promise<Blob>;
	/**
	 * For a request with a band: hands this band's ink to band 0 (`send`), or, in band 0,
	 * resolves with the other bands' ink as it arrives (`receive`).
	 */
	bands?: {
		/**
		 * The band's ink as an image, painted now: browsers record canvas drawing and paint it
		 * when the pixels are needed, which must happen in each worker, not after the handover.
		 */
		flush(canvas: C): C;
		send(canvas: C, top: number): void;
		receive(count: number): Promise<{ canvas: C; top: number }[]>;
	};
}

/**
 * Renders one request and reports through `post`; never throws. A drawing on a colouring
 * page is never rendered without the page: if it cannot load, the export fails.
 */
export async function runExport<C>(
	request: ExportRequest,
	deps: ExportDeps<C>,
	post: (reply: ExportReply) => void
): Promise<void> {
	const { id } = request;
	let started = performance.now();
	const lap = () => {
		const now = performance.now();
		const ms = Math.round(now - started);
		started = now;
		return ms;
	};
	const parsed = parseDocument(request.json);
	if (!parsed.ok) return post({ type: 'error', id, reason: parsed.reason });
	const doc = parsed.doc;
	const band = request.band && request.band.count > 1 ? request.band : null;
	if (band && (hasFills(doc) || !deps.bands)) return post({ type: 'error', id, reason: 'bands' });
	let page: PictureOverlay<C> | null = null;
	// Only the band that finishes the picture lays the colouring page over it.
	if (doc.template && (!band || band.index === 0)) {
		try {
			if (!TEMPLATE_PATH.test(doc.template)) throw new Error('not a colouring page address');
			page = await deps.loadPage(doc.template);
		} catch {
			return post({ type: 'error', id, reason: 'page' });
		}
	}
	const parse = lap();
	const onProgress = (done: number, total: number) => post({ type: 'progress', id, done, total });
	try {
		if (!band) {
			const canvas = await renderPicture(doc, deps.surface, {
				scale: request.scale,
				createPath: deps.createPath,
				page,
				onProgress
			});
			const paint = lap();
			const blob = await deps.encode(canvas);
			deps.surface.release(canvas);
			return post({ type: 'done', id, blob, timings: { parse, paint, gather: 0, encode: lap() } });
		}
		const own = await renderBand(doc, deps.surface, band, {
			scale: request.scale,
			createPath: deps.createPath,
			onProgress
		});
		const bands = deps.bands as NonNullable<ExportDeps<C>['bands']>;
		const ink = { canvas: bands.flush(own.canvas), top: own.top };
		const paint = lap();
		if (band.index > 0) {
			bands.send(ink.canvas, ink.top);
			return onProgress(doc.ops.length, doc.ops.length);
		}
		const others = await bands.receive(band.count - 1);
		const canvas = compose(doc, deps, request.scale, [ink, ...others], page);
		const gather = lap();
		onProgress(doc.ops.length, doc.ops.length);
		const blob = await deps.encode(canvas);
		deps.surface.release(canvas);
		post({ type: 'done', id, blob, timings: { parse, paint, gather, encode: lap() } });
	} catch {
		post({ type: 'error', id, reason: 'render' });
	}
}

/** Paper, then every band's ink at its rows, then the colouring page: as `renderPicture`. */
function compose<C>(
	doc: DrawDocument,
	deps: ExportDeps<C>,
	scale: number,
	bands: readonly { canvas: C; top: number }[],
	page: PictureOverlay<C> | null
): C {
	const width = Math.round(doc.width * scale);
	const height = Math.round(doc.height * scale);
	const out = deps.surface.create(width, height);
	out.ctx.fillStyle = doc.background;
	out.ctx.fillRect(0, 0, width, height);
	for (const band of bands) {
		out.ctx.drawImage(band.canvas, 0, band.top);
		deps.surface.release(band.canvas);
	}
	page?.drawOver(out.ctx, width, height);
	return out.canvas;
}
