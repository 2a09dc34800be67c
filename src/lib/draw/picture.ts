import type { DrawDocument, Op } from './document.ts';
import { paintOp, type PaintContext, type PaintEnv } from './paint.ts';

/**
 * The finished picture (paper, every op, the colouring page on top) painted from a document,
 * for downloads and submissions. Canvas-agnostic: the export worker paints on OffscreenCanvas,
 * the main-thread fallback on page canvases, tests on fakes, all with the studio's own paint
 * code, so the exported picture never disagrees with the screen.
 */

/** The slice of a 2D context that composing the picture needs, on top of painting. */
export interface PictureContext<C> extends PaintContext {
	fillRect(x: number, y: number, w: number, h: number): void;
	drawImage(image: C, dx: number, dy: number): void;
}

/** Makes and frees the canvases of one render (page canvases or OffscreenCanvas). */
export interface PictureSurface<C> {
	create(width: number, height: number): { canvas: C; ctx: PictureContext<C> };
	/** Frees a canvas's pixels at once rather than at garbage collection. */
	release(canvas: C): void;
}

/** A loaded colouring page, as painting needs it (see `ColouringPage`). */
export interface PictureOverlay<C> {
	/** The page's alpha at `width` × `height`, one byte per pixel: its lines stop the bucket. */
	walls(width: number, height: number): Uint8Array;
	drawOver(ctx: PictureContext<C>, width: number, height: number): void;
}

export interface RenderPictureOptions<C> {
	/** Device pixels per art-board pixel. */
	scale: number;
	createPath: PaintEnv['createPath'];
	strokePaths?: PaintEnv['strokePaths'];
	page?: PictureOverlay<C> | null;
	/**
	 * Told after every `PICTURE_PROGRESS_STEP` ops and once at the end. May return a promise
	 * to pause there (the main-thread fallback yields so the tab stays responsive).
	 */
	onProgress?(done: number, total: number): void | Promise<void>;
}

/** Ops painted between progress reports (and, on the main thread, between yields). */
export const PICTURE_PROGRESS_STEP = 250;

/** Scale of a download from the editor: twice the art board, for printing at home. */
export const DOWNLOAD_SCALE = 2;

/** Largest export scale accepted: 4× a 2400-px board is already a 9,600-px-wide PNG. */
export const MAX_PICTURE_SCALE = 4;

export async function renderPicture<C>(
	doc: DrawDocument,
	surface: PictureSurface<C>,
	options: RenderPictureOptions<C>
): Promise<C> {
	const { scale, page } = options;
	const width = Math.round(doc.width * scale);
	const height = Math.round(doc.height * scale);
	// Ink on its own canvas first: the eraser cuts through ink, never through the paper.
	const ink = surface.create(width, height);
	ink.ctx.scale(scale, scale);
	const env: PaintEnv = {
		width: doc.width,
		height: doc.height,
		pixelRatio: scale,
		createPath: options.createPath,
		...(options.strokePaths ? { strokePaths: options.strokePaths } : {}),
		walls: (w, h) => page?.walls(w, h) ?? null
	};
	const total = doc.ops.length;
	for (let i = 0; i < total; i++) {
		paintOp(ink.ctx, doc.ops[i] as Op, env);
		if ((i + 1) % PICTURE_PROGRESS_STEP === 0 && i + 1 < total) {
			await options.onProgress?.(i + 1, total);
		}
	}
	const out = surface.create(width, height);
	out.ctx.fillStyle = doc.background;
	out.ctx.fillRect(0, 0, width, height);
	out.ctx.drawImage(ink.canvas, 0, 0);
	surface.release(ink.canvas);
	page?.drawOver(out.ctx, width, height);
	await options.onProgress?.(total, total);
	return out.canvas;
}

/** The alpha bytes of RGBA pixels: a colouring page's walls. */
export function alphaOf(rgba: Uint8ClampedArray): Uint8Array {
	const alpha = new Uint8Array(rgba.length >> 2);
	for (let p = 0; p < alpha.length; p++) alpha[p] = rgba[p * 4 + 3] as number;
	return alpha;
}
