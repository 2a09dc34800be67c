import { describe, expect, it } from 'vitest';
import { createDocument } from '$lib/draw/document';
import { classifyDraftError, cleanTitle, draftKey, LocalDrafts } from './local-drafts.ts';
import { MemoryBackend } from './testing/memory-backend.ts';

function setup() {
	const backend = new MemoryBackend();
	let clock = 1000;
	const drafts = new LocalDrafts(backend, () => clock++);
	return { backend, drafts };
}

describe('LocalDrafts', () => {
	it('round-trips a drawing under the student-scoped key', async () => {
		const { backend, drafts } = setup();
		const doc = createDocument('portrait', '#fff8e1');
		await drafts.save('s1', 'abc', doc, '  My   tree ');
		expect([...backend.map.keys()]).toEqual(['s1:abc']);
		const loaded = await drafts.load('s1', 'abc');
		expect(loaded).toEqual({ status: 'ok', doc, title: 'My tree', updatedAt: 1000 });
	});

	it('keeps the document apart from the small record, and still reads older inline records', async () => {
		const { backend, drafts } = setup();
		const doc = createDocument();
		await drafts.save('s1', 'abc', doc, 'Tree');
		expect(backend.map.get('s1:abc')).not.toHaveProperty('doc');
		const stored = backend.docs.get('s1:abc');
		expect(stored).toBeInstanceOf(Blob);
		expect(await (stored as Blob).text()).toBe(JSON.stringify(doc));
		await drafts.saveSnapshot('s1', 'abc', {
			blob: new Blob(['x']),
			meta: { ops: 0, lastOpId: null, width: 1600, height: 1200 }
		});
		expect((await drafts.record('s1', 'abc'))?.doc).toBe(JSON.stringify(doc));

		const older = createDocument('portrait');
		backend.map.set('s1:old', {
			studentId: 's1',
			id: 'old',
			doc: JSON.stringify(older),
			updatedAt: 5,
			title: 'Before the split'
		});
		expect(await drafts.load('s1', 'old')).toMatchObject({ status: 'ok', doc: older });
		await drafts.save('s1', 'old', older, 'Saved again');
		expect(backend.map.get('s1:old')).not.toHaveProperty('doc');
		expect(await drafts.load('s1', 'old')).toMatchObject({ status: 'ok', title: 'Saved again' });
	});

	it('stores documents as Blobs, uploads the stored Blob, and still opens drafts kept as text', async () => {
		const { backend, drafts } = setup();
		const doc = createDocument('landscape');
		await drafts.save('s1', 'new', doc, 'New');
		const stored = backend.docs.get('s1:new');
		// A fresh instance (a reopened page) has no text at hand: it reads the store.
		const reopened = new LocalDrafts(backend);
		expect(await reopened.load('s1', 'new')).toMatchObject({ status: 'ok', doc, title: 'New' });
		const upload = await reopened.upload('s1', 'new');
		expect(upload?.doc).toBe(stored);
		expect((await reopened.record('s1', 'new'))?.doc).toBe(JSON.stringify(doc));

		// Saved as text by an earlier version, in the document store.
		const older = createDocument('portrait');
		backend.map.set('s1:text', { studentId: 's1', id: 'text', updatedAt: 7, title: 'Text' });
		backend.docs.set('s1:text', JSON.stringify(older));
		expect(await reopened.load('s1', 'text')).toMatchObject({ status: 'ok', doc: older });
		const textUpload = await reopened.upload('s1', 'text');
		expect(textUpload?.doc).toBeInstanceOf(Blob);
		expect(await textUpload?.doc.text()).toBe(JSON.stringify(older));
		expect(textUpload).not.toHaveProperty('snapshot');
		// Its next save moves it to a Blob.
		await reopened.save('s1', 'text', older, 'Text');
		expect(backend.docs.get('s1:text')).toBeInstanceOf(Blob);
	});

	it('keeps documents as text where the browser refuses Blobs in IndexedDB', async () => {
		const backend = new MemoryBackend();
		const update = backend.update.bind(backend);
		backend.update = async (key, change, doc) => {
			if (doc instanceof Blob) throw new DOMException('no Blobs here', 'DataCloneError');
			return update(key, change, doc);
		};
		const drafts = new LocalDrafts(backend);
		const doc = createDocument();
		await drafts.save('s1', 'a', doc, 'A');
		expect(backend.docs.get('s1:a')).toBe(JSON.stringify(doc));
		expect(await new LocalDrafts(backend).load('s1', 'a')).toMatchObject({ status: 'ok', doc });
		expect(await (await drafts.upload('s1', 'a'))?.doc.text()).toBe(JSON.stringify(doc));
	});

	it('reads an unreadable stored Blob as an unreadable draft, never as an empty one', async () => {
		const { backend, drafts } = setup();
		backend.map.set('s1:bad', { studentId: 's1', id: 'bad', updatedAt: 7, title: 'Bad' });
		backend.docs.set('s1:bad', new Blob(['{"version":2,"wid']));
		expect(await drafts.load('s1', 'bad')).toEqual({ status: 'unreadable', reason: 'corrupt' });
	});

	it('reads what another tab saved last, not the text this tab saved before it', async () => {
		const backend = new MemoryBackend();
		let clock = 1000;
		const tabA = new LocalDrafts(backend, () => clock++);
		const tabB = new LocalDrafts(backend, () => clock++);
		await tabA.save('s1', 'd', createDocument('landscape'), 'Mine');
		expect((await tabA.record('s1', 'd'))?.doc).toBe(JSON.stringify(createDocument('landscape')));
		await tabB.save('s1', 'd', createDocument('portrait'), 'Theirs');
		const seen = await tabA.record('s1', 'd');
		expect(seen?.doc).toBe(JSON.stringify(createDocument('portrait')));
		expect(seen?.title).toBe('Theirs');
	});

	it('lists thumbnails only when they are raster data URLs', async () => {
		const { drafts } = setup();
		await drafts.save('s1', 'a', createDocument(), 'A', 'data:image/jpeg;base64,AAAA');
		await drafts.save('s1', 'b', createDocument(), 'B', 'javascript:alert(1)');
		const list = await drafts.list('s1');
		expect(list.find((d) => d.id === 'a')?.thumbnail).toBe('data:image/jpeg;base64,AAAA');
		expect(list.find((d) => d.id === 'b')?.thumbnail).toBeUndefined();
	});

	it('reports a missing draft as missing', async () => {
		const { drafts } = setup();
		expect(await drafts.load('s1', 'nope')).toEqual({ status: 'missing' });
	});

	it('lists only the current student, newest first, even when ids share a prefix', async () => {
		const { drafts } = setup();
		await drafts.save('s1', 'old', createDocument(), 'Old');
		await drafts.save('s12', 'other', createDocument(), 'Not mine');
		await drafts.save('s1', 'new', createDocument(), 'New');
		await drafts.save('s2', 'x', createDocument(), 'Also not mine');
		const list = await drafts.list('s1');
		expect(list.map((d) => d.id)).toEqual(['new', 'old']);
		expect(await drafts.list('s12')).toHaveLength(1);
	});

	it('ignores a record in the student range that belongs to someone else', async () => {
		const { backend, drafts } = setup();
		// A key that claims s1 but whose record says otherwise is never shown or opened.
		backend.map.set('s1:planted', {
			studentId: 's9',
			id: 'planted',
			doc: '{}',
			updatedAt: 1,
			title: 'x'
		});
		expect(await drafts.list('s1')).toEqual([]);
		expect(await drafts.load('s1', 'planted')).toEqual({ status: 'unreadable', reason: 'corrupt' });
	});

	it('reports corrupt and future-version documents without touching them', async () => {
		const { backend, drafts } = setup();
		const base = { studentId: 's1', updatedAt: 5, title: '' };
		backend.map.set('s1:bad', { ...base, id: 'bad', doc: '{not json' });
		const future = { ...createDocument(), version: 999 };
		backend.map.set('s1:future', { ...base, id: 'future', doc: JSON.stringify(future) });
		expect(await drafts.load('s1', 'bad')).toEqual({ status: 'unreadable', reason: 'corrupt' });
		expect(await drafts.load('s1', 'future')).toEqual({
			status: 'unreadable',
			reason: 'future-version'
		});
		expect(backend.map.size).toBe(2);
	});

	it('deletes only the addressed draft of the given student', async () => {
		const { drafts } = setup();
		await drafts.save('s1', 'a', createDocument(), '');
		await drafts.save('s2', 'a', createDocument(), '');
		await drafts.remove('s1', 'a');
		expect(await drafts.list('s1')).toEqual([]);
		expect(await drafts.list('s2')).toHaveLength(1);
	});
});

describe('helpers', () => {
	it('builds keys and cleans titles', () => {
		expect(draftKey('7', 'x-1')).toBe('7:x-1');
		expect(cleanTitle('a'.repeat(100))).toHaveLength(60);
		expect(cleanTitle(' a \n b ')).toBe('a b');
	});

	it('tells a full disk from other storage errors', () => {
		expect(classifyDraftError(new DOMException('full', 'QuotaExceededError'))).toBe('quota');
		expect(classifyDraftError(new DOMException('gone', 'InvalidStateError'))).toBe('unavailable');
		expect(classifyDraftError('weird')).toBe('unknown');
	});
});

describe('removeUploaded', () => {
	it("drops only this child's copies that are uploaded and unchanged", async () => {
		const { drafts } = setup();
		const doc = createDocument();
		const at = await drafts.save('kid-a', 'uploaded1', doc, 'up');
		expect(await drafts.markSynced('kid-a', 'uploaded1', at, 3)).toBe(true);
		await drafts.save('kid-a', 'waiting1', doc, 'not yet uploaded');
		const otherAt = await drafts.save('kid-b', 'other1', doc, 'someone else');
		await drafts.markSynced('kid-b', 'other1', otherAt, 1);
		expect(await drafts.removeUploaded('kid-a')).toBe(1);
		expect((await drafts.list('kid-a')).map((d) => d.id)).toEqual(['waiting1']);
		expect((await drafts.list('kid-b')).map((d) => d.id)).toEqual(['other1']);
	});
});
