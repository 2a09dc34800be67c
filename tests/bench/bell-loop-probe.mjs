// Preloaded into the server by tests/bench/bell.ts (`node --import`), so the app exposes
// nothing new: measures the event-loop delay. First SIGUSR2 starts a fresh window; the next
// writes its percentiles (ms) to BELL_LOOP_FILE.
import { writeFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';

const histogram = monitorEventLoopDelay({ resolution: 10 });
histogram.enable();
let measuring = false;
process.on('SIGUSR2', () => {
	if (!measuring) {
		histogram.reset();
		measuring = true;
		return;
	}
	const ms = (ns) => Math.round(ns / 1e4) / 100;
	writeFileSync(
		process.env.BELL_LOOP_FILE,
		JSON.stringify({
			p50: ms(histogram.percentile(50)),
			p99: ms(histogram.percentile(99)),
			max: ms(histogram.max)
		})
	);
	measuring = false;
});
