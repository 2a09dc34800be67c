import { createCanvas, Path2D, type Canvas } from '@napi-rs/canvas';
import type { PictureSurface } from '../picture.ts';

/** Real canvases in Node (@napi-rs/canvas, Skia like Chromium) for tests that compare pixels. */
export const napiSurface: PictureSurface<Canvas> = {
	create: (width, height) => {
		const canvas = createCanvas(width, height);
		return { canvas, ctx: canvas.getContext('2d') as never };
	},
	release: () => {}
};

export const napiPath = (d: string) => new Path2D(d) as unknown as globalThis.Path2D;

export const pixelsOf = (canvas: Canvas) =>
	canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
