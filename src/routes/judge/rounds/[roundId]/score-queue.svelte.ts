/**
 * The judge's scores as the screen shows them, plus the saves not yet confirmed by the server.
 * Every change is written to localStorage before it is sent, so a dropped network, a closed tab
 * or a flat battery loses nothing: the queue is sent again when the page (or the network) is
 * back. Saves are idempotent on the server, so sending one twice is harmless.
 */

export interface Pending {
	handle: string;
	criterionId: string;
	value: number | null;
	/** Revision the server last confirmed for this score (0 = none). */
	base: number;
}

export interface ScoreCell {
	value: number;
	revision: number;
}

export type Notice =
	{ kind: 'conflict' } | { kind: 'refused'; message: string } | { kind: 'closed'; message: string };

type Scores = Record<string, Record<string, ScoreCell>>;

const key = (handle: string, criterionId: string) => `${handle}\u0000${criterionId}`;

export class ScoreQueue {
	#scores = $state<Scores>({});
	#pending = $state<Pending[]>([]);
	#sending = $state(false);
	#online = $state(true);
	#notice = $state<Notice | null>(null);
	#doneCount = $state(0);
	#total = $state(0);
	readonly #storageKey: string;
	readonly #url: string;
	#timer: ReturnType<typeof setTimeout> | undefined;

	/** `endpoint`: 'scores' (rubric) or 'votes' (screening), which take the same body. */
	constructor(
		roundId: string,
		initial: Scores,
		progress: { done: number; total: number },
		endpoint: 'scores' | 'votes' = 'scores'
	) {
		this.#storageKey = `sprout.judge.queue.${roundId}`;
		this.#url = `/judge/rounds/${roundId}/${endpoint}`;
		this.#scores = initial;
		this.#doneCount = progress.done;
		this.#total = progress.total;
	}

	get pendingCount(): number {
		return this.#pending.length;
	}
	get sending(): boolean {
		return this.#sending;
	}
	get online(): boolean {
		return this.#online;
	}
	get notice(): Notice | null {
		return this.#notice;
	}
	get doneCount(): number {
		return this.#doneCount;
	}
	get total(): number {
		return this.#total;
	}

	dismissNotice(): void {
		this.#notice = null;
	}

	/** Value shown for a criterion: the queued one if any, else the server's. */
	valueOf(handle: string, criterionId: string): number | null {
		const queued = this.#pending.find(
			(p) => key(p.handle, p.criterionId) === key(handle, criterionId)
		);
		if (queued) return queued.value;
		return this.#scores[handle]?.[criterionId]?.value ?? null;
	}

	isComplete(handle: string, criterionIds: readonly string[]): boolean {
		return criterionIds.every((c) => this.valueOf(handle, c) !== null);
	}

	/** Restores saves left from a previous visit (offline, closed tab) and starts sending them. */
	restore(): void {
		try {
			const raw = localStorage.getItem(this.#storageKey);
			const saved = raw ? (JSON.parse(raw) as Pending[]) : [];
			if (Array.isArray(saved)) this.#pending = saved.filter((p) => typeof p?.handle === 'string');
		} catch {
			this.#pending = [];
		}
		this.#online = navigator.onLine;
		void this.flush();
	}

	setOnline(online: boolean): void {
		this.#online = online;
		if (online) void this.flush();
	}

	/** Records a change locally at once, then sends it. */
	set(handle: string, criterionId: string, value: number | null): void {
		const k = key(handle, criterionId);
		const existing = this.#pending.find((p) => key(p.handle, p.criterionId) === k);
		if (existing) {
			// Still unsent: only the latest value matters, from the same confirmed base.
			this.#pending = this.#pending.map((p) => (p === existing ? { ...p, value } : p));
		} else {
			const base = this.#scores[handle]?.[criterionId]?.revision ?? 0;
			this.#pending = [...this.#pending, { handle, criterionId, value, base }];
		}
		this.#persist();
		void this.flush();
	}

	#persist(): void {
		try {
			localStorage.setItem(this.#storageKey, JSON.stringify(this.#pending));
		} catch {
			// Private mode or a full disk: the queue still lives in memory for this visit.
		}
	}

	#drop(item: Pending): void {
		this.#pending = this.#pending.filter(
			(p) =>
				!(p.handle === item.handle && p.criterionId === item.criterionId && p.value === item.value)
		);
		this.#persist();
	}

	#store(handle: string, criterionId: string, value: number | null, revision: number): void {
		const row = { ...(this.#scores[handle] ?? {}) };
		if (value === null) delete row[criterionId];
		else row[criterionId] = { value, revision };
		this.#scores = { ...this.#scores, [handle]: row };
	}

	/** Sends queued saves one by one; stops at the first network failure and retries later. */
	async flush(): Promise<void> {
		if (this.#sending) return;
		this.#sending = true;
		clearTimeout(this.#timer);
		try {
			while (this.#pending.length > 0) {
				const item = this.#pending[0]!;
				let res: Response;
				try {
					res = await fetch(this.#url, {
						method: 'POST',
						headers: { 'content-type': 'application/json' },
						body: JSON.stringify(item)
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
				// The queue may have merged a newer value into this item while it was in flight.
				const current = this.#pending.find(
					(p) => p.handle === item.handle && p.criterionId === item.criterionId
				);
				if (res.ok) {
					const revision = Number(body.revision);
					this.#store(item.handle, item.criterionId, item.value, revision);
					if (typeof body.doneCount === 'number') this.#doneCount = body.doneCount;
					if (typeof body.total === 'number') this.#total = body.total;
					if (current && current.value !== item.value) {
						this.#pending = this.#pending.map((p) =>
							p === current ? { ...p, base: revision } : p
						);
						this.#persist();
					} else this.#drop(item);
					continue;
				}
				const params = (body.params ?? {}) as Record<string, unknown>;
				const message = typeof body.message === 'string' ? body.message : String(res.status);
				// Refused for good (stale, closed, bad input): the server's value is the truth.
				this.#pending = this.#pending.filter(
					(p) => !(p.handle === item.handle && p.criterionId === item.criterionId)
				);
				this.#persist();
				if (body.error === 'judging.error.stale') {
					const value =
						params.value === '' || params.value === undefined ? null : Number(params.value);
					this.#store(item.handle, item.criterionId, value, Number(params.revision ?? 0));
					this.#notice = { kind: 'conflict' };
				} else if (body.error === 'judging.error.closed') {
					this.#notice = { kind: 'closed', message };
				} else {
					this.#notice = { kind: 'refused', message };
				}
			}
		} finally {
			this.#sending = false;
		}
	}

	#retryLater(): void {
		clearTimeout(this.#timer);
		this.#timer = setTimeout(() => void this.flush(), 5000);
	}

	stop(): void {
		clearTimeout(this.#timer);
	}
}
