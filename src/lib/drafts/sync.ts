import { parseDocument } from '$lib/draw/parse-document';
import type { DrawDocument } from '$lib/draw/document';
import { isMessageKey, type MessageKey } from '$lib/i18n/index';
import { DRAWINGS_API, getDrawing, putDrawing } from './drawings-api.ts';
import { cleanTitle, type DraftRecord, type LocalDrafts } from './local-drafts.ts';

/**
 * Uploads local drafts to the server, which keeps the safe copy. The copy in this browser stays
 * the source of truth while drawing: every successful local save schedules an upload of that
 * drawing (document + thumbnail), at most one request in flight per drawing, later saves
 * coalesced into the next request. Network errors and 5xx retry with exponential backoff
 * (1 s, 2 s, 4 s … 60 s) and at once when the browser comes back online. A conflict (a stale
 * tab or another computer saved first) keeps both: the local work becomes a new drawing, the
 * server's version is loaded under the original id. Nothing here ever deletes a drawing.
 */

export type SyncState = 'synced' | 'syncing' | 'offline' | 'error';

export interface SyncStatus {
	state: SyncState;
	/** Why uploading stopped, for 'error'. */
	error?: MessageKey;
}

export interface ConflictResolution {
	/** The drawing that conflicted; it now holds the server's version. */
	id: string;
	doc: DrawDocument;
	title: string;
	revision: number;
	/** The new local drawing holding this computer's version. */
	copyId: string;
	copyTitle: string;
}

export interface SyncOptions {
	studentId: string;
	drafts: LocalDrafts;
	fetch: typeof fetch;
	newId: () => string;
	/** The translated "(copy)" added to a conflict copy's title. */
	copySuffix: string;
	/** The title a conflict copy gets when the drawing had none. */
	untitled: string;
	onStatus?: (id: string, status: SyncStatus) => void;
	onConflict?: (resolution: ConflictResolution) => void;
	/** The server accepted an upload of `id` as `revision`. */
	onUploaded?: (id: string, revision: number, writer: string | undefined) => void;
	/** Where `online`/`offline` events arrive; the window in a browser. */
	events?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'> | null;
	isOnline?: () => boolean;
	/**
	 * Runs one drawing's upload exclusively across tabs and pages of this browser (the editor
	 * and the list may both find it waiting). Web Locks where available.
	 */
	lock?: (name: string, task: () => Promise<void>) => Promise<void>;
	/** Wait after a local save before uploading, so a burst of saves makes one request. */
	debounceMs?: number;
	/**
	 * True while an upload should not start yet (the child is in the middle of a stroke:
	 * encoding megabytes for the request would take frames from the ink). Checked again soon.
	 */
	isBusy?: () => boolean;
	/**
	 * Bytes per second a drawing's uploads may average: the next upload of a drawing waits at
	 * least its last upload's size divided by this since that upload started.
	 */
	uploadBudget?: number;
	baseDelayMs?: number;
	maxDelayMs?: number;
	apiBase?: string;
}

/**
 * A big drawing is not sent again after every stroke: 6 MB a second would fill a school's
 * link and keep the classroom PC busy while the child draws. It is safe here within a second
 * either way; the server copy follows at this average pace (and at once when leaving).
 */
const UPLOAD_BUDGET_BYTES_PER_S = 256 * 1024;
/** How soon a deferred upload looks again whether the stroke is over. */
const BUSY_RETRY_MS = 250;

interface Entry {
	status: SyncStatus;
	/** When the last upload started, and how big it was (for `uploadBudget`). */
	lastUpload?: { at: number; bytes: number };
	running: Promise<void> | null;
	again: boolean;
	attempt: number;
	timer: ReturnType<typeof setTimeout> | null;
	/** A local save (its updatedAt) the server refused for good (too large, damaged). */
	refused: number | null;
	/** Stopped until the next local save or coming online (signed out, refused). */
	stopped: boolean;
}

class RetryLater extends Error {
	/** What to tell the child while waiting, when the server said why (a quota's rate limit). */
	readonly reason: MessageKey | null;
	constructor(reason: MessageKey | null = null) {
		super('retry later');
		this.reason = reason;
	}
}

export function backoffDelay(attempt: number, base = 1000, max = 60_000): number {
	return Math.min(max, base * 2 ** Math.max(0, attempt));
}

/** `data:image/jpeg;base64,…` → bytes; null for anything else. */
export function dataUrlToBlob(dataUrl: string): Blob | null {
	const match = /^data:(image\/(?:jpeg|png|webp));base64,([A-Za-z0-9+/=]+)$/.exec(dataUrl);
	if (!match) return null;
	const binary = atob(match[2]!);
	const bytes = new Uint8Array(binary.length);
	for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
	return new Blob([bytes], { type: match[1] });
}

export function copyTitle(title: string, suffix: string, untitled: string): string {
	const base = title.trim() || untitled;
	const room = 60 - suffix.length - 1;
	return cleanTitle(`${[...base].slice(0, Math.max(1, room)).join('')} ${suffix}`);
}

export class DrawingSync {
	#o: SyncOptions;
	#entries = new Map<string, Entry>();
	#disposed = false;
	#onOnline = () => this.retryAll();
	#onOffline = () => {
		for (const [id, entry] of this.#entries) {
			if (entry.status.state === 'syncing' || entry.timer) this.#set(id, { state: 'offline' });
		}
	};

	constructor(options: SyncOptions) {
		this.#o = options;
		options.events?.addEventListener('online', this.#onOnline);
		options.events?.addEventListener('offline', this.#onOffline);
	}

	status(id: string): SyncStatus | null {
		return this.#entries.get(id)?.status ?? null;
	}

	/** Call after each successful local save of `id`. */
	schedule(id: string, { immediately = false } = {}): void {
		if (this.#disposed) return;
		const entry = this.#entry(id);
		entry.stopped = false;
		if (entry.running) {
			entry.again = true;
			return;
		}
		if (!this.#online()) {
			this.#set(id, { state: 'offline' });
			return;
		}
		if (entry.status.state !== 'error') this.#set(id, { state: 'syncing' });
		this.#arm(id, entry, immediately ? 0 : this.#nextDelay(entry));
	}

	/** Uploads now whatever waits (coming online, leaving the page). */
	retryAll(): void {
		for (const [id, entry] of this.#entries) {
			if (entry.running) continue;
			if (entry.status.state === 'synced') continue;
			entry.attempt = 0;
			entry.stopped = false;
			this.#arm(id, entry, 0);
		}
	}

	/** Resolves once nothing is in flight for `id` (for tests and leaving). */
	async settled(id: string): Promise<void> {
		let entry = this.#entries.get(id);
		while (entry?.running) {
			await entry.running;
			entry = this.#entries.get(id);
		}
	}

	dispose(): void {
		this.#disposed = true;
		this.#o.events?.removeEventListener('online', this.#onOnline);
		this.#o.events?.removeEventListener('offline', this.#onOffline);
		for (const entry of this.#entries.values()) {
			if (entry.timer) clearTimeout(entry.timer);
			entry.timer = null;
		}
	}

	#online(): boolean {
		return this.#o.isOnline ? this.#o.isOnline() : true;
	}

	#entry(id: string): Entry {
		let entry = this.#entries.get(id);
		if (!entry) {
			entry = {
				status: { state: 'synced' },
				running: null,
				again: false,
				attempt: 0,
				timer: null,
				refused: null,
				stopped: false
			};
			this.#entries.set(id, entry);
		}
		return entry;
	}

	#set(id: string, status: SyncStatus): void {
		const entry = this.#entry(id);
		entry.status = status;
		this.#o.onStatus?.(id, status);
	}

	#nextDelay(entry: Entry): number {
		const debounce = this.#o.debounceMs ?? 400;
		if (!entry.lastUpload) return debounce;
		const budget = this.#o.uploadBudget ?? UPLOAD_BUDGET_BYTES_PER_S;
		const due = entry.lastUpload.at + (entry.lastUpload.bytes / budget) * 1000;
		return Math.max(debounce, due - Date.now());
	}

	#arm(id: string, entry: Entry, delay: number): void {
		if (entry.timer) clearTimeout(entry.timer);
		entry.timer = setTimeout(() => {
			entry.timer = null;
			if (this.#o.isBusy?.() && !this.#disposed) return this.#arm(id, entry, BUSY_RETRY_MS);
			void this.#run(id, entry);
		}, delay);
	}

	async #run(id: string, entry: Entry): Promise<void> {
		if (this.#disposed || entry.running) return;
		entry.again = false;
		const lock = this.#o.lock ?? browserLock;
		entry.running = lock(`sprout-sync:${this.#o.studentId}:${id}`, () =>
			this.#upload(id, entry)
		).catch((error: unknown) => {
			if (error instanceof RetryLater) {
				const wait = backoffDelay(entry.attempt++, this.#o.baseDelayMs, this.#o.maxDelayMs);
				this.#set(
					id,
					error.reason ? { state: 'error', error: error.reason } : { state: 'offline' }
				);
				if (!this.#disposed) this.#arm(id, entry, wait);
				return;
			}
			entry.stopped = true;
			this.#set(id, { state: 'error', error: 'save.error' });
		});
		try {
			await entry.running;
		} finally {
			entry.running = null;
		}
		if (entry.again && !entry.stopped && !this.#disposed) {
			entry.again = false;
			if (entry.timer) return;
			this.#arm(id, entry, this.#nextDelay(entry));
		}
	}

	async #upload(id: string, entry: Entry): Promise<void> {
		const { drafts, studentId } = this.#o;
		// The small record first: opening a big drawing that is already on the server must not
		// read its whole document out of IndexedDB just to learn there is nothing to send.
		const meta = await drafts.meta(studentId, id);
		if (!meta) return;
		if (meta.dirty === false) {
			this.#set(id, { state: 'synced' });
			return;
		}
		if (entry.refused === meta.updatedAt) return;
		if (!this.#online()) throw new RetryLater();
		const record = await drafts.upload(studentId, id);
		if (!record) return;
		if (record.dirty === false) return this.#set(id, { state: 'synced' });
		this.#set(id, { state: 'syncing' });

		// The stored Blob itself: no copy of a big drawing's text is made on the page.
		const doc = record.doc;
		entry.lastUpload = { at: Date.now(), bytes: doc.size };
		const upload = {
			baseRevision: record.serverRevision ?? null,
			title: record.title,
			doc,
			thumb: record.thumbnail ? dataUrlToBlob(record.thumbnail) : null
		};
		const response = await reachable(() => putDrawing(this.#o.fetch, id, upload, this.#apiBase));
		if (response.ok) {
			const result = (await response.json()) as { revision: number };
			const isClean = await drafts.markSynced(studentId, id, record.updatedAt, result.revision);
			entry.attempt = 0;
			this.#o.onUploaded?.(id, result.revision, record.writer);
			if (isClean) this.#set(id, { state: 'synced' });
			else entry.again = true;
			return;
		}
		const error = await errorKey(response);
		if (response.status === 409) {
			await this.#keepBoth(id, entry);
			return;
		}
		if (response.status >= 500 || response.status === 429)
			throw new RetryLater(response.status === 429 ? error : null);
		// Refused for good (too large, damaged, session over): stays safe here, not retried
		// until the child changes the drawing again.
		entry.refused = record.updatedAt;
		entry.stopped = true;
		this.#set(id, {
			state: 'error',
			error: isSignedOut(response) ? 'sync.signedOut' : (error ?? 'save.error')
		});
	}

	/** The server has newer work: keep this computer's as a copy, open the server's. */
	async #keepBoth(id: string, entry: Entry): Promise<void> {
		const { drafts, studentId } = this.#o;
		const answer = await reachable(() => getDrawing(this.#o.fetch, id, { apiBase: this.#apiBase }));
		if (answer.status === 'refused') {
			const { response } = answer;
			if (response.status >= 500) throw new RetryLater();
			entry.stopped = true;
			this.#set(id, {
				state: 'error',
				error: isSignedOut(response) ? 'sync.signedOut' : 'drawing.error.conflict'
			});
			return;
		}
		const parsed = answer.status === 'ok' ? parseDocument(answer.drawing.text) : null;
		if (answer.status !== 'ok' || !parsed?.ok) {
			entry.stopped = true;
			this.#set(id, { state: 'error', error: 'drawing.error.corrupt' });
			return;
		}
		const { text, title, revision } = answer.drawing;
		// Read again: the child may have drawn more while the request was out.
		const local = await drafts.record(studentId, id);
		if (!local) return;
		if (local.doc === text) {
			// The same work reached the server another way (another tab, the list page).
			await drafts.markSynced(studentId, id, local.updatedAt, revision);
			entry.attempt = 0;
			this.#o.onUploaded?.(id, revision, local.writer);
			this.#set(id, { state: 'synced' });
			return;
		}
		const copyId = this.#o.newId();
		const copyName = copyTitle(local.title, this.#o.copySuffix, this.#o.untitled);
		const copy: DraftRecord = { ...local, id: copyId, title: copyName, dirty: true };
		delete copy.serverRevision;
		delete copy.syncedAt;
		await drafts.put(copy);
		await drafts.put({
			studentId,
			id,
			doc: text,
			title,
			updatedAt: Date.now(),
			serverRevision: revision,
			dirty: false,
			syncedAt: Date.now()
		});
		entry.attempt = 0;
		entry.again = false;
		this.#set(id, { state: 'synced' });
		this.#o.onConflict?.({
			id,
			doc: parsed.doc,
			title,
			revision,
			copyId,
			copyTitle: copyName
		});
		this.schedule(copyId, { immediately: true });
	}

	get #apiBase(): string {
		return this.#o.apiBase ?? DRAWINGS_API;
	}
}

/** A request that gets no answer at all (offline, blocked) is tried again later. */
async function reachable<T>(request: () => Promise<T>): Promise<T> {
	try {
		return await request();
	} catch {
		throw new RetryLater();
	}
}

function browserLock(name: string, task: () => Promise<void>): Promise<void> {
	const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
	return locks ? locks.request(name, task) : task();
}

function isSignedOut(response: Response): boolean {
	return (
		response.status === 401 ||
		response.status === 403 ||
		response.type === 'opaqueredirect' ||
		(response.status >= 300 && response.status < 400)
	);
}

async function errorKey(response: Response): Promise<MessageKey | null> {
	try {
		const body = (await response.clone().json()) as { error?: unknown };
		return isMessageKey(body.error) ? body.error : null;
	} catch {
		return null;
	}
}

/** Fetches the server's copy of a drawing for opening on this computer. */
export async function fetchServerDrawing(
	fetchFn: typeof fetch,
	id: string,
	apiBase = DRAWINGS_API
): Promise<
	| { status: 'ok'; doc: DrawDocument; text: string; title: string; revision: number }
	| { status: 'missing' }
	| { status: 'unreadable' }
	| { status: 'failed' }
> {
	let answer: Awaited<ReturnType<typeof getDrawing>>;
	try {
		answer = await getDrawing(fetchFn, id, { apiBase });
	} catch {
		return { status: 'failed' };
	}
	if (answer.status === 'refused') {
		return { status: answer.response.status === 404 ? 'missing' : 'failed' };
	}
	if (answer.status === 'unreadable') return { status: 'unreadable' };
	const parsed = parseDocument(answer.drawing.text);
	if (!parsed.ok) return { status: 'unreadable' };
	return { status: 'ok', doc: parsed.doc, ...answer.drawing };
}
