import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ScoreQueue } from './score-queue.svelte.ts';

/** Each request the queue makes, answered when the test says so. */
interface Call {
	body: Record<string, unknown>;
	answer(status: number, body: unknown): Promise<void>;
	fail(): Promise<void>;
}

function fakeNetwork() {
	const calls: Call[] = [];
	const fetch = vi.fn((_url: string, init: RequestInit) => {
		let resolve!: (r: Response) => void;
		let reject!: (e: unknown) => void;
		const promise = new Promise<Response>((res, rej) => ((resolve = res), (reject = rej)));
		// Lets the queue run up to its next request (or its end) after an answer.
		const settle = () => new Promise<void>((r) => setTimeout(r, 0));
		calls.push({
			body: JSON.parse(String(init.body)) as Record<string, unknown>,
			answer: (status, body) => {
				resolve(new Response(JSON.stringify(body), { status }));
				return settle();
			},
			fail: () => {
				reject(new TypeError('network down'));
				return settle();
			}
		});
		return promise;
	});
	return { calls, fetch };
}

const STORAGE_KEY = 'sprout.judge.queue.r1';

describe('ScoreQueue', () => {
	let store: Map<string, string>;
	let net: ReturnType<typeof fakeNetwork>;
	beforeEach(() => {
		store = new Map();
		net = fakeNetwork();
		vi.stubGlobal('localStorage', {
			getItem: (k: string) => store.get(k) ?? null,
			setItem: (k: string, v: string) => void store.set(k, v)
		});
		vi.stubGlobal('navigator', { onLine: true });
		vi.stubGlobal('fetch', net.fetch);
	});
	afterEach(() => {
		vi.unstubAllGlobals();
	});

	const saved = () => JSON.parse(store.get(STORAGE_KEY) ?? '[]') as unknown[];

	it('sends the first key at once and the keys pressed meanwhile for that artwork together', async () => {
		const queue = new ScoreQueue('r1', {});
		queue.set('A1', 'c1', 7);
		queue.set('A1', 'c2', 5);
		queue.set('B2', 'c1', 9);
		queue.set('A1', 'c3', 3);
		expect(net.calls.map((c) => c.body)).toEqual([
			{ handle: 'A1', criterionId: 'c1', value: 7, base: 0 }
		]);
		expect(queue.pendingCount).toBe(4);
		await net.calls[0]!.answer(200, { value: 7, revision: 1, done: false });
		expect(net.calls[1]!.body).toEqual({
			handle: 'A1',
			scores: [
				{ criterionId: 'c2', value: 5, base: 0 },
				{ criterionId: 'c3', value: 3, base: 0 }
			]
		});
		const results = [
			{ criterionId: 'c2', value: 5, revision: 1, stale: false },
			{ criterionId: 'c3', value: 3, revision: 1, stale: false }
		];
		await net.calls[1]!.answer(200, { results, done: true });
		// The other artwork's score goes alone, in the single body.
		expect(net.calls[2]!.body).toEqual({ handle: 'B2', criterionId: 'c1', value: 9, base: 0 });
		await net.calls[2]!.answer(200, { value: 9, revision: 1, done: false });
		expect(queue.pendingCount).toBe(0);
		expect(saved()).toEqual([]);
		expect(queue.isComplete('A1', ['c1', 'c2', 'c3'])).toBe(true);
		// A change from the confirmed revision.
		queue.set('A1', 'c3', 4);
		expect(net.calls[3]!.body).toEqual({ handle: 'A1', criterionId: 'c3', value: 4, base: 1 });
		expect(queue.notice).toBeNull();
	});

	it('keeps a score changed while its batch travelled, rebased on the revision it got', async () => {
		const queue = new ScoreQueue('r1', {});
		queue.set('A1', 'c1', 7);
		queue.set('A1', 'c2', 5);
		queue.set('A1', 'c3', 3);
		await net.calls[0]!.answer(200, { value: 7, revision: 1, done: false });
		queue.set('A1', 'c2', 6); // pressed again while [c2, c3] travels
		await net.calls[1]!.answer(200, {
			results: [
				{ criterionId: 'c2', value: 5, revision: 1, stale: false },
				{ criterionId: 'c3', value: 3, revision: 1, stale: false }
			],
			done: true
		});
		expect(net.calls[2]!.body).toEqual({ handle: 'A1', criterionId: 'c2', value: 6, base: 1 });
		expect(queue.valueOf('A1', 'c2')).toBe(6);
	});

	it('applies the fresh criteria of a batch and shows the server’s value for a stale one', async () => {
		const queue = new ScoreQueue('r1', { A1: { c3: { value: 2, revision: 1 } } });
		queue.set('A1', 'c1', 7);
		queue.set('A1', 'c2', 5);
		queue.set('A1', 'c3', 3);
		await net.calls[0]!.answer(200, { value: 7, revision: 1, done: false });
		expect(net.calls[1]!.body.scores).toEqual([
			{ criterionId: 'c2', value: 5, base: 0 },
			{ criterionId: 'c3', value: 3, base: 1 }
		]);
		await net.calls[1]!.answer(409, {
			error: 'judging.error.stale',
			message: 'changed elsewhere',
			params: { value: 8, revision: 2 },
			results: [
				{ criterionId: 'c2', value: 5, revision: 1, stale: false },
				{ criterionId: 'c3', value: 8, revision: 2, stale: true }
			],
			done: true
		});
		expect(queue.pendingCount).toBe(0);
		expect(queue.valueOf('A1', 'c2')).toBe(5);
		expect(queue.valueOf('A1', 'c3')).toBe(8);
		expect(queue.notice).toEqual({ kind: 'conflict' });
		queue.set('A1', 'c3', 3);
		expect(net.calls[2]!.body).toEqual({ handle: 'A1', criterionId: 'c3', value: 3, base: 2 });
	});

	it('still reads a single save’s stale answer (value "" = not scored)', async () => {
		const queue = new ScoreQueue('r1', { A1: { c1: { value: 2, revision: 3 } } });
		queue.set('A1', 'c1', 7);
		await net.calls[0]!.answer(409, {
			error: 'judging.error.stale',
			message: 'changed elsewhere',
			params: { value: '', revision: 0 }
		});
		expect(queue.valueOf('A1', 'c1')).toBeNull();
		expect(queue.notice).toEqual({ kind: 'conflict' });
	});

	it('drops a batch the server refuses as a whole and says why', async () => {
		const queue = new ScoreQueue('r1', {});
		queue.set('A1', 'c1', 7);
		queue.set('A1', 'c2', 5);
		queue.set('A1', 'c3', 3);
		await net.calls[0]!.answer(200, { value: 7, revision: 1, done: false });
		await net.calls[1]!.answer(409, {
			error: 'judging.error.closed',
			message: 'closed',
			params: {}
		});
		expect(queue.pendingCount).toBe(0);
		expect(queue.valueOf('A1', 'c2')).toBeNull();
		expect(queue.notice).toEqual({ kind: 'closed', message: 'closed' });
	});

	it('keeps scores offline in localStorage and sends each artwork’s together when back', async () => {
		vi.useFakeTimers();
		try {
			const queue = new ScoreQueue('r1', {});
			queue.set('A1', 'c1', 7);
			queue.set('A1', 'c2', 5);
			queue.set('A1', 'c3', 3);
			expect(net.calls).toHaveLength(1); // the first key went at once
			const failed = net.calls[0]!.fail();
			await vi.advanceTimersByTimeAsync(0);
			await failed;
			expect(queue.online).toBe(false);
			expect(queue.pendingCount).toBe(3);
			expect(saved()).toHaveLength(3);
			queue.setOnline(true);
			expect(net.calls[1]!.body).toEqual({
				handle: 'A1',
				scores: [
					{ criterionId: 'c1', value: 7, base: 0 },
					{ criterionId: 'c2', value: 5, base: 0 },
					{ criterionId: 'c3', value: 3, base: 0 }
				]
			});
		} finally {
			vi.useRealTimers();
		}
	});

	it('restores single items an older screen left in localStorage and sends them per artwork', async () => {
		// The shape queued before batches existed: one item per criterion.
		store.set(
			STORAGE_KEY,
			JSON.stringify([
				{ handle: 'A1', criterionId: 'c1', value: 7, base: 0 },
				{ handle: 'B2', criterionId: 'c1', value: 4, base: 2 },
				{ handle: 'A1', criterionId: 'c2', value: 5, base: 0 },
				{ nonsense: true }
			])
		);
		const queue = new ScoreQueue('r1', {});
		queue.restore();
		expect(queue.pendingCount).toBe(3);
		expect(queue.valueOf('A1', 'c2')).toBe(5);
		expect(net.calls[0]!.body).toEqual({
			handle: 'A1',
			scores: [
				{ criterionId: 'c1', value: 7, base: 0 },
				{ criterionId: 'c2', value: 5, base: 0 }
			]
		});
		await net.calls[0]!.answer(200, {
			results: [
				{ criterionId: 'c1', value: 7, revision: 1, stale: false },
				{ criterionId: 'c2', value: 5, revision: 1, stale: false }
			],
			done: false
		});
		expect(net.calls[1]!.body).toEqual({ handle: 'B2', criterionId: 'c1', value: 4, base: 2 });
		await net.calls[1]!.answer(200, { value: 4, revision: 3, done: true });
		expect(queue.pendingCount).toBe(0);
		expect(saved()).toEqual([]);
	});
});
