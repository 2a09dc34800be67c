import { describe, expect, it } from 'vitest';
import { backoffMs, describeError, JobTimeoutError } from './queue.ts';

describe('backoffMs', () => {
	it('doubles from the base delay on each retry', () => {
		expect([1, 2, 3, 4].map((n) => backoffMs(n, { baseMs: 100 }))).toEqual([100, 200, 400, 800]);
	});

	it('never waits longer than the cap', () => {
		expect(backoffMs(40, { baseMs: 1000, maxMs: 60_000 })).toBe(60_000);
		expect(backoffMs(1)).toBe(5000);
	});

	it('treats attempt 0 or less like the first retry', () => {
		expect(backoffMs(0, { baseMs: 100 })).toBe(100);
	});
});

describe('describeError', () => {
	it('names the error class and keeps rows small', () => {
		expect(describeError(new JobTimeoutError(50))).toBe(
			'JobTimeoutError: job timed out after 50 ms'
		);
		expect(describeError('plain')).toBe('plain');
		expect(describeError(new Error('x'.repeat(5000)))).toHaveLength(2000);
	});
});
