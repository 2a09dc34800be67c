import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDocument, serializeDocument, type DrawDocument } from '$lib/draw/document';
import { snapshotMetaOf } from '$lib/draw/checkpoints';
import { DraftSession, setSnapshotSource, takeOpenedSnapshot } from './draft-session.svelte.ts';
import { LocalDrafts } from './local-drafts.ts';
import { MemoryBackend } from './testing/memory-backend.ts';

function withOp(doc: DrawDocument, id: string): DrawDocument {
	const op = { type: 'fill', id, x: 1, y: 1, color: '#e53935', tolerance: 32 } as const;
	return { ...doc, ops: [...doc.ops, op] };
}

function setup(backend = new MemoryBackend(), drawingId = 'd1') {
	const drafts = new LocalDrafts(backend);
	let thumbnails = 0;
	const session = new DraftSession({
		studentId: 's1',
		drawingId,
		board: 'portrait',
		openDrafts: () => drafts,
		newId: () => 'fresh',
		makeThumbnail: () => `data:image/jpeg;base64,T${++thumbnails}`
	});
	return { session, backend, drafts };
}

describe('DraftSession', () => {
	beforeEach(() => {
		vi.useFakeTimers();
	});
	afterEach(() => {
		vi.useRealTimers();
	});

	it('opens new paper for a missing draft and stores nothing until something changes', async () => {
		const { session, backend } = setup();
		await session.open();
		expect(session.document).toMatchObject({ width: 1200, height: 1600, ops: [] });
		expect(session.saveState).toBe('new');
		await session.flush();
		expect(backend.map.size).toBe(0);
	});

	it("starts a new drawing on the contest's board and colouring page, and keeps them", async () => {
		const drafts = new LocalDrafts(new MemoryBackend());
		const template = `/objects/public/templates/${'c'.repeat(64)}.png`;
		const session = new DraftSession({
			studentId: 's1',
			drawingId: 'd1',
			board: { width: 1697, height: 1200 },
			template,
			openDrafts: () => drafts,
			newId: () => 'fresh'
		});
		await session.open();
		expect(session.document).toMatchObject({ width: 1697, height: 1200, template, ops: [] });
		session.documentChanged(withOp(session.document!, 'a'));
		await vi.advanceTimersByTimeAsync(1000);
		expect(await drafts.load('s1', 'd1')).toMatchObject({ status: 'ok', doc: { template } });
	});

	it('hands a stored snapshot to the canvas, and replaces a stale one soon after opening', async () => {
		const backend = new MemoryBackend();
		const drafts = new LocalDrafts(backend);
		const first = withOp(createDocument('portrait'), 'a');
		const doc = withOp(first, 'b');
		await drafts.save('s1', 'd1', doc, 'Two fills');
		// The snapshot stored last shows only the first op (the tab closed before the next one).
		const stale = { blob: new Blob(['png']), meta: snapshotMetaOf(first) };
		await drafts.saveSnapshot('s1', 'd1', stale);
		const made: DrawDocument[] = [];
		let withdraw = () => {};
		try {
			const { session } = setup(backend);
			await session.open();
			const opened = session.document!;
			expect(takeOpenedSnapshot(opened)?.meta).toEqual(stale.meta);
			// The canvas is not up yet at the first try: the session asks again later.
			await vi.advanceTimersByTimeAsync(5000);
			withdraw = setSnapshotSource((shown) => {
				made.push(shown);
				return Promise.resolve({ blob: new Blob(['new png']), meta: snapshotMetaOf(shown) });
			});
			await vi.advanceTimersByTimeAsync(5000);
			expect(made).toEqual([opened]);
			const loaded = await drafts.load('s1', 'd1');
			expect(loaded.status === 'ok' && loaded.snapshot?.meta).toEqual(snapshotMetaOf(doc));

			// Opened again with a snapshot of exactly this drawing: nothing more to store.
			const again = setup(backend).session;
			await again.open();
			await vi.advanceTimersByTimeAsync(10_000);
			expect(made).toHaveLength(1);
		} finally {
			withdraw();
		}
	});

	it('saves a change within a second, with title and thumbnail', async () => {
		const { session, drafts } = setup();
		await session.open();
		session.setTitle('Sunny day');
		session.documentChanged(withOp(session.document!, 'a'));
		expect(session.saveState).toBe('saving');
		await vi.advanceTimersByTimeAsync(1000);
		expect(session.saveState).toBe('saved');
		const loaded = await drafts.load('s1', 'd1');
		expect(loaded).toMatchObject({ status: 'ok', title: 'Sunny day' });
		expect(await drafts.list('s1')).toMatchObject([{ id: 'd1', thumbnail: /^data:image/ }]);
	});

	it('reopens a saved draft as saved', async () => {
		const backend = new MemoryBackend();
		const first = setup(backend);
		await first.session.open();
		first.session.documentChanged(withOp(first.session.document!, 'a'));
		await first.session.flush();
		const second = setup(backend);
		await second.session.open();
		expect(second.session.saveState).toBe('saved');
		expect(second.session.document?.ops).toHaveLength(1);
	});

	it('moves beside an unreadable draft and never writes over it', async () => {
		const backend = new MemoryBackend();
		const broken = { studentId: 's1', id: 'd1', doc: '{"version":99}', updatedAt: 1, title: 'x' };
		backend.map.set('s1:d1', broken);
		const { session } = setup(backend);
		expect(await session.open()).toEqual({ movedTo: 'fresh' });
		expect(session.unreadable).toBe('future-version');
		session.documentChanged(withOp(session.document!, 'a'));
		await session.flush();
		expect(backend.map.get('s1:d1')).toEqual(broken);
		expect(backend.map.has('s1:fresh')).toBe(true);
	});

	it('reports a full disk, keeps the drawing, and recovers on the next good save', async () => {
		const backend = new MemoryBackend();
		const { session, drafts } = setup(backend);
		await session.open();
		backend.failWith = new DOMException('full', 'QuotaExceededError');
		const drawn = withOp(session.document!, 'a');
		session.documentChanged(drawn);
		await session.flush();
		expect(session.saveState).toBe('quota');
		backend.failWith = null;
		session.documentChanged(withOp(drawn, 'b'));
		await vi.advanceTimersByTimeAsync(300);
		// Still showing the failure while the retry is under way, never a reassuring "saving".
		expect(session.saveState).toBe('quota');
		await vi.advanceTimersByTimeAsync(1000);
		expect(session.saveState).toBe('saved');
		expect(await drafts.load('s1', 'd1')).toMatchObject({ status: 'ok' });
	});

	it('says storage is unavailable when it cannot be opened, and still gives paper', async () => {
		const session = new DraftSession({
			studentId: 's1',
			drawingId: 'd1',
			board: 'landscape',
			openDrafts: () => {
				throw new DOMException('no', 'InvalidStateError');
			},
			newId: () => 'fresh'
		});
		await session.open();
		expect(session.saveState).toBe('unavailable');
		expect(session.document?.width).toBe(1600);
	});

	it('opens the server copy when this computer has none, and keeps it here', async () => {
		const backend = new MemoryBackend();
		const drafts = new LocalDrafts(backend);
		const doc = withOp(createDocument('landscape'), 'srv');
		const saved: string[] = [];
		const session = new DraftSession({
			studentId: 's1',
			drawingId: 'd1',
			board: 'portrait',
			openDrafts: () => drafts,
			newId: () => 'fresh',
			afterSave: (id) => saved.push(id),
			loadFromServer: async () => ({
				status: 'ok',
				doc,
				text: serializeDocument(doc),
				title: 'From school',
				revision: 7
			})
		});
		await session.open();
		expect(session.title).toBe('From school');
		expect(session.saveState).toBe('saved');
		expect(session.document?.ops).toHaveLength(1);
		expect(await drafts.record('s1', 'd1')).toMatchObject({ serverRevision: 7, dirty: false });
		expect(saved).toEqual(['d1']);
	});

	it('a stale editor keeps saving from its own server revision', async () => {
		const backend = new MemoryBackend();
		const drafts = new LocalDrafts(backend);
		await drafts.save('s1', 'd1', withOp(createDocument('landscape'), 'a'), 'x', undefined, 2);
		const fresh = setup(backend).session;
		const stale = setup(backend).session;
		await fresh.open();
		await stale.open();
		// The fresh tab's work went up as revision 3 (its saves carry its writer id).
		fresh.documentChanged(withOp(fresh.document!, 'b0'));
		await fresh.flush();
		const writer = ((await drafts.record('s1', 'd1')) as { writer: string }).writer;
		await drafts.markSynced('s1', 'd1', -1, 3);
		stale.uploaded(3, writer);
		fresh.uploaded(3, writer);
		fresh.documentChanged(withOp(fresh.document!, 'b'));
		await fresh.flush();
		expect(await drafts.record('s1', 'd1')).toMatchObject({ serverRevision: 3 });
		stale.documentChanged(withOp(stale.document!, 'c'));
		await stale.flush();
		// Uploaded from revision 2, the server refuses it as a conflict: both are kept.
		expect(await drafts.record('s1', 'd1')).toMatchObject({ serverRevision: 2, dirty: true });
	});
});
