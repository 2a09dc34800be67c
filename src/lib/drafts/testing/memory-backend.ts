import type { DraftBackend, StoredDocument, StoredRecord } from '../local-drafts.ts';

/**
 * IndexedDB stand-in for tests: string keys ordered by code unit, values cloned on write,
 * records and documents in two maps like the two object stores.
 */
export class MemoryBackend implements DraftBackend {
	map = new Map<string, unknown>();
	docs = new Map<string, StoredDocument>();
	/** When set, every write fails with it (a full disk, a blocked database). */
	failWith: Error | null = null;

	async get(key: string) {
		return this.map.get(key);
	}

	async read(key: string) {
		return { record: structuredClone(this.map.get(key)), doc: this.docs.get(key) };
	}

	async put(key: string, value: StoredRecord, doc?: StoredDocument) {
		if (this.failWith) throw this.failWith;
		this.map.set(key, structuredClone(value));
		if (doc !== undefined) this.docs.set(key, doc);
	}

	async update(
		key: string,
		change: (old: unknown) => StoredRecord | undefined,
		doc?: StoredDocument
	) {
		if (this.failWith) throw this.failWith;
		const next = change(structuredClone(this.map.get(key)));
		if (next === undefined) return;
		this.map.set(key, structuredClone(next));
		if (doc !== undefined) this.docs.set(key, doc);
	}

	async delete(key: string) {
		this.map.delete(key);
		this.docs.delete(key);
	}

	async range(lower: string, upper: string) {
		return [...this.map.entries()]
			.filter(([key]) => key >= lower && key <= upper)
			.sort(([a], [b]) => (a < b ? -1 : 1))
			.map(([, value]) => value);
	}
}
