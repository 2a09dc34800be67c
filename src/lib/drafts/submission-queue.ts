import { done, openDatabase, request } from './indexeddb-backend.ts';

/**
 * Entries on their way to the server, kept in this browser's IndexedDB until the server has
 * them: a refresh, the back button or a closed tab in the middle of an upload must not lose
 * the picture or the words the child typed. The record keeps the idempotency key, so resuming
 * can never make a second entry. Scoped to one student like the drafts (shared classroom PCs).
 */

export const QUEUE_DB_NAME = 'sprout-submissions';
const STORE = 'pending';

export interface PendingSubmission {
	studentId: string;
	drawingId: string;
	contestId: string;
	age: number;
	title: string;
	about: string;
	/** Sent as Idempotency-Key on every try of this submission. */
	key: string;
	/** The rendered PNG, so resuming does not render the drawing again. */
	image: Blob;
	queuedAt: number;
}

/** Key-value storage of the queue; IndexedDB in the browser, a Map in tests. */
export interface QueueBackend {
	get(key: string): Promise<unknown>;
	put(key: string, value: PendingSubmission): Promise<void>;
	delete(key: string): Promise<void>;
	/** Values whose keys lie in [lower, upper]. */
	range(lower: string, upper: string): Promise<unknown[]>;
}

/** One submission in flight per drawing: sending it again replaces the queued one. */
export function queueKey(studentId: string, drawingId: string): string {
	return `${studentId}:${drawingId}`;
}

function isPendingOf(value: unknown, studentId: string): value is PendingSubmission {
	if (typeof value !== 'object' || value === null) return false;
	const v = value as Record<string, unknown>;
	return (
		v.studentId === studentId &&
		typeof v.drawingId === 'string' &&
		typeof v.contestId === 'string' &&
		Number.isInteger(v.age) &&
		typeof v.title === 'string' &&
		typeof v.about === 'string' &&
		typeof v.key === 'string' &&
		v.key.length > 0 &&
		typeof v.queuedAt === 'number' &&
		typeof Blob !== 'undefined' &&
		v.image instanceof Blob
	);
}

export class SubmissionQueue {
	#backend: QueueBackend;

	constructor(backend: QueueBackend) {
		this.#backend = backend;
	}

	async add(submission: PendingSubmission): Promise<void> {
		await this.#backend.put(queueKey(submission.studentId, submission.drawingId), submission);
	}

	/** The queued submission of this drawing, if this student has one; anything else is ignored. */
	async find(studentId: string, drawingId: string): Promise<PendingSubmission | null> {
		const value = await this.#backend.get(queueKey(studentId, drawingId));
		return isPendingOf(value, studentId) && value.drawingId === drawingId ? value : null;
	}

	async list(studentId: string): Promise<PendingSubmission[]> {
		const values = await this.#backend.range(`${studentId}:`, `${studentId}:\uffff`);
		return values
			.filter((v): v is PendingSubmission => isPendingOf(v, studentId))
			.sort((a, b) => a.queuedAt - b.queuedAt);
	}

	/** The server has it (or refused it for good): it leaves the queue. */
	async remove(studentId: string, drawingId: string): Promise<void> {
		await this.#backend.delete(queueKey(studentId, drawingId));
	}

	/** The server asked for a fresh key (the submission changed): later tries use it. */
	async rekey(studentId: string, drawingId: string, key: string): Promise<void> {
		const current = await this.find(studentId, drawingId);
		if (current) await this.add({ ...current, key });
	}
}

class IndexedDbQueueBackend implements QueueBackend {
	#db: Promise<IDBDatabase>;

	constructor(factory: IDBFactory) {
		this.#db = openDatabase(factory, QUEUE_DB_NAME, 1, [STORE]);
	}

	async get(key: string): Promise<unknown> {
		const db = await this.#db;
		return request(db.transaction(STORE, 'readonly').objectStore(STORE).get(key));
	}

	async put(key: string, value: PendingSubmission): Promise<void> {
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

/** Browser only; null where IndexedDB is missing (the upload then simply is not durable). */
export function openSubmissionQueue(): SubmissionQueue | null {
	if (typeof indexedDB === 'undefined') return null;
	return new SubmissionQueue(new IndexedDbQueueBackend(indexedDB));
}
