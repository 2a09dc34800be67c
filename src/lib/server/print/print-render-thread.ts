/**
 * The server's way to render print artwork: `renderPrint` on a worker thread of its own, so
 * requests keep being answered while it paints (see `print-render.worker.ts`). One render at a
 * time per job; the thread ends with its render, which also hands Skia's memory back at once.
 */
import { Worker } from 'node:worker_threads';
import { PrintRenderError, type PrintRender, type PrintRenderFailure } from './print-render.ts';

export interface ThreadRenderOptions {
	loadTemplate(key: string): Promise<Buffer | undefined>;
	signal?: AbortSignal;
	scale?: number;
	/** A render running longer is stopped (a huge drawing must not hold the queue for ever). */
	timeoutMs?: number;
}

type Reply =
	| { type: 'template'; key: string }
	| { type: 'done'; png: Uint8Array; width: number; height: number }
	| { type: 'error'; reason: PrintRenderFailure; message: string };

export const PRINT_RENDER_TIMEOUT_MS = 5 * 60_000;

export function renderPrintInThread(
	json: string,
	options: ThreadRenderOptions
): Promise<PrintRender> {
	return new Promise((resolve, reject) => {
		const worker = new Worker(new URL('./print-render.worker.ts', import.meta.url), {
			workerData: { json, scale: options.scale },
			// Skia's pixels live outside the V8 heap; this bounds the thread's own objects.
			resourceLimits: { maxOldGenerationSizeMb: 512 }
		});
		let settled = false;
		const finish = (fn: () => void) => {
			if (settled) return;
			settled = true;
			clearTimeout(timer);
			options.signal?.removeEventListener('abort', onAbort);
			void worker.terminate();
			fn();
		};
		const onAbort = () => finish(() => reject(options.signal?.reason ?? new Error('aborted')));
		const timer = setTimeout(
			() => finish(() => reject(new PrintRenderError('too-large'))),
			options.timeoutMs ?? PRINT_RENDER_TIMEOUT_MS
		);
		options.signal?.addEventListener('abort', onAbort, { once: true });
		worker.on('message', (reply: Reply) => {
			if (reply.type === 'template') {
				options.loadTemplate(reply.key).then(
					(bytes) => worker.postMessage({ template: bytes ?? null }),
					() => worker.postMessage({ template: null })
				);
			} else if (reply.type === 'done') {
				const png = Buffer.from(reply.png.buffer, reply.png.byteOffset, reply.png.byteLength);
				finish(() => resolve({ png, width: reply.width, height: reply.height }));
			} else {
				finish(() => reject(new PrintRenderError(reply.reason, { cause: reply.message })));
			}
		});
		// Out of memory or a crash in the thread: this render fails, the server goes on.
		worker.on('error', (err) =>
			finish(() => reject(new PrintRenderError('render', { cause: err })))
		);
		worker.on('exit', (code) =>
			finish(() => reject(new PrintRenderError('render', { cause: `thread exited ${code}` })))
		);
	});
}
