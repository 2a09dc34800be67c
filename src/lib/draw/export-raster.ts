import { TEMPLATE_PATH, type Op } from './document.ts';
import type { ExportReply } from './export-job.ts';
import { paintOp, type PaintEnv } from './paint.ts';
import {
	PICTURE_PROGRESS_STEP,
	type PictureContext,
	type PictureOverlay,
	type PictureSurface
} from './picture.ts';

/**
 * The picture's ink kept painted at export size while the child draws, in a worker
 * (`browser/raster.worker.ts`), so a download no longer repaints thousands of strokes at the
 * moment it is asked for: it copies this raster, paints the few newest ops, and encodes.
 * Kept free of worker globals so it runs (and is tested) in Node.
 *
 * The page mirrors its document here op by op (`RasterSync`): ops are never edited in place,
 * so a change is "keep the first `keep` ops, then append these". The newest `LOOSE_OPS` ops
 * stay unpainted (loose): undoing one of them, by far the commonest undo, costs nothing here.
 * Undoing further back invalidates the raster, which is then repainted in the background.
 *
 * The document stays the truth: an export names the version, op count and last op id it
 * expects, and anything else is refused as `stale`, so the page paints the picture afresh
 * from its document instead (`picture-export.ts`). A stale raster is never encoded.
 */

/** The newest ops left loose, painted at each export rather than into the raster. */
export const LOOSE_OPS = 16;

/** What the raster is painted for: board size, export scale, and the picture around the ink. */
export interface RasterHead {
	width: number;
	height: number;
	/** Device pixels per art-board pixel of the export (2 for a download). */
	scale: number;
	/** Painted under the ink when the picture is put together, never into the raster. */
	background: string;
	template: string | null;
}

/** Page → worker: the document changed (see above). Versions only grow. */
export interface RasterSync {
	type: 'sync';
	version: number;
	head: RasterHead;
	keep: number;
	append: Op[];
}

/** Page → worker: a PNG of the picture, if the raster holds exactly what the page expects. */
export interface RasterExport {
	type: 'export';
	id: number;
	version: number;
	ops: number;
	lastOpId: string | null;
}

export type RasterMessage = RasterSync | RasterExport;

export function isRasterMessage(value: unknown): value is RasterMessage {
	if (typeof value !== 'object' || value === null) return false;
	const m = value as Record<string, unknown>;
	if (!Number.isSafeInteger(m.version)) return false;
	if (m.type === 'sync') {
		const head = m.head as Record<string, unknown> | null;
		return (
			Number.isSafeInteger(m.keep) &&
			(m.keep as number) >= 0 &&
			Array.isArray(m.append) &&
			typeof head === 'object' &&
			head !== null &&
			Number.isSafeInteger(head.width) &&
			Number.isSafeInteger(head.height) &&
			typeof head.scale === 'number' &&
			head.scale > 0 &&
			typeof head.background === 'string' &&
			(head.template === null || typeof head.template === 'string')
		);
	}
	return (
		m.type === 'export' &&
		Number.isSafeInteger(m.id) &&
		Number.isSafeInteger(m.ops) &&
		(m.lastOpId === null || typeof m.lastOpId === 'string')
	);
}

/** What the raster needs from its surroundings: a worker's OffscreenCanvas, or Node's canvas. */
export interface RasterDeps<C> {
	surface: PictureSurface<C>;
	createPath: PaintEnv['createPath'];
	/** Loads a colouring page by its (already checked) same-origin path; rejects if it cannot. */
	loadPage(path: string): Promise<PictureOverlay<C>>;
	encode(canvas: C): Promise<Blob>;
	/** Lets other messages in between slices of a long export (a macrotask in the worker). */
	yieldNow(): Promise<void>;
	/**
	 * Makes the canvas really paint what was drawn on it so far. Browsers record canvas drawing
	 * and paint it when the pixels are needed: without this, the raster's painting would all
	 * happen at the export, which is what the raster is there to avoid.
	 */
	flush(canvas: C): void;
}

type Surface<C> = { canvas: C; ctx: PictureContext<C> };

export class ExportRaster<C> {
	#deps: RasterDeps<C>;
	#head: RasterHead | null = null;
	#version = -1;
	#ops: Op[] = [];
	/** Ops `[0, flat)` are painted on `#ink`. */
	#flat = 0;
	#ink: Surface<C> | null = null;
	#page: { path: string; overlay: Promise<PictureOverlay<C>> } | null = null;

	constructor(deps: RasterDeps<C>) {
		this.#deps = deps;
	}

	/** Ops painted into the raster so far (for tests and the worker's timings). */
	get flat(): number {
		return this.#flat;
	}

	/** Ops the background should paint into the raster now (all but the loose ones). */
	get behind(): number {
		return Math.max(0, this.#ops.length - LOOSE_OPS - this.#flat);
	}

	sync(message: RasterSync): void {
		const was = this.#head;
		const head = message.head;
		const isOtherPaper =
			!was ||
			was.width !== head.width ||
			was.height !== head.height ||
			was.scale !== head.scale ||
			// The page's lines stop the paint bucket: fills painted without them are wrong.
			was.template !== head.template;
		if (isOtherPaper) this.#forget();
		if (was?.template !== head.template) this.#page = null;
		this.#head = head;
		this.#version = message.version;
		const keep = Math.min(message.keep, this.#ops.length);
		// An op the raster holds is gone (undo past the loose ops, clear): repaint from blank.
		if (keep < this.#flat) this.#forget();
		this.#ops.length = keep;
		for (const op of message.append) this.#ops.push(op);
	}

	/**
	 * Paints ops into the raster for about `budgetMs` (at least one op), the background's
	 * share of work between messages. Resolves false when nothing is left to do.
	 */
	async paintFor(budgetMs: number): Promise<boolean> {
		if (this.behind === 0) return false;
		const version = this.#version;
		const page = await this.#loadPage();
		// The document moved on while the page loaded: the next call sees the new state.
		if (version !== this.#version || page === 'failed') return page !== 'failed';
		const until = performance.now() + budgetMs;
		do this.#paintNext(page);
		while (this.behind > 0 && performance.now() < until);
		if (this.#ink) this.#deps.flush(this.#ink.canvas);
		return this.behind > 0;
	}

	/** Answers one export request through `post` (progress, then done or error); never throws. */
	async export(request: RasterExport, post: (reply: ExportReply) => void): Promise<void> {
		const { id } = request;
		const started = performance.now();
		const stale = () => post({ type: 'error', id, reason: 'stale' });
		if (!this.#matches(request)) return stale();
		const page = await this.#loadPage();
		if (page === 'failed') return post({ type: 'error', id, reason: 'page' });
		if (!this.#matches(request)) return stale();
		try {
			const total = this.#ops.length;
			// Catching up (a drawing just opened): paint the rest, letting messages in between.
			while (this.behind > 0) {
				for (let n = 0; n < PICTURE_PROGRESS_STEP && this.behind > 0; n++) this.#paintNext(page);
				post({ type: 'progress', id, done: this.#flat, total });
				await this.#deps.yieldNow();
				if (!this.#matches(request)) return stale();
			}
			const paint = Math.round(performance.now() - started);
			const canvas = this.#compose(page);
			post({ type: 'progress', id, done: total, total });
			const encodeStarted = performance.now();
			const blob = await this.#deps.encode(canvas);
			this.#deps.surface.release(canvas);
			const encode = Math.round(performance.now() - encodeStarted);
			post({ type: 'done', id, blob, timings: { parse: 0, paint, gather: 0, encode } });
		} catch {
			post({ type: 'error', id, reason: 'render' });
		}
	}

	#matches(request: RasterExport): boolean {
		return (
			this.#head !== null &&
			request.version === this.#version &&
			request.ops === this.#ops.length &&
			request.lastOpId === (this.#ops.at(-1)?.id ?? null)
		);
	}

	#forget(): void {
		if (this.#ink) this.#deps.surface.release(this.#ink.canvas);
		this.#ink = null;
		this.#flat = 0;
	}

	#loadPage(): Promise<PictureOverlay<C> | null | 'failed'> {
		const path = this.#head?.template ?? null;
		if (!path) return Promise.resolve(null);
		if (this.#page?.path !== path) {
			const overlay = TEMPLATE_PATH.test(path)
				? this.#deps.loadPage(path)
				: Promise.reject(new Error('not a colouring page address'));
			this.#page = { path, overlay };
		}
		return this.#page.overlay.catch(() => 'failed' as const);
	}

	#env(page: PictureOverlay<C> | null): PaintEnv {
		const head = this.#head as RasterHead;
		return {
			width: head.width,
			height: head.height,
			pixelRatio: head.scale,
			createPath: this.#deps.createPath,
			walls: (w, h) => page?.walls(w, h) ?? null
		};
	}

	/** A transparent canvas at export size whose transform maps art-board pixels. */
	#blank(): Surface<C> {
		const { width, height, scale } = this.#head as RasterHead;
		const surface = this.#deps.surface.create(
			Math.round(width * scale),
			Math.round(height * scale)
		);
		surface.ctx.scale(scale, scale);
		return surface;
	}

	#paintNext(page: PictureOverlay<C> | null): void {
		this.#ink ??= this.#blank();
		paintOp(this.#ink.ctx, this.#ops[this.#flat] as Op, this.#env(page));
		this.#flat++;
	}

	/**
	 * Paper, the ink (the raster plus the loose ops, on a copy so the raster keeps its meaning),
	 * then the colouring page: as `renderPicture` does, so the pixels are the same.
	 */
	#compose(page: PictureOverlay<C> | null): C {
		const { width, height, scale, background } = this.#head as RasterHead;
		const w = Math.round(width * scale);
		const h = Math.round(height * scale);
		this.#ink ??= this.#blank();
		let ink = this.#ink.canvas;
		let copy: Surface<C> | null = null;
		if (this.#flat < this.#ops.length) {
			copy = this.#deps.surface.create(w, h);
			copy.ctx.drawImage(ink, 0, 0);
			copy.ctx.scale(scale, scale);
			const env = this.#env(page);
			for (let i = this.#flat; i < this.#ops.length; i++)
				paintOp(copy.ctx, this.#ops[i] as Op, env);
			ink = copy.canvas;
		}
		const out = this.#deps.surface.create(w, h);
		out.ctx.fillStyle = background;
		out.ctx.fillRect(0, 0, w, h);
		out.ctx.drawImage(ink, 0, 0);
		if (copy) this.#deps.surface.release(copy.canvas);
		page?.drawOver(out.ctx, w, h);
		return out.canvas;
	}
}
