import { POINT_STRIDE, type DrawDocument, type Op } from './document.ts';
import { paintOp, type PaintEnv } from './paint.ts';
import {
	PICTURE_PROGRESS_STEP,
	type PictureSurface,
	type RenderPictureOptions
} from './picture.ts';

/**
 * A picture painted as horizontal bands, one per export worker, so two cores share the work of
 * a big drawing: each band paints only the strokes that reach it, then the first band's worker
 * puts the bands together. Measured on a 5,000-stroke drawing, painting (not parsing or PNG
 * encoding) is most of an export, so it is the part worth sharing.
 *
 * Only for documents without paint-bucket fills: a fill reads the whole picture painted so far,
 * which one band does not have (`hasFills`; such drawings are painted whole).
 */

/** Most bands an export is split into: one per worker. */
export const MAX_BANDS = 4;

export interface Band {
	index: number;
	count: number;
}

/** Device-pixel rows `[top, bottom)` of band `index` of a picture `height` pixels tall. */
export function bandRows(height: number, band: Band): { top: number; bottom: number } {
	return {
		top: Math.floor((height * band.index) / band.count),
		bottom: Math.floor((height * (band.index + 1)) / band.count)
	};
}

/** True if the document has a paint-bucket fill (then it cannot be painted in bands). */
export function hasFills(doc: DrawDocument): boolean {
	return doc.ops.some((op) => op.type === 'fill');
}

/**
 * The same for a document's JSON, without parsing it. JSON escapes every quote inside a string,
 * so `"type":"fill"` can only be an op's own type: no false alarm from a child's text.
 */
export function jsonHasFills(json: string): boolean {
	return json.includes('"type":"fill"');
}

/**
 * Whether `op` can put ink between board rows `top` and `bottom`. Strokes are checked against
 * their points widened by their size (the outline's radius, crayon wobble and caps stay well
 * inside it); other ops are cheap and always painted (the canvas clips them).
 */
export function reachesRows(op: Op, top: number, bottom: number): boolean {
	if (op.type !== 'stroke') return true;
	let min = Infinity;
	let max = -Infinity;
	for (let i = 1; i < op.points.length; i += POINT_STRIDE) {
		const y = op.points[i] as number;
		if (y < min) min = y;
		if (y > max) max = y;
	}
	const margin = op.size + 2;
	return max + margin >= top && min - margin <= bottom;
}

/**
 * The ink of one band: `width × (bottom − top)` device pixels, board row `top / scale` at its
 * top. Paper and colouring page are added when the bands are put together (`composeBands`).
 */
export async function renderBand<C>(
	doc: DrawDocument,
	surface: PictureSurface<C>,
	band: Band,
	options: Pick<RenderPictureOptions<C>, 'scale' | 'createPath' | 'onProgress'>
): Promise<{ canvas: C; top: number }> {
	const { scale, onProgress, ...paint } = options;
	const width = Math.round(doc.width * scale);
	const { top, bottom } = bandRows(Math.round(doc.height * scale), band);
	const ink = surface.create(width, bottom - top);
	// Whole device pixels only, so a stroke across the seam is painted alike on both sides.
	ink.ctx.translate(0, -top);
	ink.ctx.scale(scale, scale);
	// No walls: a band never holds a fill, the only op that reads them.
	const env: PaintEnv = { width: doc.width, height: doc.height, pixelRatio: scale, ...paint };
	const total = doc.ops.length;
	for (let i = 0; i < total; i++) {
		const op = doc.ops[i] as Op;
		if (op.type === 'fill') throw new Error('a fill cannot be painted in bands');
		if (reachesRows(op, top / scale, bottom / scale)) paintOp(ink.ctx, op, env);
		if ((i + 1) % PICTURE_PROGRESS_STEP === 0 && i + 1 < total) {
			await onProgress?.(i + 1, total);
		}
	}
	return { canvas: ink.canvas, top };
}
