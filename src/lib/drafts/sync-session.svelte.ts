import type { MessageKey } from '$lib/i18n/index';
import type { ServerCopy } from './draft-session.svelte.ts';
import { openLocalDrafts, type LocalDrafts } from './local-drafts.ts';
import {
	DrawingSync,
	fetchServerDrawing,
	type ConflictResolution,
	type SyncStatus
} from './sync.ts';

export interface SyncSessionOptions {
	studentId: string;
	/** The drawing the page shows now (it can move to a new id). */
	currentId: () => string;
	newId: () => string;
	/** Translated words, read when needed (the child may switch language). */
	copySuffix: () => string;
	untitled: () => string;
	onConflict: (resolution: ConflictResolution) => void;
	onUploaded: (id: string, revision: number, writer: string | undefined) => void;
	openDrafts?: () => LocalDrafts;
	fetch?: typeof fetch;
	/** True while the child is drawing a stroke: an upload waits for the pen to lift. */
	isBusy?: () => boolean;
}

/** The editor's upload state, reactive for the page; one per open editor. */
export class SyncSession {
	#status = $state.raw<SyncStatus | null>(null);
	#conflict = $state.raw<ConflictResolution | null>(null);
	#sync: DrawingSync | null = null;
	#options: SyncSessionOptions;
	#fetch: typeof fetch;

	constructor(options: SyncSessionOptions) {
		this.#options = options;
		this.#fetch = options.fetch ?? ((input, init) => fetch(input, init));
	}

	get status(): SyncStatus | null {
		return this.#status;
	}

	/** The last conflict, until the child dismisses its message. */
	get conflict(): ConflictResolution | null {
		return this.#conflict;
	}

	/** The message to show in a banner, if any. */
	get message(): MessageKey | null {
		return this.#status?.state === 'error' ? (this.#status.error ?? 'save.error') : null;
	}

	dismissConflict(): void {
		this.#conflict = null;
	}

	schedule(id: string): void {
		this.#get()?.schedule(id);
	}

	loadFromServer(id: string): Promise<ServerCopy> {
		return fetchServerDrawing(this.#fetch, id);
	}

	/**
	 * Uploads what waits now and resolves once `id` is on the server, or uploading stopped
	 * (offline, refused) or took longer than `timeoutMs`: the caller moves on either way.
	 */
	async uploadNow(id: string, timeoutMs = 10_000): Promise<void> {
		const sync = this.#get();
		if (!sync) return;
		sync.retryAll();
		const deadline = Date.now() + timeoutMs;
		while (sync.status(id)?.state === 'syncing' && Date.now() < deadline) {
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
	}

	/** Leaving the editor: what waits is uploaded now; retries stop with the page. */
	leave(): void {
		const sync = this.#sync;
		if (!sync) return;
		sync.retryAll();
		// Give started uploads their chance; timers set after this are not kept.
		setTimeout(() => sync.dispose(), 0);
	}

	#get(): DrawingSync | null {
		if (this.#sync) return this.#sync;
		const o = this.#options;
		let drafts: LocalDrafts;
		try {
			drafts = (o.openDrafts ?? openLocalDrafts)();
		} catch {
			return null;
		}
		this.#sync = new DrawingSync({
			studentId: o.studentId,
			drafts,
			fetch: this.#fetch,
			newId: o.newId,
			get copySuffix() {
				return o.copySuffix();
			},
			get untitled() {
				return o.untitled();
			},
			events: typeof window === 'undefined' ? null : window,
			isOnline: () => typeof navigator === 'undefined' || navigator.onLine !== false,
			...(o.isBusy ? { isBusy: o.isBusy } : {}),
			onStatus: (id, status) => {
				if (id === o.currentId()) this.#status = status;
			},
			onUploaded: o.onUploaded,
			onConflict: (resolution) => {
				this.#conflict = resolution;
				o.onConflict(resolution);
			}
		});
		return this.#sync;
	}
}
