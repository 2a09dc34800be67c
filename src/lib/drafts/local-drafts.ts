import { parseDocument, type ParseFailure } from '$lib/draw/parse-document';
import type { SnapshotMeta } from '$lib/draw/checkpoints';
import { serializeDocument, type DrawDocument } from '$lib/draw/document';
import { IndexedDbBackend } from './indexeddb-backend.ts';

/**
 * Drafts kept in this browser's IndexedDB, so a closed tab, a crash or a power cut loses at
 * most the last second of drawing. Classroom PCs are shared: every read and delete is scoped to
 * one student, both by the key prefix and by the `studentId` stored in the record, so the next
 * child signing in on the same browser never sees another child's drafts.
 *
 * A record and its document are stored apart (same key, two object stores): the document of a
 * big drawing is megabytes, and the list, the upload bookkeeping and the raster snapshot only
 * touch the small record. Copying megabytes in and out of IndexedDB on the main thread after
 * every save is what made ink stutter right after a stroke. Records written before the split
 * still hold their document inline and are read as they are.
 *
 * The document is stored as a Blob (JSON inside): reading the record then hands over a handle,
 * not megabytes of text copied into the page, and the upload sends that Blob as it is. Blobs
 * are read back with `text()`, off the main thread. Documents stored as strings by earlier
 * versions are read as they are and become Blobs with their next save.
 */

export const MAX_TITLE_LENGTH = 60;

export interface DraftRecord {
	studentId: string;
	/** The drawing id, as in `/studio/draw/[id]`. */
	id: string;
	/** `serializeDocument` output; parsed with `parseDocument`, never trusted. */
	doc: string;
	/** Epoch ms of the last save. */
	updatedAt: number;
	title: string;
	/** A small `data:image/jpeg` preview for the list; absent until the editor makes one. */
	thumbnail?: string;
	/** The server revision this document is based on; absent while the server has none. */
	serverRevision?: number;
	/**
	 * Changed here since the last upload. Records written before the server copy existed have
	 * no flag and count as dirty: they have never been uploaded.
	 */
	dirty?: boolean;
	/** Epoch ms of the last successful upload. */
	syncedAt?: number;
	/** The open editor that saved this; tells its own saves from a stale tab's. */
	writer?: string;
	/**
	 * A PNG of the flattened ink bitmap, so reopening a big drawing need not repaint every op.
	 * Only used for the ops it matches (see `snapshotCoverage`); absent in older records.
	 */
	snapshot?: DraftSnapshot;
}

/** A raster of the drawing's ink and what it was painted from. */
export interface DraftSnapshot {
	blob: Blob;
	meta: SnapshotMeta;
}

function isSnapshot(value: unknown): value is DraftSnapshot {
	if (typeof value !== 'object' || value === null) return false;
	const { blob, meta } = value as Record<string, unknown>;
	if (typeof Blob === 'undefined' || !(blob instanceof Blob)) return false;
	if (typeof meta !== 'object' || meta === null) return false;
	const m = meta as Record<string, unknown>;
	return (
		Number.isInteger(m.ops) &&
		(m.lastOpId === null || typeof m.lastOpId === 'string') &&
		Number.isInteger(m.width) &&
		Number.isInteger(m.height) &&
		(m.idsHash === undefined || typeof m.idsHash === 'string')
	);
}

/** A record as stored: the document lives in its own store (inline only in old records). */
export type StoredRecord = Omit<DraftRecord, 'doc'> & { doc?: string };

/** A document as stored: a JSON Blob, or JSON text in drafts saved before Blobs. */
export type StoredDocument = string | Blob;

/** A record with its document as the Blob to upload. */
export type UploadRecord = Omit<DraftRecord, 'doc'> & { doc: Blob };

/** What the draft list shows; the document itself stays in the database. */
export type DraftSummary = Pick<
	DraftRecord,
	'id' | 'title' | 'updatedAt' | 'thumbnail' | 'serverRevision'
> & {
	/** Not (all) on the server yet. */
	dirty: boolean;
};

export type LoadResult =
	| { status: 'missing' }
	| {
			status: 'ok';
			doc: DrawDocument;
			title: string;
			updatedAt: number;
			/** The server revision this draft continues from, if it has been uploaded. */
			serverRevision?: number;
			/** The stored ink raster, if any; the caller checks it matches `doc`. */
			snapshot?: DraftSnapshot;
	  }
	| { status: 'unreadable'; reason: ParseFailure };

/**
 * The few key-value operations the drafts need; IndexedDB in the browser, Maps in tests. Each
 * key has a small record and, apart from it, a document.
 */
export interface DraftBackend {
	/** The record alone. */
	get(key: string): Promise<unknown>;
	/** Record and document read in one transaction, so they always belong together. */
	read(key: string): Promise<{ record: unknown; doc: unknown }>;
	/** Writes the record and, when given, the document, in one transaction. */
	put(key: string, value: StoredRecord, doc?: StoredDocument): Promise<void>;
	/** Removes record and document. */
	delete(key: string): Promise<void>;
	/** Records whose keys lie in [lower, upper]. */
	range(lower: string, upper: string): Promise<unknown[]>;
	/**
	 * Reads and rewrites one record atomically (one IndexedDB transaction), so an upload that
	 * finishes never marks newer local work as uploaded. `change` returns the new record, or
	 * undefined to leave it as it is; `doc`, when given, is written with the new record.
	 */
	update(
		key: string,
		change: (old: unknown) => StoredRecord | undefined,
		doc?: StoredDocument
	): Promise<void>;
}

export type DraftErrorKind = 'quota' | 'unavailable' | 'unknown';

/** Quota errors get their own message ("this computer is full"); the rest are generic. */
export function classifyDraftError(error: unknown): DraftErrorKind {
	const name = error instanceof Error || error instanceof DOMException ? error.name : '';
	if (name === 'QuotaExceededError') return 'quota';
	if (name === 'InvalidStateError' || name === 'SecurityError' || name === 'UnknownError')
		return 'unavailable';
	return 'unknown';
}

export function draftKey(studentId: string, drawingId: string): string {
	return `${studentId}:${drawingId}`;
}

/** Key bounds of one student's drafts; `\uffff` sorts after every character an id can hold. */
export function studentKeyRange(studentId: string): [string, string] {
	return [`${studentId}:`, `${studentId}:\uffff`];
}

function isRecordOf(value: unknown, studentId: string): value is StoredRecord {
	if (typeof value !== 'object' || value === null) return false;
	const record = value as Record<string, unknown>;
	return (
		record.studentId === studentId &&
		typeof record.id === 'string' &&
		(record.doc === undefined || typeof record.doc === 'string') &&
		typeof record.updatedAt === 'number' &&
		typeof record.title === 'string'
	);
}

/**
 * The record's document: inline in a record from before the split (every later save drops the
 * inline copy), otherwise from its own store, as a Blob or (saved before Blobs) as text.
 */
function storedDocumentOf(record: StoredRecord, doc: unknown): StoredDocument | null {
	if (typeof record.doc === 'string') return record.doc;
	if (typeof doc === 'string') return doc;
	return typeof Blob !== 'undefined' && doc instanceof Blob ? doc : null;
}

/** The document's JSON text; null when missing or unreadable. */
async function documentOf(record: StoredRecord, doc: unknown): Promise<string | null> {
	const stored = storedDocumentOf(record, doc);
	if (typeof stored === 'string' || stored === null) return stored;
	try {
		return await stored.text();
	} catch {
		// A Blob whose bytes the browser lost (cleared site data mid-read).
		return null;
	}
}

function jsonBlob(text: string): Blob {
	return new Blob([text], { type: 'application/json' });
}

/** Browsers that cannot keep Blobs in IndexedDB refuse them with this error. */
function isCloneError(error: unknown): boolean {
	return (
		(error instanceof Error || error instanceof DOMException) && error.name === 'DataCloneError'
	);
}

function withoutDoc(record: DraftRecord): StoredRecord {
	const rest: StoredRecord = { ...record };
	delete rest.doc;
	return rest;
}

function isThumbnail(value: unknown): value is string {
	return typeof value === 'string' && /^data:image\/(jpeg|png);base64,/.test(value);
}

export function cleanTitle(title: string): string {
	return title.replace(/\s+/g, ' ').trim().slice(0, MAX_TITLE_LENGTH);
}

export class LocalDrafts {
	#backend: DraftBackend;
	#now: () => number;
	/**
	 * The text of each draft this instance saved last, by key. The upload that follows every
	 * save needs exactly that text; reading megabytes back out of IndexedDB for it blocked the
	 * main thread while the child was drawing the next stroke.
	 */
	#written = new Map<string, { updatedAt: number; text: string; blob: Blob }>();
	/** This browser refused a Blob in IndexedDB once: documents are stored as text. */
	#textOnly = false;

	constructor(backend: DraftBackend, now: () => number = Date.now) {
		this.#backend = backend;
		this.#now = now;
	}

	async save(
		studentId: string,
		id: string,
		doc: DrawDocument,
		title: string,
		thumbnail?: string,
		/**
		 * The server revision this document was drawn from (null: none). Each open editor
		 * passes its own, so a stale tab's save is uploaded from its old revision and the
		 * server refuses it as a conflict instead of it landing over newer work.
		 * Undefined keeps the stored one.
		 */
		serverRevision?: number | null,
		/** The saving editor; its own upload may have advanced the stored revision meanwhile. */
		writer?: string
	): Promise<number> {
		const updatedAt = this.#now();
		const text = serializeDocument(doc);
		const record: StoredRecord = {
			studentId,
			id,
			updatedAt,
			title: cleanTitle(title),
			dirty: true
		};
		if (thumbnail && isThumbnail(thumbnail)) record.thumbnail = thumbnail;
		if (writer) record.writer = writer;
		const change = (old: unknown): StoredRecord => {
			// A snapshot of an older state is harmless: it no longer matches and is not used.
			if (isRecordOf(old, studentId) && isSnapshot(old.snapshot)) {
				record.snapshot = old.snapshot;
			}
			const stored =
				isRecordOf(old, studentId) && typeof old.serverRevision === 'number'
					? old.serverRevision
					: undefined;
			const isMine = writer !== undefined && isRecordOf(old, studentId) && old.writer === writer;
			if (serverRevision === undefined || (isMine && stored !== undefined)) {
				// The server revision this work continues from travels on with every local save;
				// for this editor's own record it may be newer than the editor knows yet (its
				// upload just finished).
				const base = Math.max(serverRevision ?? 0, stored ?? 0);
				if (base > 0) record.serverRevision = base;
			} else if (serverRevision !== null) record.serverRevision = serverRevision;
			return record;
		};
		const blob = jsonBlob(text);
		await this.#store(draftKey(studentId, id), change, text, blob);
		this.#written.set(draftKey(studentId, id), { updatedAt, text, blob });
		return updatedAt;
	}

	/** Writes record and document, the document as a Blob where this browser can keep one. */
	async #store(
		key: string,
		change: (old: unknown) => StoredRecord | undefined,
		text: string,
		blob: Blob
	): Promise<void> {
		if (!this.#textOnly) {
			try {
				return await this.#backend.update(key, change, blob);
			} catch (error) {
				if (!isCloneError(error)) throw error;
				this.#textOnly = true;
			}
		}
		await this.#backend.update(key, change, text);
	}

	/**
	 * Stores an ink raster beside an existing draft, after the document itself was saved (PNG
	 * encoding must never hold up saving the drawing).
	 */
	async saveSnapshot(studentId: string, id: string, snapshot: DraftSnapshot): Promise<void> {
		if (!isSnapshot(snapshot)) return;
		await this.#backend.update(draftKey(studentId, id), (old) => {
			if (!isRecordOf(old, studentId) || old.id !== id) return undefined;
			return { ...old, snapshot };
		});
	}

	/**
	 * The small record without its document (upload bookkeeping: is there anything to send?),
	 * or null when missing or not this student's.
	 */
	async meta(studentId: string, id: string): Promise<StoredRecord | null> {
		const record = await this.#backend.get(draftKey(studentId, id));
		return isRecordOf(record, studentId) && record.id === id ? record : null;
	}

	/**
	 * The stored record with its document's text (a conflict compares it with the server's), or
	 * null when missing or not this student's.
	 */
	async record(studentId: string, id: string): Promise<DraftRecord | null> {
		const found = await this.#read(studentId, id);
		if (!found) return null;
		if ('text' in found) return { ...found.record, doc: found.text };
		const text = await documentOf(found.record, found.doc);
		return text === null ? null : { ...found.record, doc: text };
	}

	/**
	 * The stored record with its document as the Blob to upload: the stored Blob itself, never
	 * a copy of its text made on the page. Null when missing or not this student's.
	 */
	async upload(studentId: string, id: string): Promise<UploadRecord | null> {
		const found = await this.#read(studentId, id);
		if (!found) return null;
		if ('blob' in found) return { ...found.record, doc: found.blob };
		const stored = storedDocumentOf(found.record, found.doc);
		if (stored === null) return null;
		// Saved before Blobs: the text is wrapped once, here.
		const rest: StoredRecord = { ...found.record };
		delete rest.doc;
		return { ...rest, doc: typeof stored === 'string' ? jsonBlob(stored) : stored };
	}

	/** The record and its document: this instance's last save if still current, else stored. */
	async #read(
		studentId: string,
		id: string
	): Promise<
		| { record: StoredRecord; text: string; blob: Blob }
		| { record: StoredRecord; doc: unknown }
		| null
	> {
		const key = draftKey(studentId, id);
		const written = this.#written.get(key);
		if (written) {
			// The small record decides: if it is still the save whose text is at hand, that text
			// is what the store holds too (both were written in one transaction).
			const record = await this.#backend.get(key);
			if (!isRecordOf(record, studentId) || record.id !== id) return null;
			if (record.doc === undefined && record.updatedAt === written.updatedAt) {
				return { record, text: written.text, blob: written.blob };
			}
			this.#written.delete(key);
		}
		const { record, doc } = await this.#backend.read(key);
		if (!isRecordOf(record, studentId) || record.id !== id) return null;
		return { record, doc };
	}

	/**
	 * Records that the save of `updatedAt` is now the server's `revision`. A newer local save
	 * made during the upload stays dirty (it is uploaded next, from this revision).
	 */
	async markSynced(
		studentId: string,
		id: string,
		updatedAt: number,
		revision: number
	): Promise<boolean> {
		let isClean = false;
		await this.#backend.update(draftKey(studentId, id), (old) => {
			if (!isRecordOf(old, studentId) || old.id !== id) return undefined;
			isClean = old.updatedAt === updatedAt;
			return { ...old, serverRevision: revision, dirty: !isClean, syncedAt: this.#now() };
		});
		return isClean;
	}

	/** Writes a whole record (a server copy, a conflict copy); the caller built it. */
	async put(record: DraftRecord): Promise<void> {
		const key = draftKey(record.studentId, record.id);
		this.#written.delete(key);
		const value: StoredRecord = { ...withoutDoc(record), title: cleanTitle(record.title) };
		await this.#store(key, () => value, record.doc, jsonBlob(record.doc));
	}

	async load(studentId: string, id: string): Promise<LoadResult> {
		const { record: value, doc } = await this.#backend.read(draftKey(studentId, id));
		if (value === undefined) return { status: 'missing' };
		// A record under this key that is not this student's shape is unreadable, not someone
		// else's drawing to show.
		if (!isRecordOf(value, studentId) || value.id !== id)
			return { status: 'unreadable', reason: 'corrupt' };
		const text = await documentOf(value, doc);
		if (text === null) return { status: 'unreadable', reason: 'corrupt' };
		const parsed = parseDocument(text);
		if (!parsed.ok) return { status: 'unreadable', reason: parsed.reason };
		const result: LoadResult = {
			status: 'ok',
			doc: parsed.doc,
			title: value.title,
			updatedAt: value.updatedAt
		};
		if (typeof value.serverRevision === 'number') result.serverRevision = value.serverRevision;
		if (isSnapshot(value.snapshot)) result.snapshot = value.snapshot;
		return result;
	}

	/** This student's drafts, newest first. */
	async list(studentId: string): Promise<DraftSummary[]> {
		const [lower, upper] = studentKeyRange(studentId);
		const values = await this.#backend.range(lower, upper);
		return values
			.filter((value) => isRecordOf(value, studentId))
			.map(({ id, title, updatedAt, thumbnail, serverRevision, dirty }) => ({
				id,
				title,
				updatedAt,
				// Only our own raster previews ever reach an <img src>.
				thumbnail: isThumbnail(thumbnail) ? thumbnail : undefined,
				serverRevision: typeof serverRevision === 'number' ? serverRevision : undefined,
				dirty: dirty !== false
			}))
			.sort((a, b) => b.updatedAt - a.updatedAt);
	}

	/**
	 * Shared PCs: on sign-out, drop this child's copies that are safely on the server (uploaded
	 * and unchanged since). Anything not yet uploaded stays, so nothing is ever lost.
	 */
	async removeUploaded(studentId: string): Promise<number> {
		const [lower, upper] = studentKeyRange(studentId);
		let removed = 0;
		for (const value of await this.#backend.range(lower, upper)) {
			if (!isRecordOf(value, studentId)) continue;
			if (value.dirty === false && typeof value.serverRevision === 'number') {
				await this.#backend.delete(draftKey(studentId, value.id));
				this.#written.delete(draftKey(studentId, value.id));
				removed++;
			}
		}
		return removed;
	}

	async remove(studentId: string, id: string): Promise<void> {
		this.#written.delete(draftKey(studentId, id));
		await this.#backend.delete(draftKey(studentId, id));
	}
}

/** Browser only. Throws where IndexedDB does not exist; callers show the "cannot save" message. */
export function openLocalDrafts(): LocalDrafts {
	if (typeof indexedDB === 'undefined') {
		throw new DOMException('IndexedDB is not available', 'InvalidStateError');
	}
	return new LocalDrafts(new IndexedDbBackend());
}
