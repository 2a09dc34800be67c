import {
	createDocument,
	type BoardSize,
	type DrawDocument,
	type Orientation
} from '$lib/draw/document';
import type { ParseFailure } from '$lib/draw/parse-document';
import { snapshotMatches } from '$lib/draw/checkpoints';
import { createId } from '$lib/draw/ids';
import { Autosave } from './autosave.ts';
import { classifyDraftError, type DraftSnapshot, type LocalDrafts } from './local-drafts.ts';

export type SaveState = 'new' | 'saving' | 'saved' | 'quota' | 'unavailable' | 'error';

export function isSaveError(state: SaveState): boolean {
	return state === 'quota' || state === 'unavailable' || state === 'error';
}

export interface DraftSessionOptions {
	studentId: string;
	drawingId: string;
	/** Paper for a drawing that has no draft yet (a contest's board, or an orientation). */
	board: Orientation | BoardSize;
	/** A contest's colouring page for a drawing that has no draft yet. */
	template?: string;
	/** Opens local storage; may throw where IndexedDB is missing or blocked. */
	openDrafts: () => LocalDrafts;
	newId: () => string;
	/** A small preview of the current picture, or null when the editor is gone. */
	makeThumbnail?: () => string | null;
	now?: () => number;
	/** Called after each successful local save (and after opening a local draft): uploads. */
	afterSave?: (drawingId: string) => void;
	/** The server's copy, for a drawing this computer does not have (a shared PC). */
	loadFromServer?: (drawingId: string) => Promise<ServerCopy>;
}

export type ServerCopy =
	| { status: 'ok'; doc: DrawDocument; text: string; title: string; revision: number }
	| { status: 'missing' | 'unreadable' | 'failed' };

const THUMBNAIL_INTERVAL_MS = 5000;
/** A full-board PNG costs encoding time: at most this often, plus when leaving. */
const SNAPSHOT_INTERVAL_MS = 5000;

/** Makes an ink raster of `doc`, or null when the open canvas does not show exactly `doc`. */
export type SnapshotSource = (doc: DrawDocument) => Promise<DraftSnapshot> | null;

let snapshotSource: SnapshotSource | null = null;

/**
 * The open drawing canvas offers rasters of its bitmap here (the page wires the session and
 * the canvas separately). Returns the function that withdraws the offer.
 */
export function setSnapshotSource(source: SnapshotSource): () => void {
	snapshotSource = source;
	return () => {
		if (snapshotSource === source) snapshotSource = null;
	};
}

/** Snapshots loaded with a draft, by the document they came with (one use each). */
const openedSnapshots = new WeakMap<DrawDocument, DraftSnapshot>();

/** The stored raster that came with `doc` when the session opened it, if any. */
export function takeOpenedSnapshot(doc: DrawDocument): DraftSnapshot | null {
	const snapshot = openedSnapshots.get(doc) ?? null;
	openedSnapshots.delete(doc);
	return snapshot;
}

/**
 * One open drawing's life on this computer: loads the draft, saves every change within about
 * a second, and reports a save state the child can read. An unreadable draft is never written
 * over: the session moves to a new id beside it. A failed save keeps the drawing in memory and
 * is retried with the next change or flush.
 */
export class DraftSession {
	#title = $state('');
	#saveState = $state<SaveState>('new');
	#unreadable = $state<ParseFailure | null>(null);
	#document = $state.raw<DrawDocument | null>(null);
	#drawingId: string;
	#options: DraftSessionOptions;
	#drafts: LocalDrafts | null = null;
	/** Kept here, not read from the editor, so a save during teardown still has the drawing. */
	#latest: DrawDocument | null = null;
	/** Something was drawn or renamed in this visit; untouched new paper is never stored. */
	#hasChanges = false;
	#thumbnail: string | undefined;
	/** The document the thumbnail shows (documents are immutable: a new object per change). */
	#thumbnailOf: DrawDocument | null = null;
	#thumbnailAt = 0;
	#wantsThumbnail = false;
	#autosave: Autosave;
	/** The server revision this editor's document continues from; null: never uploaded. */
	#serverRevision: number | null = null;
	/** This open editor, as the writer of its saves. */
	#writer = createId(10);
	#snapshotOf: DrawDocument | null = null;
	#snapshotAt = 0;
	#wantsSnapshot = false;
	/** A later save that catches the snapshot up with a change the throttle skipped. */
	#snapshotTimer: ReturnType<typeof setTimeout> | null = null;

	constructor(options: DraftSessionOptions) {
		this.#options = options;
		this.#drawingId = options.drawingId;
		this.#autosave = new Autosave({
			save: () => this.#save(),
			onStatus: (status, error) => {
				// While a failure stands, "saving…" would hide it: keep it until a save works.
				if ((status === 'pending' || status === 'saving') && !isSaveError(this.#saveState))
					this.#saveState = 'saving';
				else if (status === 'saved') this.#saveState = 'saved';
				else if (status === 'error') {
					const kind = classifyDraftError(error);
					this.#saveState = kind === 'unknown' ? 'error' : kind;
				}
			}
		});
	}

	get drawingId(): string {
		return this.#drawingId;
	}

	get title(): string {
		return this.#title;
	}

	get saveState(): SaveState {
		return this.#saveState;
	}

	/** Why the requested draft could not be opened (it was kept, untouched). */
	get unreadable(): ParseFailure | null {
		return this.#unreadable;
	}

	/** The document to open in the editor; null until `open` has finished. */
	get document(): DrawDocument | null {
		return this.#document;
	}

	/** Resolves once `document` is set. Returns the new id when the session moved away. */
	async open(): Promise<{ movedTo: string | null }> {
		let movedTo: string | null = null;
		try {
			this.#drafts = this.#options.openDrafts();
			const result = await this.#drafts.load(this.#options.studentId, this.#drawingId);
			if (result.status === 'ok') {
				this.#title = result.title;
				this.#saveState = 'saved';
				this.#serverRevision = result.serverRevision ?? null;
				if (result.snapshot) {
					openedSnapshots.set(result.doc, result.snapshot);
					// The stored raster already shows this document; one of an earlier save is
					// replaced by the next snapshot.
					if (snapshotMatches(result.snapshot.meta, result.doc)) this.#snapshotOf = result.doc;
				}
				this.#setDocument(result.doc);
				// No snapshot of this very document (an older draft, or the tab closed before the
				// last one was stored): store one soon, so the next opening is quick.
				if (this.#snapshotOf !== result.doc && result.doc.ops.length > 0) {
					this.#armSnapshotTimer(SNAPSHOT_INTERVAL_MS);
				}
				this.#options.afterSave?.(this.#drawingId);
				return { movedTo };
			}
			if (result.status === 'missing' && this.#options.loadFromServer) {
				const copy = await this.#options.loadFromServer(this.#drawingId);
				if (copy.status === 'ok') {
					await this.#drafts.put({
						studentId: this.#options.studentId,
						id: this.#drawingId,
						doc: copy.text,
						title: copy.title,
						updatedAt: (this.#options.now ?? Date.now)(),
						serverRevision: copy.revision,
						dirty: false
					});
					this.#title = copy.title;
					this.#saveState = 'saved';
					this.#serverRevision = copy.revision;
					this.#setDocument(copy.doc);
					this.#options.afterSave?.(this.#drawingId);
					return { movedTo };
				}
				if (copy.status === 'unreadable') {
					this.#unreadable = 'corrupt';
					movedTo = this.#options.newId();
					this.#drawingId = movedTo;
				}
			}
			if (result.status === 'unreadable') {
				this.#unreadable = result.reason;
				movedTo = this.#options.newId();
				this.#drawingId = movedTo;
			}
		} catch (error) {
			this.#drafts = null;
			this.#saveState = classifyDraftError(error) === 'quota' ? 'quota' : 'unavailable';
		}
		this.#setDocument(createDocument(this.#options.board, '#ffffff', this.#options.template));
		return { movedTo };
	}

	/**
	 * Opens another version of this drawing (the server's, after a conflict whose local work
	 * was kept as a copy). The editor remounts on the new `document`.
	 */
	replaceDocument(doc: DrawDocument, title: string, serverRevision: number): void {
		this.#title = title;
		this.#serverRevision = serverRevision;
		this.#hasChanges = false;
		this.#thumbnail = undefined;
		this.#thumbnailOf = null;
		this.#setDocument(doc);
	}

	/**
	 * An upload was accepted as `revision`. Later saves continue from it only if it carried
	 * this editor's work (`writer`); a stale tab must not adopt another tab's revision.
	 */
	uploaded(revision: number, writer: string | undefined): void {
		if (writer === this.#writer) this.#serverRevision = revision;
	}

	dismissUnreadable(): void {
		this.#unreadable = null;
	}

	documentChanged(doc: DrawDocument): void {
		this.#latest = doc;
		this.#hasChanges = true;
		this.#autosave.changed();
	}

	setTitle(title: string): void {
		this.#title = title;
		if (!this.#latest) return;
		this.#hasChanges = true;
		this.#autosave.changed();
	}

	/** Saves now (tab hidden, page closing, navigating away), with a fresh thumbnail. */
	flush(): Promise<void> {
		this.#wantsThumbnail = true;
		this.#wantsSnapshot = true;
		// A throttled thumbnail may lag the saved drawing; leaving is the moment to catch up.
		if (
			this.#hasChanges &&
			this.#drafts &&
			(this.#thumbnailOf !== this.#latest || this.#snapshotOf !== this.#latest)
		) {
			this.#autosave.changed();
		}
		return this.#autosave.flush();
	}

	dispose(): void {
		if (this.#snapshotTimer) clearTimeout(this.#snapshotTimer);
		this.#snapshotTimer = null;
		this.#autosave.dispose();
	}

	#setDocument(doc: DrawDocument): void {
		this.#latest = doc;
		this.#document = doc;
	}

	async #save(): Promise<void> {
		const doc = this.#latest;
		if (!doc) return;
		if (!this.#drafts) throw new DOMException('No local storage', 'InvalidStateError');
		this.#refreshThumbnail(doc);
		// The pixels are taken now; the PNG is stored once encoded, after the document.
		const snapshot = this.#makeSnapshot(doc);
		const { studentId } = this.#options;
		await this.#drafts.save(
			studentId,
			this.#drawingId,
			doc,
			this.#title,
			this.#thumbnail,
			this.#serverRevision,
			this.#writer
		);
		this.#options.afterSave?.(this.#drawingId);
		if (snapshot) void this.#storeSnapshot(snapshot, doc, this.#drafts, this.#drawingId);
	}

	async #storeSnapshot(
		made: Promise<DraftSnapshot>,
		doc: DrawDocument,
		drafts: LocalDrafts,
		drawingId: string
	): Promise<void> {
		try {
			await drafts.saveSnapshot(this.#options.studentId, drawingId, await made);
			this.#snapshotOf = doc;
		} catch {
			// Like the thumbnail, a snapshot only speeds up reopening; the drawing is saved.
		}
	}

	/**
	 * Catches the stored snapshot up with the document once the interval is over, so the last
	 * state of a session gets one. Stores only the raster (the document is saved already), and
	 * waits while a stroke is being drawn (the source has nothing to offer then).
	 */
	#armSnapshotTimer(wait: number): void {
		this.#snapshotTimer ??= setTimeout(() => {
			this.#snapshotTimer = null;
			const doc = this.#latest;
			const drafts = this.#drafts;
			if (!doc || !drafts || this.#snapshotOf === doc) return;
			// The canvas of a big drawing on a slow PC may not be up yet: ask again later.
			if (!snapshotSource) return this.#armSnapshotTimer(SNAPSHOT_INTERVAL_MS);
			let made: Promise<DraftSnapshot> | null;
			try {
				made = snapshotSource(doc);
			} catch {
				return;
			}
			if (!made) return this.#armSnapshotTimer(SNAPSHOT_INTERVAL_MS);
			this.#snapshotAt = (this.#options.now ?? Date.now)();
			void this.#storeSnapshot(made, doc, drafts, this.#drawingId);
		}, wait);
	}

	/** Starts an ink raster of `doc` when one is due (throttled, always when leaving). */
	#makeSnapshot(doc: DrawDocument): Promise<DraftSnapshot> | null {
		if (this.#snapshotOf === doc || !snapshotSource) return null;
		const now = (this.#options.now ?? Date.now)();
		const wait = this.#snapshotAt + SNAPSHOT_INTERVAL_MS - now;
		if (wait > 0 && !this.#wantsSnapshot) {
			// Catch up once the interval is over, so the last state of a session gets one.
			this.#armSnapshotTimer(wait);
			return null;
		}
		this.#wantsSnapshot = false;
		try {
			const made = snapshotSource(doc);
			if (!made) return null;
			this.#snapshotAt = now;
			// Awaited only after the document is saved; a failed save must not leave it unhandled.
			made.catch(() => undefined);
			return made;
		} catch {
			return null;
		}
	}

	/** A full-board pixel copy: at most every few seconds, and always when leaving. */
	#refreshThumbnail(doc: DrawDocument): void {
		const now = (this.#options.now ?? Date.now)();
		if (this.#thumbnailOf === doc || !this.#options.makeThumbnail) return;
		const isFresh = this.#thumbnail && now - this.#thumbnailAt < THUMBNAIL_INTERVAL_MS;
		if (isFresh && !this.#wantsThumbnail) return;
		this.#wantsThumbnail = false;
		try {
			const made = this.#options.makeThumbnail();
			if (!made) return;
			this.#thumbnail = made;
			this.#thumbnailOf = doc;
			this.#thumbnailAt = now;
		} catch {
			// A preview is a nicety; the drawing itself must still be saved.
		}
	}
}
