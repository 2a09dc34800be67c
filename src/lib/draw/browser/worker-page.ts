/// <reference lib="webworker" />
import { alphaOf, type PictureContext, type PictureOverlay } from '../picture.ts';

/**
 * A colouring page loaded inside a worker (export and raster workers), drawn and read as
 * `ColouringPage` does on the page: its lines over the ink, its alpha as the bucket's walls.
 */
export async function loadPageInWorker<C>(path: string): Promise<PictureOverlay<C>> {
	const res = await fetch(path);
	if (!res.ok) throw new Error(`colouring page ${res.status}`);
	const image = await createImageBitmap(await res.blob());
	return {
		walls: (width, height) => {
			const canvas = new OffscreenCanvas(width, height);
			const ctx = canvas.getContext('2d', { willReadFrequently: true });
			if (!ctx) throw new Error('2D canvas is not available in the worker');
			ctx.drawImage(image, 0, 0, width, height);
			const alpha = alphaOf(ctx.getImageData(0, 0, width, height).data);
			canvas.width = 0;
			return alpha;
		},
		drawOver: (ctx: PictureContext<C>, width, height) => {
			(ctx as unknown as OffscreenCanvasRenderingContext2D).drawImage(image, 0, 0, width, height);
		}
	};
}

const paths = new Map<string, Path2D>();

/** `new Path2D(d)` made once per path data for the worker's life (stamps repeat theirs). */
export function cachedPath(d: string): Path2D {
	let path = paths.get(d);
	if (!path) paths.set(d, (path = new Path2D(d)));
	return path;
}
