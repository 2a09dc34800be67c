import { afterEach, describe, expect, it } from 'vitest';
import { armFaults, faultPoint, faultTiming } from './faults.ts';

// Killing the process is what tests/faults/ checks, on the built server.
describe('fault injection', () => {
	afterEach(() => armFaults(null));

	it('does nothing unless armed', async () => {
		expect(faultTiming('leaseMs')).toBeUndefined();
		expect(faultTiming('receiptMs')).toBeUndefined();
		// Would never return if it killed or paused (the test would time out).
		await expect(faultPoint('submit.stored')).resolves.toBeUndefined();
	});

	it('pauses at its point only, and shortens the timings it was given', async () => {
		armFaults({ pauseAt: 'entry-job.rendered', pauseMs: 600_000, leaseMs: 3000 });
		expect(faultTiming('leaseMs')).toBe(3000);
		expect(faultTiming('receiptMs')).toBeUndefined();
		await expect(faultPoint('submit.stored')).resolves.toBeUndefined();

		armFaults({ pauseAt: 'entry-job.rendered', pauseMs: 120 });
		const started = performance.now();
		await faultPoint('entry-job.rendered');
		expect(performance.now() - started).toBeGreaterThanOrEqual(100);
	});
});
