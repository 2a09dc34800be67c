import type { DraftBackend, StoredDocument, StoredRecord } from './local-drafts.ts';

/**
 * `LocalDrafts`' storage in the browser: one IndexedDB database with two object stores under
 * the same keys, the small records and, apart from them, the documents (see `local-drafts.ts`
 * for why). Tests use `testing/memory-backend.ts` instead.
 */

export const DRAFTS_DB_NAME = 'sprout-drafts';
const DRAFTS_DB_VERSION = 2;
const STORE = 'drafts';
const DOCS = 'docs';

export function request<T>(req: IDBRequest<T>): Promise<T> {
	return new Promise((resolve, reject) => {
		req.onsuccess = () => resolve(req.result);
		req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
	});
}

/** Resolves when the transaction is durable; quota errors often surface only here. */
export function done(tx: IDBTransaction): Promise<void> {
	return new Promise((resolve, reject) => {
		tx.oncomplete = () => resolve();
		tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
		tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
	});
}

/**
 * Opens (creating or upgrading) a database whose object stores use out-of-line keys: the
 * drafts and the submission queue each have their own.
 */
export function openDatabase(
	factory: IDBFactory,
	name: string,
	version: number,
	stores: readonly string[]
): Promise<IDBDatabase> {
	return new Promise((resolve, reject) => {
		const open = factory.open(name, version);
		open.onupgradeneeded = () => {
			const names = open.result.objectStoreNames;
			for (const store of stores) if (!names.contains(store)) open.result.createObjectStore(store);
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

export class IndexedDbBackend implements DraftBackend {
	#db: Promise<IDBDatabase>;

	constructor(factory: IDBFactory = indexedDB) {
		this.#db = openDatabase(factory, DRAFTS_DB_NAME, DRAFTS_DB_VERSION, [STORE, DOCS]);
	}

	async get(key: string): Promise<unknown> {
		const db = await this.#db;
		return request(db.transaction(STORE, 'readonly').objectStore(STORE).get(key));
	}

	async read(key: string): Promise<{ record: unknown; doc: unknown }> {
		const db = await this.#db;
		const tx = db.transaction([STORE, DOCS], 'readonly');
		const [record, doc] = await Promise.all([
			request(tx.objectStore(STORE).get(key)),
			request(tx.objectStore(DOCS).get(key))
		]);
		return { record, doc };
	}

	async put(key: string, value: StoredRecord, doc?: StoredDocument): Promise<void> {
		const db = await this.#db;
		const tx = db.transaction([STORE, DOCS], 'readwrite');
		tx.objectStore(STORE).put(value, key);
		if (doc !== undefined) tx.objectStore(DOCS).put(doc, key);
		await done(tx);
	}

	async delete(key: string): Promise<void> {
		const db = await this.#db;
		const tx = db.transaction([STORE, DOCS], 'readwrite');
		tx.objectStore(STORE).delete(key);
		tx.objectStore(DOCS).delete(key);
		await done(tx);
	}

	async update(
		key: string,
		change: (old: unknown) => StoredRecord | undefined,
		doc?: StoredDocument
	): Promise<void> {
		const db = await this.#db;
		const tx = db.transaction(doc === undefined ? [STORE] : [STORE, DOCS], 'readwrite');
		const store = tx.objectStore(STORE);
		const read = store.get(key);
		// Thrown here, an error would only abort the transaction as an AbortError: the caller
		// needs the real one (a DataCloneError where Blobs cannot be stored).
		let failure: unknown = null;
		read.onsuccess = () => {
			try {
				const next = change(read.result);
				if (next === undefined) return;
				store.put(next, key);
				if (doc !== undefined) tx.objectStore(DOCS).put(doc, key);
			} catch (error) {
				failure = error;
				tx.abort();
			}
		};
		await done(tx).catch((error: unknown) => {
			throw failure ?? error;
		});
	}

	async range(lower: string, upper: string): Promise<unknown[]> {
		const db = await this.#db;
		const store = db.transaction(STORE, 'readonly').objectStore(STORE);
		return request(store.getAll(IDBKeyRange.bound(lower, upper)));
	}
}
