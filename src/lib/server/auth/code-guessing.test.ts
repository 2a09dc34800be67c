import { describe, expect, it } from 'vitest';
import { SLOW_ANSWER_MS, Tarpit, unknownCodePenalty } from './code-guessing.ts';
import { LIMITS } from './rate-limit.ts';

describe('unknownCodePenalty', () => {
	it('costs a browser nothing within its budget, on a quiet address', () => {
		expect(unknownCodePenalty({ device: 1, ip: 1 })).toEqual({ overBudget: false, pauseMs: 0 });
		expect(unknownCodePenalty({ device: LIMITS.codeDevice, ip: LIMITS.codeIp })).toEqual({
			overBudget: false,
			pauseMs: 0
		});
	});

	it('tells a browser over its own budget so, and slows it', () => {
		expect(unknownCodePenalty({ device: LIMITS.codeDevice + 1, ip: 2 })).toEqual({
			overBudget: true,
			pauseMs: SLOW_ANSWER_MS
		});
	});

	it('slows every browser of a busy address without blaming the ones that typed once', () => {
		expect(unknownCodePenalty({ device: 1, ip: LIMITS.codeIp + 1 })).toEqual({
			overBudget: false,
			pauseMs: SLOW_ANSWER_MS
		});
		expect(unknownCodePenalty({ device: null, ip: LIMITS.codeIp + 1 })).toEqual({
			overBudget: true,
			pauseMs: SLOW_ANSWER_MS
		});
	});
});

describe('Tarpit', () => {
	it('makes parallel waiters of one line wait one after the other, other lines not at all', async () => {
		const tarpit = new Tarpit();
		const started = performance.now();
		const done: Record<string, number> = {};
		await Promise.all([
			...[1, 2, 3].map((n) =>
				tarpit.wait('10.0.0.1', 40).then(() => (done[`a${n}`] = performance.now() - started))
			),
			tarpit.wait('10.0.0.2', 40).then(() => (done.b = performance.now() - started))
		]);
		expect(done.a3).toBeGreaterThanOrEqual(115);
		expect(done.b).toBeLessThan(done.a3!);
		expect(tarpit.waitingLines).toBe(0);
	});
});
