import { parseDocument, type ParseFailure } from '$lib/draw/parse-document';
import { serializeDocument, type DrawDocument } from '$lib/draw/document';

/**
 * Drafts kept in this browser's IndexedDB, so a closed tab, a crash or a power cut loses at
 * most the last second of drawing. Classroom PCs are shared: every read and delete is scoped to
 * one student, both by the key prefix and by the `studentId` stored in the record, so the next
 * child signing in on the same browser never sees another child's drafts.
 */

export const DRAFTS_DB_NAME = 'sprout-drafts';
const DRAFTS_DB_VERSION = 1;
const STORE = 'drafts';
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
}

/** What the draft list shows; the document itself stays in the database. */
export type DraftSummary = Pick<DraftRecord, 'id' | 'title' | 'updatedAt' | 'thumbnail'>;

export type LoadResult =
	| { status: 'missing' }
	| { status: 'ok'; doc: DrawDocument; title: string; updatedAt: number }
	| { status: 'unreadable'; reason: ParseFailure };

/** The few key-value operations the drafts need; IndexedDB in the browser, a Map in tests. */
export interface DraftBackend {
	get(key: string): Promise<unknown>;
	put(key: string, value: DraftRecord): Promise<void>;
	delete(key: string): Promise<void>;
	/** Values whose keys lie in [lower, upper]. */
	range(lower: string, upper: string): Promise<unknown[]>;
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

function isRecordOf(value: unknown, studentId: string): value is DraftRecord {
	if (typeof value !== 'object' || value === null) return false;
	const record = value as Record<string, unknown>;
	return (
		record.studentId === studentId &&
		typeof record.id === 'string' &&
		typeof record.doc === 'string' &&
		typeof record.updatedAt === 'number' &&
		typeof record.title === 'string'
	);
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

	constructor(backend: DraftBackend, now: () => number = Date.now) {
		this.#backend = backend;
		this.#now = now;
	}

	async save(
		studentId: string,
		id: string,
		doc: DrawDocument,
		title: string,
		thumbnail?: string
	): Promise<number> {
		const updatedAt = this.#now();
		const record: DraftRecord = {
			studentId,
			id,
			doc: serializeDocument(doc),
			updatedAt,
			title: cleanTitle(title)
		};
		if (thumbnail && isThumbnail(thumbnail)) record.thumbnail = thumbnail;
		await this.#backend.put(draftKey(studentId, id), record);
		return updatedAt;
	}

	async load(studentId: string, id: string): Promise<LoadResult> {
		const value = await this.#backend.get(draftKey(studentId, id));
		if (value === undefined) return { status: 'missing' };
		// A record under this key that is not this student's shape is unreadable, not someone
		// else's drawing to show.
		if (!isRecordOf(value, studentId) || value.id !== id)
			return { status: 'unreadable', reason: 'corrupt' };
		const parsed = parseDocument(value.doc);
		if (!parsed.ok) return { status: 'unreadable', reason: parsed.reason };
		return { status: 'ok', doc: parsed.doc, title: value.title, updatedAt: value.updatedAt };
	}

	/** This student's drafts, newest first. */
	async list(studentId: string): Promise<DraftSummary[]> {
		const [lower, upper] = studentKeyRange(studentId);
		const values = await this.#backend.range(lower, upper);
		return values
			.filter((value): value is DraftRecord => isRecordOf(value, studentId))
			.map(({ id, title, updatedAt, thumbnail }) => ({
				id,
				title,
				updatedAt,
				// Only our own raster previews ever reach an <img src>.
				thumbnail: isThumbnail(thumbnail) ? thumbnail : undefined
			}))
			.sort((a, b) => b.updatedAt - a.updatedAt);
	}

	async remove(studentId: string, id: string): Promise<void> {
		await this.#backend.delete(draftKey(studentId, id));
	}
}

function request<T>(req: IDBRequest<T>): Promise<T> {
	return new Promise((resolve, reject) => {
		req.onsuccess = () => resolve(req.result);
		req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
	});
}

/** Resolves when the transaction is durable; quota errors often surface only here. */
function done(tx: IDBTransaction): Promise<void> {
	return new Promise((resolve, reject) => {
		tx.oncomplete = () => resolve();
		tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
		tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
	});
}

export class IndexedDbBackend implements DraftBackend {
	#db: Promise<IDBDatabase>;

	constructor(factory: IDBFactory = indexedDB) {
		this.#db = new Promise((resolve, reject) => {
			const open = factory.open(DRAFTS_DB_NAME, DRAFTS_DB_VERSION);
			open.onupgradeneeded = () => {
				if (!open.result.objectStoreNames.contains(STORE)) open.result.createObjectStore(STORE);
			};
			open.onsuccess = () => {
				// Let a newer Sprout in another tab upgrade the database instead of blocking it.
				open.result.onversionchange = () => open.result.close();
				resolve(open.result);
			};
			open.onerror = () => reject(open.error ?? new Error('IndexedDB is not available'));
			open.onblocked = () => reject(new DOMException('IndexedDB is blocked', 'InvalidStateError'));
		});
	}

	async get(key: string): Promise<unknown> {
		const db = await this.#db;
		return request(db.transaction(STORE, 'readonly').objectStore(STORE).get(key));
	}

	async put(key: string, value: DraftRecord): Promise<void> {
		const db = await this.#db;
		const tx = db.transaction(STORE, 'readwrite');
		tx.objectStore(STORE).put(value, key);
		await done(tx);
	}

	async delete(key: string): Promise<void> {
		const db = await this.#db;
		const tx = db.transaction(STORE, 'readwrite');
		tx.objectStore(STORE).delete(key);
		await done(tx);
	}

	async range(lower: string, upper: string): Promise<unknown[]> {
		const db = await this.#db;
		const store = db.transaction(STORE, 'readonly').objectStore(STORE);
		return request(store.getAll(IDBKeyRange.bound(lower, upper)));
	}
}

/** Browser only. Throws where IndexedDB does not exist; callers show the "cannot save" message. */
export function openLocalDrafts(): LocalDrafts {
	if (typeof indexedDB === 'undefined') {
		throw new DOMException('IndexedDB is not available', 'InvalidStateError');
	}
	return new LocalDrafts(new IndexedDbBackend());
}
