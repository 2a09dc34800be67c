// Run by images.ts in a child process of its own, so `print_render_rss_mb` is the peak of a
// process that only renders (the bench's sharp work would otherwise be counted). Prints one
// JSON line: median render time over the runs, peak RSS, worst event-loop delay. It renders
// the way the server does, on a worker thread (whose memory counts in the process's RSS).
import { serializeDocument } from '../../src/lib/draw/document.ts';
import { renderPrintInThread } from '../../src/lib/server/print/print-render-thread.ts';
import { makeDocument } from './draw-documents.ts';

const runs = Number(process.argv[2] ?? 3);
const json = serializeDocument(makeDocument(5000));
const times: number[] = [];
let size = '';
let worstDelay = 0;
let last = performance.now();
const probe = setInterval(() => {
	const now = performance.now();
	worstDelay = Math.max(worstDelay, now - last - 20);
	last = now;
}, 20);
for (let i = 0; i < runs; i++) {
	const started = performance.now();
	const out = await renderPrintInThread(json, { loadTemplate: async () => undefined });
	times.push(performance.now() - started);
	size = `${out.width}x${out.height}`;
}
clearInterval(probe);
times.sort((a, b) => a - b);
console.log(
	JSON.stringify({
		ms: times[Math.floor(times.length / 2)],
		// maxRSS is in kilobytes: the true peak, not a sample.
		rssMb: process.resourceUsage().maxRSS / 1024,
		loopDelayMs: worstDelay,
		size
	})
);
