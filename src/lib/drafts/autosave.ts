/**
 * Decides when to write a draft: ~500 ms after the last change, but never later than `maxWait`
 * after the first unsaved one (a child drawing non-stop still gets saved every second), and at
 * once on `flush` (tab hidden, page closing). One write at a time; a change that arrives during
 * a write is saved right after it.
 */

export type SaveStatus = 'idle' | 'pending' | 'saving' | 'saved' | 'error';

export interface AutosaveOptions {
	save(): Promise<void>;
	onStatus(status: SaveStatus, error?: unknown): void;
	delay?: number;
	maxWait?: number;
}

export class Autosave {
	#save: () => Promise<void>;
	#onStatus: (status: SaveStatus, error?: unknown) => void;
	#delay: number;
	#maxWait: number;
	#timer: ReturnType<typeof setTimeout> | null = null;
	#firstChangeAt: number | null = null;
	#dirty = false;
	#running: Promise<void> | null = null;

	constructor(options: AutosaveOptions) {
		this.#save = options.save;
		this.#onStatus = options.onStatus;
		this.#delay = options.delay ?? 500;
		this.#maxWait = options.maxWait ?? 1000;
	}

	get isDirty(): boolean {
		return this.#dirty;
	}

	/** Call after every change to the drawing or its title. */
	changed(now = Date.now()): void {
		this.#dirty = true;
		this.#firstChangeAt ??= now;
		const wait = Math.max(0, Math.min(this.#delay, this.#firstChangeAt + this.#maxWait - now));
		if (this.#timer) clearTimeout(this.#timer);
		this.#timer = setTimeout(() => void this.flush(), wait);
		if (!this.#running) this.#onStatus('pending');
	}

	/** Saves now if anything is unsaved; resolves when the drawing is written (or failed). */
	async flush(): Promise<void> {
		if (this.#timer) clearTimeout(this.#timer);
		this.#timer = null;
		if (this.#running) {
			await this.#running;
			if (!this.#dirty) return;
		}
		if (!this.#dirty) return;
		this.#dirty = false;
		this.#firstChangeAt = null;
		this.#onStatus('saving');
		this.#running = this.#save().then(
			() => this.#onStatus(this.#dirty ? 'pending' : 'saved'),
			(error: unknown) => {
				// Still unsaved: the next change or flush tries again; the drawing stays in memory.
				this.#dirty = true;
				this.#onStatus('error', error);
			}
		);
		try {
			await this.#running;
		} finally {
			this.#running = null;
		}
	}

	dispose(): void {
		if (this.#timer) clearTimeout(this.#timer);
		this.#timer = null;
	}
}
