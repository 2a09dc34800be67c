/// <reference lib="webworker" />
/**
 * Keeps the picture's ink painted at export size while the child draws (`export-raster.ts`),
 * on OffscreenCanvas, so a download only copies, paints the newest ops and encodes. Painting
 * into the raster runs in short slices with pauses between them: it must not take a whole
 * core from the ink and the page on a two-core PC. The page's side: `raster-mirror.ts`.
 */
import { ExportRaster, isRasterMessage, type RasterDeps } from '../export-raster.ts';
import type { ExportReply } from '../export-job.ts';
import type { PictureContext } from '../picture.ts';
import { cachedPath, loadPageInWorker } from './worker-page.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;

/** Background painting per slice, and the pause after it, in ms. */
const SLICE_MS = 12;
const PAUSE_MS = 8;

function surface(width: number, height: number) {
	const canvas = new OffscreenCanvas(width, height);
	const ctx = canvas.getContext('2d');
	if (!ctx) throw new Error('2D canvas is not available in the worker');
	return { canvas, ctx: ctx as unknown as PictureContext<OffscreenCanvas> };
}

const deps: RasterDeps<OffscreenCanvas> = {
	surface: {
		create: surface,
		release: (canvas) => {
			canvas.width = 0;
			canvas.height = 0;
		}
	},
	createPath: cachedPath,
	loadPage: (path) => loadPageInWorker<OffscreenCanvas>(path),
	encode: (canvas) => canvas.convertToBlob({ type: 'image/png' }),
	yieldNow: () => new Promise((resolve) => setTimeout(resolve, 0)),
	// Reading one pixel makes Chromium paint the recorded drawing now, in this slice.
	flush: (canvas) => void canvas.getContext('2d')?.getImageData(0, 0, 1, 1)
};

const raster = new ExportRaster(deps);
let timer: ReturnType<typeof setTimeout> | null = null;
let exporting = 0;

function schedule(delay: number): void {
	if (timer !== null || exporting > 0 || raster.behind === 0) return;
	timer = setTimeout(() => {
		timer = null;
		void raster.paintFor(SLICE_MS).then((more) => more && schedule(PAUSE_MS));
	}, delay);
}

scope.onmessage = (event: MessageEvent<unknown>) => {
	const message = event.data;
	if (!isRasterMessage(message)) return;
	if (message.type === 'sync') {
		raster.sync(message);
		return schedule(PAUSE_MS);
	}
	// An export paints what is left at full speed: the child is waiting for it.
	exporting++;
	const post = (reply: ExportReply) => scope.postMessage(reply);
	void raster.export(message, post).finally(() => {
		exporting--;
		schedule(PAUSE_MS);
	});
};
