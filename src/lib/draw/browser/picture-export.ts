import { loadColouringPage, type ColouringPage } from './colouring-page.ts';
import { serializeHead, serializeOps, type DrawDocument } from '../document.ts';
import { hasFills, jsonHasFills } from '../export-bands.ts';
import { isExportReply, type ExportPart, type ExportRequest } from '../export-job.ts';
import type { PaintEnv } from '../paint.ts';
import { parseDocument } from '../parse-document.ts';
import { renderPicture, type PictureContext, type PictureOverlay } from '../picture.ts';

/**
 * The page's side of exporting a picture (editor download, contest submission). Where the
 * browser can, the export worker (`export.worker.ts`) paints it on OffscreenCanvas and the page
 * only relays progress; elsewhere, or if the worker cannot start, the same paint code runs on
 * the main thread in slices. Browser only.
 */

export interface PictureExportOptions {
	/** Device pixels per art-board pixel. */
	scale: number;
	/** 0–1, a few dozen times per export. */
	onProgress?(fraction: number): void;
	/** Main-thread fallback only: the page already loaded, and cached stroke outlines. */
	page?: ColouringPage | null;
	strokePaths?: PaintEnv['strokePaths'];
}

/** The export failed for a reason the worker reported (bad document, colouring page missing). */
export class PictureExportError extends Error {
	readonly reason: string;

	constructor(reason: string) {
		super(`picture export failed: ${reason}`);
		this.reason = reason;
	}
}

/** The worker could not run at all: the main thread takes over. */
class WorkerUnavailable extends Error {}

export function canExportInWorker(): boolean {
	return (
		typeof Worker !== 'undefined' &&
		typeof OffscreenCanvas !== 'undefined' &&
		typeof createImageBitmap !== 'undefined' &&
		'convertToBlob' in OffscreenCanvas.prototype
	);
}

let nextId = 1;

/** The last export's timings (see `ExportTimings`), for the benchmark and the curious. */
export const EXPORT_MARK = 'sprout:picture-export';

/** A PNG of the picture `source` (a document, or its JSON as stored) describes. */
export async function exportPicture(
	source: DrawDocument | string,
	options: PictureExportOptions
): Promise<Blob> {
	if (canExportInWorker()) {
		try {
			return await inWorkers(source, options, bandsFor(source));
		} catch (error) {
			// A document with fills sent in bands by mistake: paint it whole.
			if (error instanceof PictureExportError && error.reason === 'bands') {
				return inWorkers(source, options, 1).catch((e: unknown) => fallBack(e, source, options));
			}
			return fallBack(error, source, options);
		}
	}
	return onMainThread(source, options);
}

function fallBack(error: unknown, source: DrawDocument | string, options: PictureExportOptions) {
	if (!(error instanceof WorkerUnavailable)) throw error;
	return onMainThread(source, options);
}

/**
 * Two workers where the computer has two cores and the drawing no fills: painting is most of
 * an export (see `export-bands.ts`), and the page's own thread is idle meanwhile.
 */
function bandsFor(source: DrawDocument | string): number {
	const cores = typeof navigator === 'undefined' ? 1 : (navigator.hardwareConcurrency ?? 1);
	if (cores < 2) return 1;
	const fills = typeof source === 'string' ? jsonHasFills(source) : hasFills(source);
	return fills ? 1 : 2;
}

/** Ops serialized and sent per task: a few ms of the main thread each, even on an old PC. */
const OPS_PER_PART = 400;

function inWorkers(
	source: DrawDocument | string,
	options: PictureExportOptions,
	count: number
): Promise<Blob> {
	return new Promise((resolve, reject) => {
		const workers: Worker[] = [];
		try {
			for (let i = 0; i < count; i++) {
				workers.push(
					new Worker(new URL('./export.worker.ts', import.meta.url), { type: 'module' })
				);
			}
		} catch {
			for (const worker of workers) worker.terminate();
			return reject(new WorkerUnavailable());
		}
		const id = nextId++;
		const started = performance.now();
		let isSettled = false;
		const finish = (settle: () => void) => {
			isSettled = true;
			for (const worker of workers) worker.terminate();
			settle();
		};
		// Each worker counts its own ops: the page adds them up.
		const done = workers.map(() => 0);
		const totals = workers.map(() => 0);
		workers.forEach((worker, index) => {
			worker.onmessage = (event: MessageEvent<unknown>) => {
				const reply = event.data;
				if (isSettled || !isExportReply(reply) || reply.id !== id) return;
				if (reply.type === 'progress') {
					done[index] = reply.done;
					totals[index] = reply.total;
					const sum = (list: number[]) => list.reduce((a, b) => a + b, 0);
					options.onProgress?.(sum(done) / Math.max(1, sum(totals)));
				} else if (reply.type === 'done') {
					// Only band 0's worker says done: it put the picture together.
					performance.mark(EXPORT_MARK, {
						detail: { bands: count, ms: performance.now() - started, ...reply.timings }
					});
					finish(() => resolve(reply.blob));
				} else {
					finish(() => reject(new PictureExportError(reply.reason)));
				}
			};
			// A script that cannot load or a crash in a worker: the main thread paints instead.
			worker.onerror = (event) => {
				event.preventDefault();
				if (!isSettled) finish(() => reject(new WorkerUnavailable()));
			};
		});
		const channel = count > 1 ? new MessageChannel() : null;
		const post = (message: ExportPart) => {
			for (const worker of workers) worker.postMessage(message);
		};
		const render = (json: string) =>
			workers.forEach((worker, index) => {
				const request: ExportRequest = { type: 'render', id, json, scale: options.scale };
				if (!channel) return worker.postMessage(request);
				const port = index === 0 ? channel.port1 : channel.port2;
				worker.postMessage({ ...request, band: { index, count } }, [port]);
			});
		if (typeof source === 'string') return render(source);
		// A document goes over in slices, one task each (see `ExportPart`).
		void (async () => {
			post({ type: 'part', id, text: serializeHead(source) });
			for (let i = 0; i < source.ops.length && !isSettled; i += OPS_PER_PART) {
				await new Promise((r) => setTimeout(r, 0));
				const ops = serializeOps(source.ops.slice(i, i + OPS_PER_PART));
				post({ type: 'part', id, text: i === 0 ? ops : `,${ops}` });
			}
			render(']}');
		})();
	});
}

function pageCanvas(width: number, height: number) {
	const canvas = document.createElement('canvas');
	canvas.width = width;
	canvas.height = height;
	const ctx = canvas.getContext('2d');
	if (!ctx) throw new Error('2D canvas is not available');
	return { canvas, ctx: ctx as unknown as PictureContext<HTMLCanvasElement> };
}

async function onMainThread(
	source: DrawDocument | string,
	options: PictureExportOptions
): Promise<Blob> {
	let doc: DrawDocument;
	if (typeof source === 'string') {
		const parsed = parseDocument(source);
		if (!parsed.ok) throw new PictureExportError(parsed.reason);
		doc = parsed.doc;
	} else {
		doc = source;
	}
	let loaded = options.page ?? null;
	if (!loaded && doc.template) {
		loaded = await loadColouringPage(doc.template).catch(() => {
			throw new PictureExportError('page');
		});
	}
	const page: PictureOverlay<HTMLCanvasElement> | null = loaded && {
		walls: (w, h) => loaded.walls(w, h),
		drawOver: (ctx, w, h) => loaded.drawOver(ctx as unknown as CanvasRenderingContext2D, w, h)
	};
	const paths = new Map<string, Path2D>();
	const canvas = await renderPicture(
		doc,
		{
			create: pageCanvas,
			release: (c) => {
				c.width = 0;
				c.height = 0;
			}
		},
		{
			scale: options.scale,
			createPath: (d) => {
				let path = paths.get(d);
				if (!path) paths.set(d, (path = new Path2D(d)));
				return path;
			},
			...(options.strokePaths ? { strokePaths: options.strokePaths } : {}),
			page,
			// Yields between slices so a long export never freezes the tab.
			onProgress: async (done, total) => {
				options.onProgress?.(done / Math.max(1, total));
				await new Promise((r) => setTimeout(r, 0));
			}
		}
	);
	return new Promise((resolve, reject) => {
		canvas.toBlob((blob) => {
			canvas.width = 0;
			if (blob) resolve(blob);
			else reject(new Error('PNG encoding failed'));
		}, 'image/png');
	});
}
