/// <reference lib="webworker" />
/**
 * Paints a finished picture (download or submission) off the page's main thread, on
 * OffscreenCanvas, with the studio's own paint code. Repainting 5,000 strokes took the page's
 * main thread ten seconds on a slow PC; here the page stays free and only shows progress.
 * With a band (see `export-bands.ts`), two of these workers share one picture over a
 * MessageChannel the page gives them. Protocol and the job itself: `export-job.ts`; the page's
 * side: `picture-export.ts`.
 */
import { RequestAssembler, runExport, type ExportDeps, type ExportReply } from '../export-job.ts';
import type { PictureContext } from '../picture.ts';
import { cachedPath, loadPageInWorker } from './worker-page.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;

/** A canvas painted here, or another band's ink handed over as a bitmap. */
type Image = OffscreenCanvas | ImageBitmap;

function context(canvas: OffscreenCanvas): PictureContext<Image> {
	const ctx = canvas.getContext('2d');
	if (!ctx) throw new Error('2D canvas is not available in the worker');
	return ctx as unknown as PictureContext<Image>;
}

const deps: ExportDeps<Image> = {
	surface: {
		create: (width, height) => {
			const canvas = new OffscreenCanvas(width, height);
			return { canvas, ctx: context(canvas) };
		},
		release: (image) => {
			if (image instanceof ImageBitmap) return image.close();
			image.width = 0;
			image.height = 0;
		}
	},
	createPath: cachedPath,
	loadPage: (path) => loadPageInWorker<Image>(path),
	encode: (image) => {
		if (image instanceof ImageBitmap) throw new Error('only a canvas is encoded');
		return image.convertToBlob({ type: 'image/png' });
	}
};

interface BandMessage {
	top: number;
	bitmap: ImageBitmap;
}

/** Bands travel between the workers as bitmaps, moved (not copied) through `port`. */
function bandsOver(port: MessagePort): NonNullable<ExportDeps<Image>['bands']> {
	const flush = (image: Image) =>
		image instanceof ImageBitmap ? image : image.transferToImageBitmap();
	return {
		flush,
		send: (image, top) => {
			const bitmap = flush(image);
			port.postMessage({ top, bitmap } satisfies BandMessage, [bitmap]);
		},
		receive: (count) =>
			new Promise((resolve) => {
				const got: { canvas: Image; top: number }[] = [];
				port.onmessage = (event: MessageEvent<BandMessage>) => {
					got.push({ canvas: event.data.bitmap, top: event.data.top });
					if (got.length === count) resolve(got);
				};
			})
	};
}

const requests = new RequestAssembler();

scope.onmessage = (event: MessageEvent<unknown>) => {
	const request = requests.take(event.data);
	if (!request) return;
	const port = event.ports[0];
	const post = (reply: ExportReply) => scope.postMessage(reply);
	void runExport(request, port ? { ...deps, bands: bandsOver(port) } : deps, post);
};
