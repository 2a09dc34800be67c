/// <reference lib="webworker" />
/**
 * Paints a finished picture (download or submission) off the page's main thread, on
 * OffscreenCanvas, with the studio's own paint code. Repainting 5,000 strokes took the page's
 * main thread ten seconds on a slow PC; here the page stays free and only shows progress.
 * Protocol and the job itself: `export-job.ts`; the page's side: `picture-export.ts`.
 */
import { RequestAssembler, runExport, type ExportDeps, type ExportReply } from '../export-job.ts';
import { alphaOf, type PictureContext, type PictureOverlay } from '../picture.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;

function context(canvas: OffscreenCanvas): PictureContext<OffscreenCanvas> {
	const ctx = canvas.getContext('2d');
	if (!ctx) throw new Error('2D canvas is not available in the worker');
	return ctx as unknown as PictureContext<OffscreenCanvas>;
}

const paths = new Map<string, Path2D>();

const deps: ExportDeps<OffscreenCanvas> = {
	surface: {
		create: (width, height) => {
			const canvas = new OffscreenCanvas(width, height);
			return { canvas, ctx: context(canvas) };
		},
		release: (canvas) => {
			canvas.width = 0;
			canvas.height = 0;
		}
	},
	createPath: (d) => {
		let path = paths.get(d);
		if (!path) paths.set(d, (path = new Path2D(d)));
		return path;
	},
	loadPage: async (path) => {
		const res = await fetch(path);
		if (!res.ok) throw new Error(`colouring page ${res.status}`);
		const image = await createImageBitmap(await res.blob());
		return pageOverlay(image);
	},
	encode: (canvas) => canvas.convertToBlob({ type: 'image/png' })
};

/** The colouring page drawn and read as `ColouringPage` does on the page. */
function pageOverlay(image: ImageBitmap): PictureOverlay<OffscreenCanvas> {
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
		drawOver: (ctx, width, height) => {
			(ctx as unknown as OffscreenCanvasRenderingContext2D).drawImage(image, 0, 0, width, height);
		}
	};
}

const requests = new RequestAssembler();

scope.onmessage = (event: MessageEvent<unknown>) => {
	const request = requests.take(event.data);
	if (request) void runExport(request, deps, (reply: ExportReply) => scope.postMessage(reply));
};
