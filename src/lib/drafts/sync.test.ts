import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDocument, serializeDocument, type DrawDocument } from '$lib/draw/document';
import { LocalDrafts } from './local-drafts.ts';
import { backoffDelay, copyTitle, DrawingSync, type SyncStatus } from './sync.ts';
import { MemoryBackend } from './testing/memory-backend.ts';

function withOp(doc: DrawDocument, id: string): DrawDocument {
	const op = { type: 'fill', id, x: 1, y: 1, color: '#e53935', tolerance: 32 } as const;
	return { ...doc, ops: [...doc.ops, op] };
}

type Reply = 'network' | number | { status: number; error: string } | null;

/** A server in memory that speaks the drawings API; `next` forces the next PUT's answer. */
class FakeServer {
	drawings = new Map<string, { revision: number; doc: string; title: string }>();
	puts: { id: string; baseRevision: number | null; title: string; hasThumb: boolean }[] = [];
	next: Reply[] = [];

	fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
		const id = String(input).split('/').pop()!;
		if (init?.method === 'GET' || !init?.method) {
			const d = this.drawings.get(id);
			if (!d) return Response.json({ error: 'drawing.error.notFound' }, { status: 404 });
			return new Response(d.doc, {
				headers: {
					'x-drawing-revision': String(d.revision),
					'x-drawing-title': encodeURIComponent(d.title)
				}
			});
		}
		const forced = this.next.shift() ?? null;
		if (forced === 'network') throw new TypeError('Failed to fetch');
		if (typeof forced === 'number')
			return Response.json({ error: 'drawing.error.tooLarge' }, { status: forced });
		if (forced && typeof forced === 'object')
			return Response.json({ error: forced.error }, { status: forced.status });
		const form = init.body as FormData;
		const meta = JSON.parse(form.get('meta') as string) as {
			baseRevision: number | null;
			title: string;
		};
		const doc = await (form.get('doc') as Blob).text();
		this.puts.push({ id, ...meta, hasThumb: form.get('thumb') instanceof Blob });
		const existing = this.drawings.get(id);
		if (existing && existing.revision !== meta.baseRevision)
			return Response.json(
				{ error: 'drawing.error.conflict', revision: existing.revision },
				{ status: 409 }
			);
		const revision = (existing?.revision ?? 0) + 1;
		this.drawings.set(id, { revision, doc, title: meta.title });
		return Response.json({ revision, updatedAt: 1 });
	});
}

function setup(options: { isBusy?: () => boolean } = {}) {
	const server = new FakeServer();
	const drafts = new LocalDrafts(new MemoryBackend());
	const events = new EventTarget();
	let isOnline = true;
	const statuses: Array<[string, SyncStatus]> = [];
	const conflicts: string[] = [];
	let ids = 0;
	const sync = new DrawingSync({
		studentId: 's1',
		drafts,
		fetch: server.fetch as unknown as typeof fetch,
		newId: () => `copy${++ids}`,
		copySuffix: '(copy)',
		untitled: 'Untitled',
		events,
		isOnline: () => isOnline,
		debounceMs: 100,
		...options,
		onStatus: (id, status) => statuses.push([id, status]),
		onConflict: (c) => conflicts.push(`${c.id}->${c.copyId}:${c.copyTitle}`)
	});
	const last = (id = 'd1') => statuses.filter(([i]) => i === id).at(-1)?.[1];
	return {
		server,
		drafts,
		sync,
		statuses,
		conflicts,
		last,
		goOffline() {
			isOnline = false;
			events.dispatchEvent(new Event('offline'));
		},
		goOnline() {
			isOnline = true;
			events.dispatchEvent(new Event('online'));
		}
	};
}

const THUMB = 'data:image/jpeg;base64,/9j/AA==';

describe('DrawingSync', () => {
	beforeEach(() => {
		vi.useFakeTimers();
	});
	afterEach(() => {
		vi.useRealTimers();
	});

	it('sends a big drawing again at a pace its size allows, and at once when leaving', async () => {
		const t = setup();
		let doc = createDocument('landscape');
		// ~1 MB of ops: at 256 KB/s the next upload waits about four seconds.
		for (let i = 0; i < 14_000; i++) doc = withOp(doc, `op${i}`);
		const bytes = serializeDocument(doc).length;
		expect(bytes).toBeGreaterThan(900_000);
		await t.drafts.save('s1', 'd1', doc, 'Big');
		t.sync.schedule('d1');
		await vi.advanceTimersByTimeAsync(200);
		expect(t.server.puts).toHaveLength(1);
		for (let second = 1; second <= 3; second++) {
			doc = withOp(doc, `more${second}`);
			await t.drafts.save('s1', 'd1', doc, 'Big');
			t.sync.schedule('d1');
			await vi.advanceTimersByTimeAsync(1000);
		}
		expect(t.server.puts).toHaveLength(1);
		await vi.advanceTimersByTimeAsync(1500);
		expect(t.server.puts).toHaveLength(2);
		expect(t.server.drawings.get('d1')?.doc).toBe(serializeDocument(doc));
		doc = withOp(doc, 'last');
		await t.drafts.save('s1', 'd1', doc, 'Big');
		t.sync.schedule('d1');
		t.sync.retryAll();
		await vi.advanceTimersByTimeAsync(10);
		expect(t.server.puts).toHaveLength(3);
	});

	it('waits for the pen to lift before it starts an upload', async () => {
		let isDrawing = true;
		const t = setup({ isBusy: () => isDrawing });
		await t.drafts.save('s1', 'd1', withOp(createDocument(), 'a'), 'Sun');
		t.sync.schedule('d1');
		await vi.advanceTimersByTimeAsync(3000);
		expect(t.server.puts).toHaveLength(0);
		expect(t.last()).toEqual({ state: 'syncing' });
		isDrawing = false;
		await vi.advanceTimersByTimeAsync(300);
		expect(t.server.puts).toHaveLength(1);
		expect(t.last()).toEqual({ state: 'synced' });
	});

	it('uploads a saved draft with its thumbnail and records the server revision', async () => {
		const t = setup();
		const doc = withOp(createDocument('landscape'), 'a');
		await t.drafts.save('s1', 'd1', doc, 'Sun', THUMB);
		t.sync.schedule('d1');
		expect(t.last()).toEqual({ state: 'syncing' });
		await vi.advanceTimersByTimeAsync(150);
		await t.sync.settled('d1');
		expect(t.last()).toEqual({ state: 'synced' });
		expect(t.server.puts).toEqual([{ id: 'd1', baseRevision: null, title: 'Sun', hasThumb: true }]);
		expect(await t.drafts.record('s1', 'd1')).toMatchObject({ serverRevision: 1, dirty: false });

		// The next save continues from revision 1.
		await t.drafts.save('s1', 'd1', withOp(doc, 'b'), 'Sun');
		expect(await t.drafts.record('s1', 'd1')).toMatchObject({ serverRevision: 1, dirty: true });
		t.sync.schedule('d1');
		await vi.advanceTimersByTimeAsync(150);
		await t.sync.settled('d1');
		expect(t.server.puts[1]).toMatchObject({ baseRevision: 1 });
		expect(t.server.drawings.get('d1')?.revision).toBe(2);
	});

	it('coalesces saves made during an upload into one more request', async () => {
		const t = setup();
		const doc = withOp(createDocument('landscape'), 'a');
		await t.drafts.save('s1', 'd1', doc, '');
		t.sync.schedule('d1');
		await vi.advanceTimersByTimeAsync(100);
		// Three more saves while the first request is out.
		for (const op of ['b', 'c', 'd']) {
			await t.drafts.save('s1', 'd1', withOp(doc, op), '');
			t.sync.schedule('d1');
		}
		await vi.advanceTimersByTimeAsync(500);
		await t.sync.settled('d1');
		expect(t.server.puts).toHaveLength(2);
		expect(t.last()).toEqual({ state: 'synced' });
		expect(JSON.parse(t.server.drawings.get('d1')!.doc).ops).toHaveLength(2);
	});

	it('retries network errors and 5xx with exponential backoff', async () => {
		expect([0, 1, 2, 5, 6, 10].map((n) => backoffDelay(n))).toEqual([
			1000, 2000, 4000, 32_000, 60_000, 60_000
		]);
		const t = setup();
		await t.drafts.save('s1', 'd1', withOp(createDocument('landscape'), 'a'), '');
		t.server.next = ['network', 503, 'network'];
		t.sync.schedule('d1');
		await vi.advanceTimersByTimeAsync(100);
		expect(t.server.fetch).toHaveBeenCalledTimes(1);
		expect(t.last()).toEqual({ state: 'offline' });
		await vi.advanceTimersByTimeAsync(999);
		expect(t.server.fetch).toHaveBeenCalledTimes(1);
		await vi.advanceTimersByTimeAsync(1);
		expect(t.server.fetch).toHaveBeenCalledTimes(2); // after 1 s
		await vi.advanceTimersByTimeAsync(1999);
		expect(t.server.fetch).toHaveBeenCalledTimes(2);
		await vi.advanceTimersByTimeAsync(1);
		expect(t.server.fetch).toHaveBeenCalledTimes(3); // after 2 s more
		await vi.advanceTimersByTimeAsync(4000);
		await t.sync.settled('d1');
		expect(t.server.fetch).toHaveBeenCalledTimes(4); // after 4 s more: accepted
		expect(t.last()).toEqual({ state: 'synced' });
	});

	it('keeps both on a conflict: local work becomes a copy, the server version stays', async () => {
		const t = setup();
		const server = withOp(createDocument('landscape'), 'server');
		t.server.drawings.set('d1', { revision: 3, doc: serializeDocument(server), title: 'Sun' });
		// A stale tab: based on revision 2.
		await t.drafts.save('s1', 'd1', withOp(createDocument('landscape'), 'mine'), 'Sun');
		await t.drafts.markSynced('s1', 'd1', -1, 2);
		t.sync.schedule('d1');
		await vi.advanceTimersByTimeAsync(150);
		await t.sync.settled('d1');
		await vi.advanceTimersByTimeAsync(10);
		await t.sync.settled('copy1');

		expect(t.conflicts).toEqual(['d1->copy1:Sun (copy)']);
		// The original id now holds the server's version, clean.
		const original = await t.drafts.load('s1', 'd1');
		expect(original).toMatchObject({ status: 'ok', title: 'Sun' });
		if (original.status === 'ok') expect(original.doc.ops[0]?.id).toBe('server');
		expect(await t.drafts.record('s1', 'd1')).toMatchObject({ serverRevision: 3, dirty: false });
		// The copy holds this computer's work and was uploaded as a new drawing.
		const copy = await t.drafts.load('s1', 'copy1');
		if (copy.status === 'ok') expect(copy.doc.ops[0]?.id).toBe('mine');
		expect(t.server.drawings.get('d1')?.revision).toBe(3);
		expect(t.server.drawings.get('copy1')).toMatchObject({ revision: 1, title: 'Sun (copy)' });
		expect(t.last('d1')).toEqual({ state: 'synced' });
	});

	it('stops retrying a drawing that is too large and keeps it locally', async () => {
		const t = setup();
		await t.drafts.save('s1', 'd1', withOp(createDocument('landscape'), 'a'), '');
		t.server.next = [413];
		t.sync.schedule('d1');
		await vi.advanceTimersByTimeAsync(150);
		await t.sync.settled('d1');
		expect(t.last()).toEqual({ state: 'error', error: 'drawing.error.tooLarge' });
		await vi.advanceTimersByTimeAsync(120_000);
		t.goOnline();
		await vi.advanceTimersByTimeAsync(1000);
		expect(t.server.fetch).toHaveBeenCalledTimes(1);
		expect(await t.drafts.record('s1', 'd1')).toMatchObject({ dirty: true });
		// A new change is a new revision: tried again.
		await t.drafts.save('s1', 'd1', withOp(createDocument('landscape'), 'b'), '');
		t.sync.schedule('d1');
		await vi.advanceTimersByTimeAsync(150);
		await t.sync.settled('d1');
		expect(t.last()).toEqual({ state: 'synced' });
	});

	it('shows a quota refusal and keeps the drawing; a rate limit is shown, then retried', async () => {
		const t = setup();
		await t.drafts.save('s1', 'd1', withOp(createDocument('landscape'), 'a'), '');
		t.server.next = [{ status: 413, error: 'security.quota.drawings' }];
		t.sync.schedule('d1');
		await vi.advanceTimersByTimeAsync(150);
		await t.sync.settled('d1');
		expect(t.last()).toEqual({ state: 'error', error: 'security.quota.drawings' });
		expect(await t.drafts.record('s1', 'd1')).toMatchObject({ dirty: true });

		await t.drafts.save('s1', 'd2', withOp(createDocument('landscape'), 'b'), '');
		t.server.next = [{ status: 429, error: 'security.quota.rate' }];
		t.sync.schedule('d2');
		await vi.advanceTimersByTimeAsync(150);
		expect(t.last('d2')).toEqual({ state: 'error', error: 'security.quota.rate' });
		expect(await t.drafts.record('s1', 'd2')).toMatchObject({ dirty: true });
		await vi.advanceTimersByTimeAsync(2_000);
		await t.sync.settled('d2');
		expect(t.last('d2')).toEqual({ state: 'synced' });
		expect(t.server.drawings.has('d2')).toBe(true);
	});

	it('asks the child to sign in again when the session has ended', async () => {
		const t = setup();
		await t.drafts.save('s1', 'd1', withOp(createDocument('landscape'), 'a'), '');
		t.server.next = [401];
		t.sync.schedule('d1');
		await vi.advanceTimersByTimeAsync(150);
		await t.sync.settled('d1');
		expect(t.last()).toEqual({ state: 'error', error: 'sync.signedOut' });
		expect(await t.drafts.record('s1', 'd1')).toMatchObject({ dirty: true });
	});

	it('waits while offline and uploads as soon as the browser is back online', async () => {
		const t = setup();
		t.goOffline();
		await t.drafts.save('s1', 'd1', withOp(createDocument('landscape'), 'a'), '');
		t.sync.schedule('d1');
		expect(t.last()).toEqual({ state: 'offline' });
		await vi.advanceTimersByTimeAsync(120_000);
		expect(t.server.fetch).not.toHaveBeenCalled();
		t.goOnline();
		await vi.advanceTimersByTimeAsync(10);
		await t.sync.settled('d1');
		expect(t.last()).toEqual({ state: 'synced' });
		expect(t.server.drawings.get('d1')?.revision).toBe(1);
	});

	it('makes no copy when the server already has exactly this work', async () => {
		const t = setup();
		const doc = withOp(createDocument('landscape'), 'a');
		await t.drafts.save('s1', 'd1', doc, 'Sun');
		t.server.drawings.set('d1', { revision: 4, doc: serializeDocument(doc), title: 'Sun' });
		t.sync.schedule('d1');
		await vi.advanceTimersByTimeAsync(150);
		await t.sync.settled('d1');
		expect(t.conflicts).toEqual([]);
		expect(t.last()).toEqual({ state: 'synced' });
		expect(await t.drafts.record('s1', 'd1')).toMatchObject({ serverRevision: 4, dirty: false });
	});

	it('two pages uploading the same drawing take turns instead of conflicting', async () => {
		const t = setup();
		let queue = Promise.resolve();
		const lock = (_name: string, task: () => Promise<void>) => {
			const run = queue.then(task);
			queue = run.catch(() => {});
			return run;
		};
		const page = (name: string) =>
			new DrawingSync({
				studentId: 's1',
				drafts: t.drafts,
				fetch: t.server.fetch as unknown as typeof fetch,
				newId: () => `${name}-copy`,
				copySuffix: '(copy)',
				untitled: 'Untitled',
				debounceMs: 0,
				lock
			});
		const editor = page('editor');
		const list = page('list');
		await t.drafts.save('s1', 'd1', withOp(createDocument('landscape'), 'a'), 'Sun');
		editor.schedule('d1');
		list.schedule('d1');
		await vi.advanceTimersByTimeAsync(10);
		await editor.settled('d1');
		await list.settled('d1');
		expect(t.server.puts).toHaveLength(1);
		expect([...t.server.drawings.keys()]).toEqual(['d1']);
	});

	it('an editor saving while its own upload finishes keeps the newer revision', async () => {
		const t = setup();
		const doc = withOp(createDocument('landscape'), 'a');
		await t.drafts.save('s1', 'd1', doc, '', undefined, null, 'w1');
		await t.drafts.markSynced('s1', 'd1', -1, 1);
		// The editor has not heard of revision 1 yet: its save still says "none".
		await t.drafts.save('s1', 'd1', withOp(doc, 'b'), '', undefined, null, 'w1');
		expect(await t.drafts.record('s1', 'd1')).toMatchObject({ serverRevision: 1, dirty: true });
		// Another (stale) editor's save keeps its own, older base: the server will refuse it.
		await t.drafts.save('s1', 'd1', withOp(doc, 'c'), '', undefined, null, 'w2');
		expect((await t.drafts.record('s1', 'd1'))?.serverRevision).toBeUndefined();
	});

	it('names copies within the title limit', () => {
		expect(copyTitle('', '(copy)', 'Untitled')).toBe('Untitled (copy)');
		expect([...copyTitle('x'.repeat(60), '（副本）', 'U')].length).toBeLessThanOrEqual(60);
	});
});
