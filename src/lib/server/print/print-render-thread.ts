/**
 * The server's way to render print artwork: `renderPrint` on a worker thread of its own, so
 * requests keep being answered while it paints (5,000 strokes at A3 keep a core busy for
 * seconds, and Skia's calls cannot be sliced finely enough to keep the event loop free). The
 * thread ends with its render, which also hands Skia's memory back at once.
 *
 * The thread runs this very module: it imports `import.meta.url` — the source file in
 * development and tests, the bundled chunk holding it in the built server, where no separate
 * worker file exists — and the block at the bottom starts the render when it finds its marker
 * in `workerData`. The colouring page is asked of the main thread, which has the storage.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import {
	PrintRenderError,
	renderPrint,
	type PrintRender,
	type PrintRenderFailure
} from './print-render.ts';

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

const MARK = 'sproutPrintRender';
export const PRINT_RENDER_TIMEOUT_MS = 5 * 60_000;

export function renderPrintInThread(
	json: string,
	options: ThreadRenderOptions
): Promise<PrintRender> {
	return new Promise((resolve, reject) => {
		const worker = new Worker(`import(${JSON.stringify(import.meta.url)});`, {
			eval: true,
			workerData: { [MARK]: true, json, scale: options.scale },
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
		// The thread could not start, ran out of memory or crashed: not the drawing's fault.
		worker.on('error', (err) =>
			finish(() => reject(new Error(`print render thread failed: ${err.message}`)))
		);
		worker.on('exit', (code) =>
			finish(() => reject(new Error(`print render thread exited with ${code}`)))
		);
	});
}

/** In the thread: renders `workerData.json` and posts the PNG (or the reason it failed). */
async function runInThread(): Promise<void> {
	const port = parentPort!;
	const { json, scale } = workerData as { json: string; scale?: number };
	const askTemplate = (key: string) =>
		new Promise<Buffer | undefined>((resolve) => {
			port.once('message', (message: { template?: Uint8Array | null }) =>
				resolve(message.template ? Buffer.from(message.template) : undefined)
			);
			port.postMessage({ type: 'template', key });
		});
	try {
		const out = await renderPrint(json, {
			loadTemplate: askTemplate,
			...(scale === undefined ? {} : { scale })
		});
		// Skia's buffer lives outside V8 and cannot be transferred: one copy of the PNG.
		port.postMessage({ type: 'done', png: out.png, width: out.width, height: out.height });
	} catch (err) {
		port.postMessage({
			type: 'error',
			reason: err instanceof PrintRenderError ? err.reason : 'render',
			message: err instanceof Error ? err.message : String(err)
		});
	}
}

if (!isMainThread && (workerData as Record<string, unknown> | null)?.[MARK] === true) {
	void runInThread();
}
