import type { DraftBackend, DraftRecord } from '../local-drafts.ts';

/** IndexedDB stand-in for tests: string keys ordered by code unit, values cloned on write. */
export class MemoryBackend implements DraftBackend {
	map = new Map<string, unknown>();
	/** When set, every write fails with it (a full disk, a blocked database). */
	failWith: Error | null = null;

	async get(key: string) {
		return this.map.get(key);
	}

	async put(key: string, value: DraftRecord) {
		if (this.failWith) throw this.failWith;
		this.map.set(key, structuredClone(value));
	}

	async update(key: string, change: (old: unknown) => DraftRecord | undefined) {
		if (this.failWith) throw this.failWith;
		const next = change(structuredClone(this.map.get(key)));
		if (next !== undefined) this.map.set(key, structuredClone(next));
	}

	async delete(key: string) {
		this.map.delete(key);
	}

	async range(lower: string, upper: string) {
		return [...this.map.entries()]
			.filter(([key]) => key >= lower && key <= upper)
			.sort(([a], [b]) => (a < b ? -1 : 1))
			.map(([, value]) => value);
	}
}
