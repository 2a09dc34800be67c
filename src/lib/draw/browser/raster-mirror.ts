import type { DrawDocument, Op } from '../document.ts';
import { isExportReply } from '../export-job.ts';
import type { RasterHead, RasterMessage } from '../export-raster.ts';
import { canExportInWorker, EXPORT_MARK, PictureExportError } from './picture-export.ts';

/**
 * The page's side of the export raster (`export-raster.ts`, `raster.worker.ts`): tells the
 * worker every change of the document as it happens, and asks it for the picture. Browser only.
 *
 * Ops go over as they are committed, one small message each. A whole document (a drawing just
 * opened) goes in slices, one task each, so no task of the page's main thread copies
 * megabytes; everything sent later waits behind them, in order.
 */

/** Ops per message when many go at once. */
const OPS_PER_SLICE = 250;

/** The worker could not run, or stopped: the caller paints the picture another way. */
export class RasterUnavailable extends Error {}

interface Waiting {
	started: number;
	resolve(blob: Blob): void;
	reject(error: Error): void;
	onProgress?: (fraction: number) => void;
}

export class RasterMirror {
	readonly scale: number;
	#worker: Worker;
	/** The ops as the worker has (or will have, once the queue is sent) them. */
	#sent: Op[] = [];
	#head: RasterHead | null = null;
	#version = 0;
	#queue: RasterMessage[] = [];
	#isPumping = false;
	#isBroken = false;
	#nextId = 1;
	#waiting = new Map<number, Waiting>();

	static isSupported(): boolean {
		return canExportInWorker();
	}

	/** Throws if the worker cannot be created (the caller then goes without). */
	constructor(scale: number) {
		this.scale = scale;
		this.#worker = new Worker(new URL('./raster.worker.ts', import.meta.url), { type: 'module' });
		this.#worker.onmessage = (event: MessageEvent<unknown>) => this.#reply(event.data);
		this.#worker.onerror = (event) => {
			event.preventDefault();
			this.#break();
		};
	}

	/** Brings the worker's copy up to `doc`: cheap when ops were only added or undone. */
	sync(doc: DrawDocument): void {
		if (this.#isBroken) return;
		const head: RasterHead = {
			width: doc.width,
			height: doc.height,
			scale: this.scale,
			background: doc.background,
			template: doc.template ?? null
		};
		const sent = this.#sent;
		const ops = doc.ops;
		// Ops are immutable and shared between undo states: the same op is the same object.
		let keep = 0;
		const common = Math.min(sent.length, ops.length);
		while (keep < common && sent[keep] === ops[keep]) keep++;
		const was = this.#head;
		const isSameHead =
			was !== null &&
			was.width === head.width &&
			was.height === head.height &&
			was.background === head.background &&
			was.template === head.template;
		if (isSameHead && keep === sent.length && keep === ops.length) return;
		this.#head = head;
		sent.length = keep;
		let i = keep;
		do {
			const append = ops.slice(i, i + OPS_PER_SLICE);
			this.#send({ type: 'sync', version: ++this.#version, head, keep: sent.length, append });
			for (const op of append) sent.push(op);
			i += OPS_PER_SLICE;
		} while (i < ops.length);
	}

	/**
	 * A PNG of `doc` painted from the raster. Rejects with `PictureExportError('stale')` if the
	 * worker's copy is not exactly `doc` (never a wrong picture), `RasterUnavailable` if the
	 * worker is gone.
	 */
	export(doc: DrawDocument, onProgress?: (fraction: number) => void): Promise<Blob> {
		if (this.#isBroken) return Promise.reject(new RasterUnavailable());
		this.sync(doc);
		const id = this.#nextId++;
		return new Promise<Blob>((resolve, reject) => {
			this.#waiting.set(id, {
				started: performance.now(),
				resolve,
				reject,
				...(onProgress ? { onProgress } : {})
			});
			this.#send({
				type: 'export',
				id,
				version: this.#version,
				ops: doc.ops.length,
				lastOpId: doc.ops.at(-1)?.id ?? null
			});
		});
	}

	destroy(): void {
		this.#break();
	}

	/**
	 * Queues a message, posted in a later task of its own: never inside the task that commits a
	 * stroke or opens a drawing, where the page has a frame to show.
	 */
	#send(message: RasterMessage): void {
		this.#queue.push(message);
		if (this.#isPumping) return;
		this.#isPumping = true;
		setTimeout(() => this.#pump(), 0);
	}

	#pump(): void {
		const message = this.#queue.shift();
		if (!message || this.#isBroken) {
			this.#isPumping = false;
			return;
		}
		this.#worker.postMessage(message);
		setTimeout(() => this.#pump(), 0);
	}

	#reply(reply: unknown): void {
		if (!isExportReply(reply)) return;
		const waiting = this.#waiting.get(reply.id);
		if (!waiting) return;
		if (reply.type === 'progress') {
			waiting.onProgress?.(reply.done / Math.max(1, reply.total));
			return;
		}
		this.#waiting.delete(reply.id);
		if (reply.type === 'done') {
			const ms = performance.now() - waiting.started;
			performance.mark(EXPORT_MARK, { detail: { raster: 1, ms, ...reply.timings } });
			waiting.resolve(reply.blob);
		} else {
			waiting.reject(new PictureExportError(reply.reason));
		}
	}

	#break(): void {
		if (this.#isBroken) return;
		this.#isBroken = true;
		this.#worker.terminate();
		this.#queue = [];
		for (const waiting of this.#waiting.values()) waiting.reject(new RasterUnavailable());
		this.#waiting.clear();
	}
}
