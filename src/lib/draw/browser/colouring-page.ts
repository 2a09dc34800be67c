import { TEMPLATE_PATH } from '../document.ts';
import { alphaOf } from '../picture.ts';

/** Walls larger than this are computed when asked but not kept (an export's 2× board). */
const CACHE_MAX_PIXELS = 4_000_000;

/**
 * A contest's colouring page, loaded: drawn over the picture on screen, in exports and
 * thumbnails, and its lines stop the paint bucket. Browser only (it needs a canvas).
 */
export class ColouringPage {
	readonly image: HTMLImageElement;
	#walls = new Map<string, Uint8Array>();

	constructor(image: HTMLImageElement) {
		this.image = image;
	}

	/** The page's alpha stretched to `width` × `height`, one byte per pixel. */
	walls(width: number, height: number): Uint8Array {
		const key = `${width}x${height}`;
		const cached = this.#walls.get(key);
		if (cached) return cached;
		const canvas = document.createElement('canvas');
		canvas.width = width;
		canvas.height = height;
		const ctx = canvas.getContext('2d', { willReadFrequently: true });
		if (!ctx) throw new Error('2D canvas is not available');
		ctx.drawImage(this.image, 0, 0, width, height);
		const alpha = alphaOf(ctx.getImageData(0, 0, width, height).data);
		canvas.width = 0;
		if (width * height <= CACHE_MAX_PIXELS) this.#walls.set(key, alpha);
		return alpha;
	}

	/** Draws the page over whatever `ctx` holds, stretched to `width` × `height`. */
	drawOver(ctx: CanvasRenderingContext2D, width: number, height: number): void {
		ctx.drawImage(this.image, 0, 0, width, height);
	}
}

/**
 * Loads the page at `src` (only our own `/objects/public/templates/…` paths, which the
 * document parser already insists on). Rejects when it cannot be fetched or decoded.
 */
export async function loadColouringPage(src: string): Promise<ColouringPage> {
	if (!TEMPLATE_PATH.test(src)) throw new Error('not a colouring page address');
	const image = new Image();
	image.decoding = 'async';
	image.src = src;
	await image.decode();
	return new ColouringPage(image);
}
