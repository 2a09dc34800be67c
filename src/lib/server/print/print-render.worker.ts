/**
 * Runs `renderPrint` on a worker thread: painting 5,000 strokes at A3 keeps a core busy for
 * seconds, and Skia's calls cannot be sliced finely enough to keep the server's event loop
 * answering requests meanwhile. The colouring page is asked of the main thread (storage).
 * Protocol: `print-render-thread.ts`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PrintRenderError, renderPrint } from './print-render.ts';

const port = parentPort;
if (!port) throw new Error('print-render.worker.ts must run on a worker thread');

const { json, scale } = workerData as { json: string; scale?: number };

function askTemplate(key: string): Promise<Buffer | undefined> {
	return new Promise((resolve) => {
		port!.once('message', (message: { template?: Uint8Array | null }) =>
			resolve(message.template ? Buffer.from(message.template) : undefined)
		);
		port!.postMessage({ type: 'template', key });
	});
}

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
