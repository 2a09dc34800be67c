/**
 * The judge's pairs and the decisions not yet confirmed by the server (kept and sent by
 * OfflineQueue); the server holds a few pairs ahead, so the judge keeps going through a short
 * outage.
 */
import { OfflineQueue, type Answer } from './offline-queue.svelte';

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

export class PairQueue extends OfflineQueue<Decision> {
	#pairs = $state<Pair[]>([]);
	#total = $state(0);
	#loaded = $state(false);
	#notice = $state<string | null>(null);
	readonly #roundId: string;

	constructor(roundId: string) {
		super(`sprout.judge.pairs.${roundId}`);
		this.#roundId = roundId;
	}

	/** The pairs with this device's unsent decisions applied. */
	get pairs(): Pair[] {
		return this.#pairs.map((p) => {
			const queued = this.pending.findLast((d) => same(d, p));
			return queued ? { ...p, winner: queued.winner } : p;
		});
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
	get notice(): string | null {
		return this.#notice;
	}
	dismissNotice(): void {
		this.#notice = null;
	}

	decide(pair: { left: string; right: string }, winner: string | null): void {
		this.setPending([...this.pending.filter((d) => !same(d, pair)), { ...pair, winner }]);
		void this.flush();
	}

	/** Asks the server for the pairs (and new ones when the judge's share allows). */
	async refresh(): Promise<void> {
		let res: Response;
		try {
			res = await fetch(`/judge/rounds/${this.#roundId}/pairs`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: '{}'
			});
		} catch {
			this.markOffline();
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

	protected urlOf(): string {
		return `/judge/rounds/${this.#roundId}/comparisons`;
	}

	protected accepts(saved: unknown): saved is Decision {
		const d = saved as Decision | null;
		return typeof d?.left === 'string' && typeof d?.right === 'string';
	}

	protected settle(sent: readonly Decision[], { ok, body }: Answer): void {
		const item = sent[0]!;
		if (ok) {
			this.#pairs = this.#pairs.map((p) => (same(p, item) ? { ...p, winner: item.winner } : p));
			if (typeof body.total === 'number') this.#total = body.total;
		} else if (typeof body.message === 'string') {
			// Refused for good (closed round, recused, a pair not given): the server is right.
			this.#notice = body.message;
		}
		// A newer decision on the same pair, queued while this one travelled, is still to send.
		const current = this.pending.find((d) => same(d, item));
		this.setPending(
			current && current.winner === item.winner
				? this.pending.filter((d) => d !== current)
				: [...this.pending]
		);
	}

	/** Tops the pairs up once the decisions are in. */
	protected async afterFlush(): Promise<void> {
		if (this.#pairs.filter((p) => p.winner === null).length < 3) await this.refresh();
	}
}
