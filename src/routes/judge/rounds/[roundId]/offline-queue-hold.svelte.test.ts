// A reload while scores are still being sent: the old page must not take out of localStorage
// what the new page's server read may have missed (see OfflineQueue). The e2e test
// judging.spec.ts drives the same race in Chromium; these pin the queue's rules.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HOLD_MS, OfflineQueue, type Answer } from './offline-queue.svelte';

interface Item {
	id: string;
}

class TestQueue extends OfflineQueue<Item> {
	settled: string[] = [];
	add(id: string): void {
		this.setPending([...this.pending, { id }]);
	}
	protected urlOf(): string {
		return '/save';
	}
	protected accepts(saved: unknown): saved is Item {
		return typeof (saved as Item | null)?.id === 'string';
	}
	protected settle(sent: readonly Item[], answer: Answer): void {
		if (answer.ok) this.settled.push(...sent.map((i) => i.id));
		this.setPending(this.pending.filter((p) => !sent.includes(p)));
	}
}

const KEY = 'test.queue';
let storage: Map<string, string>;
let answers: { resolve: () => void; id: string }[];

/** What the next page finds in localStorage. */
function stored(): string[] {
	return (JSON.parse(storage.get(KEY) ?? '[]') as Item[]).map((i) => i.id);
}

/** Lets the server answer the oldest request still waiting. */
async function answerNext(): Promise<void> {
	answers.shift()!.resolve();
	await vi.advanceTimersByTimeAsync(0);
}

beforeEach(() => {
	vi.useFakeTimers();
	storage = new Map();
	answers = [];
	vi.stubGlobal('localStorage', {
		getItem: (k: string) => storage.get(k) ?? null,
		setItem: (k: string, v: string) => void storage.set(k, v)
	});
	vi.stubGlobal('navigator', { onLine: true });
	vi.stubGlobal(
		'fetch',
		(_url: string, init: { body: string }) =>
			new Promise<Response>((resolve) => {
				const { id } = JSON.parse(init.body) as Item;
				answers.push({ id, resolve: () => resolve(Response.json({ ok: true })) });
			})
	);
});

afterEach(() => {
	vi.useRealTimers();
	vi.unstubAllGlobals();
});

describe('OfflineQueue while the page unloads', () => {
	it('keeps an item whose answer comes after the unload began, and sends nothing more', async () => {
		const queue = new TestQueue(KEY);
		queue.add('a');
		queue.add('b');
		void queue.flush();
		expect(answers.map((a) => a.id)).toEqual(['a']);
		queue.hold();
		await answerNext();
		expect(queue.settled).toEqual([]);
		expect(stored()).toEqual(['a', 'b']);
		expect(answers).toEqual([]);
	});

	it('a page that stays sends again once the hold runs out, and then settles as usual', async () => {
		const queue = new TestQueue(KEY);
		queue.add('a');
		queue.hold();
		void queue.flush();
		expect(answers).toEqual([]);
		await vi.advanceTimersByTimeAsync(HOLD_MS);
		expect(answers.map((a) => a.id)).toEqual(['a']);
		await answerNext();
		expect(queue.settled).toEqual(['a']);
		expect(stored()).toEqual([]);
	});

	it('resumes at once when the page comes back from the back-forward cache', async () => {
		const queue = new TestQueue(KEY);
		queue.add('a');
		queue.hold();
		queue.resume();
		expect(answers.map((a) => a.id)).toEqual(['a']);
		await answerNext();
		expect(stored()).toEqual([]);
	});

	it('the next page restores what the held page kept and sends it', async () => {
		const old = new TestQueue(KEY);
		old.add('a');
		void old.flush();
		old.hold();
		await answerNext();
		const next = new TestQueue(KEY);
		next.restore();
		expect(answers.map((a) => a.id)).toEqual(['a']);
		await answerNext();
		expect(next.settled).toEqual(['a']);
		expect(stored()).toEqual([]);
	});
});
