/**
 * Print-resolution artwork: a drawing re-painted from its stroke document at A3 300 dpi on
 * @napi-rs/canvas, with the studio's own paint code (`renderPicture`, the same function the
 * browser's export worker runs), so screen and print can never disagree. Never an upscaled PNG.
 */
import { createCanvas, loadImage, Path2D, type Canvas, type Image } from '@napi-rs/canvas';
import { TEMPLATE_PATH } from '../../draw/document.ts';
import { parseDocument } from '../../draw/parse-document.ts';
import {
	alphaOf,
	renderPicture,
	type PictureContext,
	type PictureOverlay,
	type PictureSurface
} from '../../draw/picture.ts';

/** A3 at 300 dpi, long and short side in pixels (297 × 420 mm). */
export const A3_300DPI = { long: 4961, short: 3508 } as const;

/**
 * Device pixels per board pixel so the picture fills A3 (landscape for a wide board, portrait
 * for a tall one) without distortion: a 1600 × 1200 board prints at 4677 × 3508.
 */
export function printScale(width: number, height: number): number {
	const [pageW, pageH] =
		width >= height ? [A3_300DPI.long, A3_300DPI.short] : [A3_300DPI.short, A3_300DPI.long];
	return Math.min(pageW / width, pageH / height);
}

export function printSize(width: number, height: number): { width: number; height: number } {
	const scale = printScale(width, height);
	return { width: Math.round(width * scale), height: Math.round(height * scale) };
}

/** Why a print render failed: the parser's reasons, `page` (colouring page gone), `render`. */
export type PrintRenderFailure = 'corrupt' | 'future-version' | 'too-large' | 'page' | 'render';

export class PrintRenderError extends Error {
	readonly reason: PrintRenderFailure;

	constructor(reason: PrintRenderFailure, options?: ErrorOptions) {
		super(`print render failed: ${reason}`, options);
		this.name = 'PrintRenderError';
		this.reason = reason;
	}
}

export interface PrintRenderDeps {
	/** The colouring page's bytes by its storage key (`public/templates/…`), or undefined if gone. */
	loadTemplate(key: string): Promise<Buffer | undefined>;
	/** Stops between slices of ops (job timeout, shutdown). */
	signal?: AbortSignal;
	/** Device pixels per board pixel; the A3 scale unless a test asks for another. */
	scale?: number;
}

export interface PrintRender {
	png: Buffer;
	width: number;
	height: number;
}

const surface: PictureSurface<Canvas> = {
	create: (width, height) => {
		const canvas = createCanvas(width, height);
		return { canvas, ctx: canvas.getContext('2d') as unknown as PictureContext<Canvas> };
	},
	// Skia frees a canvas's pixels when it is resized to nothing, not only at collection.
	release: (canvas) => {
		canvas.width = 0;
		canvas.height = 0;
	}
};

/** The colouring page as painting needs it, as `ColouringPage` does in the browser. */
function overlay(image: Image): PictureOverlay<Canvas> {
	return {
		walls: (width, height) => {
			const canvas = createCanvas(width, height);
			const ctx = canvas.getContext('2d');
			ctx.drawImage(image, 0, 0, width, height);
			const alpha = alphaOf(ctx.getImageData(0, 0, width, height).data);
			surface.release(canvas);
			return alpha;
		},
		drawOver: (ctx, width, height) => {
			(ctx as unknown as ReturnType<Canvas['getContext']>).drawImage(image, 0, 0, width, height);
		}
	};
}

/** `/objects/public/templates/<sha>.png` → its storage key. */
export function templateKey(path: string): string | null {
	return TEMPLATE_PATH.test(path) ? path.slice('/objects/'.length) : null;
}

/**
 * Renders the document (its JSON as stored) to a PNG at print size. Yields to the event loop
 * between slices of ops so the server keeps answering requests during a long render.
 */
export async function renderPrint(json: string, deps: PrintRenderDeps): Promise<PrintRender> {
	const parsed = parseDocument(json);
	if (!parsed.ok) throw new PrintRenderError(parsed.reason);
	const doc = parsed.doc;
	let page: PictureOverlay<Canvas> | null = null;
	if (doc.template) {
		const key = templateKey(doc.template);
		const bytes = key ? await deps.loadTemplate(key) : undefined;
		if (!bytes) throw new PrintRenderError('page');
		try {
			page = overlay(await loadImage(bytes));
		} catch (err) {
			throw new PrintRenderError('page', { cause: err });
		}
	}
	const scale = deps.scale ?? printScale(doc.width, doc.height);
	const paths = new Map<string, Path2D>();
	let canvas: Canvas;
	try {
		canvas = await renderPicture(doc, surface, {
			scale,
			createPath: (d) => {
				let path = paths.get(d);
				if (!path) paths.set(d, (path = new Path2D(d)));
				return path as unknown as globalThis.Path2D;
			},
			page,
			onProgress: () =>
				new Promise<void>((resolve, reject) =>
					setImmediate(() =>
						deps.signal?.aborted ? reject(deps.signal.reason as Error) : resolve()
					)
				)
		});
	} catch (err) {
		if (deps.signal?.aborted) throw err;
		throw new PrintRenderError('render', { cause: err });
	}
	try {
		const png = await canvas.encode('png');
		return { png, width: canvas.width, height: canvas.height };
	} finally {
		surface.release(canvas);
	}
}
