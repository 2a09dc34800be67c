import { TEMPLATE_PATH } from './document.ts';
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
	| { type: 'done'; id: number; blob: Blob }
	| { type: 'error'; id: number; reason: ExportFailure };

/** `corrupt` etc. from the parser, `page` when the colouring page could not be loaded. */
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
		r.scale <= MAX_PICTURE_SCALE
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
	const parsed = parseDocument(request.json);
	if (!parsed.ok) return post({ type: 'error', id, reason: parsed.reason });
	const doc = parsed.doc;
	let page: PictureOverlay<C> | null = null;
	if (doc.template) {
		try {
			if (!TEMPLATE_PATH.test(doc.template)) throw new Error('not a colouring page address');
			page = await deps.loadPage(doc.template);
		} catch {
			return post({ type: 'error', id, reason: 'page' });
		}
	}
	try {
		const canvas = await renderPicture(doc, deps.surface, {
			scale: request.scale,
			createPath: deps.createPath,
			page,
			onProgress: (done, total) => post({ type: 'progress', id, done, total })
		});
		const blob = await deps.encode(canvas);
		deps.surface.release(canvas);
		post({ type: 'done', id, blob });
	} catch {
		post({ type: 'error', id, reason: 'render' });
	}
}
