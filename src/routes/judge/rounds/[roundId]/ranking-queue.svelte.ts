/**
 * A panel judge's orders as the screen shows them, plus the orders not yet confirmed by the
 * server. Like scores, each change is written to localStorage before it is sent, so a dropped
 * network loses nothing; only the latest order of a group is kept (it replaces the whole
 * ballot), sent from the revision the server last confirmed. Sending it twice is harmless.
 */

export interface RankingGroup {
	key: string;
	label: string | null;
	handles: string[];
	revision: number;
	saved: boolean;
}

interface Pending {
	group: string;
	handles: string[];
	base: number;
}

export type RankingNotice = { kind: 'conflict' } | { kind: 'refused'; message: string };

export class RankingQueue {
	#groups = $state<RankingGroup[]>([]);
	#pending = $state<Pending[]>([]);
	#online = $state(true);
	#notice = $state<RankingNotice | null>(null);
	#sending = false;
	#timer: ReturnType<typeof setTimeout> | undefined;
	readonly #url: string;
	readonly #storageKey: string;

	constructor(roundId: string, groups: RankingGroup[]) {
		this.#url = `/judge/rounds/${roundId}/ranking`;
		this.#storageKey = `sprout.judge.ranking.${roundId}`;
		this.#groups = groups;
	}

	get groups(): RankingGroup[] {
		return this.#groups;
	}
	get pendingCount(): number {
		return this.#pending.length;
	}
	get online(): boolean {
		return this.#online;
	}
	get notice(): RankingNotice | null {
		return this.#notice;
	}
	/** Groups whose order the server holds and nothing newer waits on this device. */
	get savedCount(): number {
		return this.#groups.filter((g) => g.saved && !this.#pending.some((p) => p.group === g.key))
			.length;
	}
	dismissNotice(): void {
		this.#notice = null;
	}

	/** The order shown: this device's unsent one, else the server's. */
	order(key: string): string[] {
		return (
			this.#pending.find((p) => p.group === key)?.handles ??
			this.#groups.find((g) => g.key === key)?.handles ??
			[]
		);
	}

	restore(): void {
		try {
			const raw = localStorage.getItem(this.#storageKey);
			const saved = raw ? (JSON.parse(raw) as Pending[]) : [];
			const keys = this.#groups.map((g) => g.key);
			if (Array.isArray(saved))
				this.#pending = saved.filter(
					(p) => typeof p?.group === 'string' && keys.includes(p.group) && Array.isArray(p.handles)
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

	set(key: string, handles: string[]): void {
		const existing = this.#pending.find((p) => p.group === key);
		const base = existing?.base ?? this.#groups.find((g) => g.key === key)?.revision ?? 0;
		this.#pending = [
			...this.#pending.filter((p) => p.group !== key),
			{ group: key, handles: [...handles], base }
		];
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

	#store(key: string, handles: string[], revision: number): void {
		this.#groups = this.#groups.map((g) =>
			g.key === key ? { ...g, handles, revision, saved: revision > 0 } : g
		);
	}

	/** Sends queued orders one by one; stops at the first network failure and retries later. */
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
					this.#timer = setTimeout(() => void this.flush(), 5000);
					return;
				}
				if (res.status >= 500 || res.status === 429) {
					this.#timer = setTimeout(() => void this.flush(), 5000);
					return;
				}
				this.#online = true;
				const body = (await res.json().catch(() => ({}))) as Record<string, unknown>;
				const current = this.#pending.find((p) => p.group === item.group);
				if (res.ok) {
					const revision = Number(body.revision);
					this.#store(item.group, item.handles, revision);
					// A newer order was queued while this one travelled: send it from here.
					this.#pending =
						current && current.handles.join() !== item.handles.join()
							? this.#pending.map((p) => (p === current ? { ...p, base: revision } : p))
							: this.#pending.filter((p) => p !== current);
					this.#persist();
					continue;
				}
				// Refused for good (stale, closed, bad input): the server's order is the truth.
				this.#pending = this.#pending.filter((p) => p.group !== item.group);
				this.#persist();
				const params = (body.params ?? {}) as Record<string, unknown>;
				if (body.error === 'judging.error.stale') {
					const handles = String(params.value ?? '')
						.split(',')
						.filter(Boolean);
					const revision = Number(params.revision ?? 0);
					if (handles.length > 0) this.#store(item.group, handles, revision);
					this.#notice = { kind: 'conflict' };
				} else {
					this.#notice = {
						kind: 'refused',
						message: typeof body.message === 'string' ? body.message : String(res.status)
					};
				}
			}
		} finally {
			this.#sending = false;
		}
	}

	stop(): void {
		clearTimeout(this.#timer);
	}
}
