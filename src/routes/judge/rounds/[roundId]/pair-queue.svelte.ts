/**
 * The judge's pairs and the decisions not yet confirmed by the server. As with scores, every
 * decision is written to localStorage before it is sent, so a dropped network loses nothing;
 * the server holds a few pairs ahead, so the judge keeps going through a short outage. Sending
 * a decision twice is harmless (the server's save is idempotent).
 */

export interface Pair {
	left: string;
	right: string;
	winner: string | null;
}

export interface Decision {
	left: string;
	right: string;
	winner: string | null;
}

const same = (a: { left: string; right: string }, b: { left: string; right: string }) =>
	a.left === b.left && a.right === b.right;

export class PairQueue {
	#pairs = $state<Pair[]>([]);
	#pending = $state<Decision[]>([]);
	#total = $state(0);
	#loaded = $state(false);
	#online = $state(true);
	#notice = $state<string | null>(null);
	#sending = false;
	#timer: ReturnType<typeof setTimeout> | undefined;
	readonly #roundId: string;
	readonly #storageKey: string;

	constructor(roundId: string) {
		this.#roundId = roundId;
		this.#storageKey = `sprout.judge.pairs.${roundId}`;
	}

	/** The pairs with this device's unsent decisions applied. */
	get pairs(): Pair[] {
		return this.#pairs.map((p) => {
			const queued = this.#pending.findLast((d) => same(d, p));
			return queued ? { ...p, winner: queued.winner } : p;
		});
	}
	get pendingCount(): number {
		return this.#pending.length;
	}
	get done(): number {
		return this.pairs.filter((p) => p.winner !== null).length;
	}
	get total(): number {
		return this.#total;
	}
	get loaded(): boolean {
		return this.#loaded;
	}
	get online(): boolean {
		return this.#online;
	}
	get notice(): string | null {
		return this.#notice;
	}
	dismissNotice(): void {
		this.#notice = null;
	}

	restore(): void {
		try {
			const raw = localStorage.getItem(this.#storageKey);
			const saved = raw ? (JSON.parse(raw) as Decision[]) : [];
			if (Array.isArray(saved))
				this.#pending = saved.filter(
					(d) => typeof d?.left === 'string' && typeof d?.right === 'string'
				);
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

	decide(pair: { left: string; right: string }, winner: string | null): void {
		this.#pending = [...this.#pending.filter((d) => !same(d, pair)), { ...pair, winner }];
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

	async #post(url: string, body: unknown): Promise<Response | null> {
		try {
			return await fetch(url, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(body)
			});
		} catch {
			return null;
		}
	}

	/** Asks the server for the pairs (and new ones when the judge's share allows). */
	async refresh(): Promise<void> {
		const res = await this.#post(`/judge/rounds/${this.#roundId}/pairs`, {});
		if (!res) {
			this.#online = false;
			this.#loaded = true;
			return;
		}
		const body = (await res.json().catch(() => ({}))) as Record<string, unknown>;
		if (res.ok && Array.isArray(body.pairs)) {
			this.#pairs = body.pairs as Pair[];
			this.#total = Number(body.total ?? 0);
		} else if (typeof body.message === 'string') this.#notice = body.message;
		this.#loaded = true;
	}

	/** Sends queued decisions one by one, then tops the pairs up. */
	async flush(): Promise<void> {
		if (this.#sending) return;
		this.#sending = true;
		clearTimeout(this.#timer);
		try {
			while (this.#pending.length > 0) {
				const item = this.#pending[0]!;
				const res = await this.#post(`/judge/rounds/${this.#roundId}/comparisons`, item);
				if (!res || res.status >= 500 || res.status === 429) {
					if (!res) this.#online = false;
					this.#timer = setTimeout(() => void this.flush(), 5000);
					return;
				}
				this.#online = true;
				const body = (await res.json().catch(() => ({}))) as Record<string, unknown>;
				if (res.ok) {
					this.#pairs = this.#pairs.map((p) => (same(p, item) ? { ...p, winner: item.winner } : p));
					if (typeof body.total === 'number') this.#total = body.total;
				} else if (typeof body.message === 'string') {
					// Refused for good (closed round, recused, a pair not given): the server is right.
					this.#notice = body.message;
				}
				const current = this.#pending.find((d) => same(d, item));
				if (current && current.winner === item.winner)
					this.#pending = this.#pending.filter((d) => d !== current);
				this.#persist();
			}
		} finally {
			this.#sending = false;
		}
		if (this.#pairs.filter((p) => p.winner === null).length < 3) await this.refresh();
	}

	stop(): void {
		clearTimeout(this.#timer);
	}
}
