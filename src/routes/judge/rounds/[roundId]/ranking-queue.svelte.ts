/**
 * A panel judge's orders as the screen shows them, plus the orders not yet confirmed by the
 * server (kept and sent by OfflineQueue). Only the latest order of a group is kept (it replaces
 * the whole ballot), sent from the revision the server last confirmed.
 */
import { OfflineQueue, type Answer } from './offline-queue.svelte';

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

export class RankingQueue extends OfflineQueue<Pending> {
	#groups = $state<RankingGroup[]>([]);
	#notice = $state<RankingNotice | null>(null);
	readonly #url: string;

	constructor(roundId: string, groups: RankingGroup[]) {
		super(`sprout.judge.ranking.${roundId}`);
		this.#url = `/judge/rounds/${roundId}/ranking`;
		this.#groups = groups;
	}

	get groups(): RankingGroup[] {
		return this.#groups;
	}
	get notice(): RankingNotice | null {
		return this.#notice;
	}
	/** Groups whose order the server holds and nothing newer waits on this device. */
	get savedCount(): number {
		return this.#groups.filter((g) => g.saved && !this.pending.some((p) => p.group === g.key))
			.length;
	}
	dismissNotice(): void {
		this.#notice = null;
	}

	/** The order shown: this device's unsent one, else the server's. */
	order(key: string): string[] {
		return (
			this.pending.find((p) => p.group === key)?.handles ??
			this.#groups.find((g) => g.key === key)?.handles ??
			[]
		);
	}

	set(key: string, handles: string[]): void {
		const existing = this.pending.find((p) => p.group === key);
		const base = existing?.base ?? this.#groups.find((g) => g.key === key)?.revision ?? 0;
		this.setPending([
			...this.pending.filter((p) => p.group !== key),
			{ group: key, handles: [...handles], base }
		]);
		void this.flush();
	}

	protected urlOf(): string {
		return this.#url;
	}

	protected accepts(saved: unknown): saved is Pending {
		const p = saved as Pending | null;
		return (
			typeof p?.group === 'string' &&
			this.#groups.some((g) => g.key === p.group) &&
			Array.isArray(p.handles)
		);
	}

	protected settle(sent: readonly Pending[], { ok, status, body }: Answer): void {
		const item = sent[0]!;
		const current = this.pending.find((p) => p.group === item.group);
		if (ok) {
			const revision = Number(body.revision);
			this.#store(item.group, item.handles, revision);
			// A newer order was queued while this one travelled: send it from here.
			this.setPending(
				current && current.handles.join() !== item.handles.join()
					? this.pending.map((p) => (p === current ? { ...p, base: revision } : p))
					: this.pending.filter((p) => p !== current)
			);
			return;
		}
		// Refused for good (stale, closed, bad input): the server's order is the truth.
		this.setPending(this.pending.filter((p) => p.group !== item.group));
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
				message: typeof body.message === 'string' ? body.message : String(status)
			};
		}
	}

	#store(key: string, handles: string[], revision: number): void {
		this.#groups = this.#groups.map((g) =>
			g.key === key ? { ...g, handles, revision, saved: revision > 0 } : g
		);
	}
}
