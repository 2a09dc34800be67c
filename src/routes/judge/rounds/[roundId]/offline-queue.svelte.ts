/**
 * What the judge's three offline queues (scores, pairs, panel orders) share: changes are kept
 * in localStorage before they are sent, so a dropped network, a closed tab or a flat battery
 * loses nothing; they are posted in order, one request at a time (a queue may send the first
 * item together with others that belong with it — the score queue an artwork's criteria that
 * piled up while the previous request travelled); a network error marks the judge
 * offline and a server hiccup (5xx, 429) waits, and both try again later; any other answer is
 * final and goes to the queue's own `settle`, which applies it and takes the item out (or
 * rebases it when a newer change was queued while it travelled). The server's saves are
 * idempotent, so sending an item twice does no harm.
 *
 * While the page reloads, the old page keeps running until the new one arrives, and the server
 * may read the judge's work for the new page before an item the old page is still sending gets
 * there. Were the old page to take that item out of localStorage when its answer came, the new
 * page would find it neither in what the server read nor in the queue, and show the work as not
 * done. So once the page starts to unload (`hold`) nothing more is sent or taken out: the new
 * page sends what is left, and the saves being idempotent, a second copy does no harm.
 */

/** The server's final answer to one request. */
export interface Answer {
	ok: boolean;
	status: number;
	body: Record<string, unknown>;
}

export const RETRY_MS = 5000;
/** How long a page that started to unload but is still here waits before sending again. */
export const HOLD_MS = 10_000;

export abstract class OfflineQueue<Item> {
	#pending = $state<Item[]>([]);
	#online = $state(true);
	#sending = $state(false);
	#timer: ReturnType<typeof setTimeout> | undefined;
	/** Until when sending is held because the page is unloading (0 = not held). */
	#heldUntil = 0;
	readonly #storageKey: string;

	constructor(storageKey: string) {
		this.#storageKey = storageKey;
	}

	/** Where an item is posted. */
	protected abstract urlOf(item: Item): string;
	/** Whether something read back from localStorage is still a valid item. */
	protected abstract accepts(saved: unknown): saved is Item;
	/**
	 * Applies the server's final answer to the items sent together and takes them out of (or
	 * rebases them in) the queue.
	 */
	protected abstract settle(sent: readonly Item[], answer: Answer): void;
	/** The items sent with the queue's first one, in one request; by default it goes alone. */
	protected batchOf(first: Item): readonly Item[] {
		return [first];
	}
	/** The request body carrying `items`; by default the one item itself. */
	protected bodyOf(items: readonly Item[]): unknown {
		return items[0];
	}
	/** Runs once the queue is empty (the pair queue tops its pairs up). */
	protected async afterFlush(): Promise<void> {}

	get pendingCount(): number {
		return this.#pending.length;
	}
	get sending(): boolean {
		return this.#sending;
	}
	get online(): boolean {
		return this.#online;
	}

	protected get pending(): readonly Item[] {
		return this.#pending;
	}

	/** Replaces the queue and writes it down at once, before anything is sent. */
	protected setPending(next: Item[]): void {
		this.#pending = next;
		try {
			localStorage.setItem(this.#storageKey, JSON.stringify(next));
		} catch {
			// Private mode or a full disk: the queue still lives in memory for this visit.
		}
	}

	protected markOffline(): void {
		this.#online = false;
	}

	/** Restores changes left from a previous visit (offline, closed tab) and starts sending them. */
	restore(): void {
		try {
			const raw = localStorage.getItem(this.#storageKey);
			const saved: unknown = raw ? JSON.parse(raw) : [];
			this.#pending = Array.isArray(saved) ? saved.filter((s) => this.accepts(s)) : [];
		} catch {
			this.#pending = [];
		}
		this.#online = navigator.onLine;
		void this.flush();
	}

	/**
	 * The page is unloading: send nothing more and keep every unsent item where the next page
	 * finds it. A page that stays after all (a cancelled navigation, or one restored from the
	 * back-forward cache) goes on after HOLD_MS, or at once through `resume`.
	 */
	hold(): void {
		this.#heldUntil = Date.now() + HOLD_MS;
		this.#retryLater(HOLD_MS);
	}

	resume(): void {
		this.#heldUntil = 0;
		void this.flush();
	}

	get #held(): boolean {
		return Date.now() < this.#heldUntil;
	}

	setOnline(online: boolean): void {
		this.#online = online;
		if (online) void this.flush();
	}

	/**
	 * Sends queued items one request at a time, each with what piled up behind it (batchOf);
	 * stops at the first failure and tries again later.
	 */
	async flush(): Promise<void> {
		if (this.#sending) return;
		if (this.#held) return this.#retryLater(this.#heldUntil - Date.now());
		this.#sending = true;
		clearTimeout(this.#timer);
		try {
			while (this.#pending.length > 0 && !this.#held) {
				const item = this.#pending[0]!;
				const sent = this.batchOf(item);
				let res: Response;
				try {
					res = await fetch(this.urlOf(item), {
						method: 'POST',
						headers: { 'content-type': 'application/json' },
						body: JSON.stringify(this.bodyOf(sent))
					});
				} catch {
					this.#online = false;
					this.#retryLater();
					return;
				}
				if (res.status >= 500 || res.status === 429) {
					this.#retryLater();
					return;
				}
				this.#online = true;
				const body = (await res.json().catch(() => ({}))) as Record<string, unknown>;
				// Unloading: the item stays queued, and the next page sends it again.
				if (this.#held) return this.#retryLater(this.#heldUntil - Date.now());
				const before = this.#pending;
				this.settle(sent, { ok: res.ok, status: res.status, body });
				// A settle that kept the queue as it was would send the same items forever.
				if (this.#pending === before) this.setPending(before.filter((p) => !sent.includes(p)));
			}
		} finally {
			this.#sending = false;
		}
		if (this.#pending.length === 0) await this.afterFlush();
	}

	#retryLater(ms = RETRY_MS): void {
		clearTimeout(this.#timer);
		this.#timer = setTimeout(() => void this.flush(), ms);
	}

	stop(): void {
		clearTimeout(this.#timer);
	}
}
