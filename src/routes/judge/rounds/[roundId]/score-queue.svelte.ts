/**
 * The judge's scores as the screen shows them, plus the saves not yet confirmed by the server
 * (kept and sent by OfflineQueue). Rubric scores and screening votes take the same body.
 */
import { OfflineQueue, type Answer } from './offline-queue.svelte';

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

export class ScoreQueue extends OfflineQueue<Pending> {
	#scores = $state<Scores>({});
	#notice = $state<Notice | null>(null);
	readonly #url: string;

	/** `endpoint`: 'scores' (rubric) or 'votes' (screening), which take the same body. */
	constructor(roundId: string, initial: Scores, endpoint: 'scores' | 'votes' = 'scores') {
		super(`sprout.judge.queue.${roundId}`);
		this.#url = `/judge/rounds/${roundId}/${endpoint}`;
		this.#scores = initial;
	}

	get notice(): Notice | null {
		return this.#notice;
	}

	dismissNotice(): void {
		this.#notice = null;
	}

	/** Value shown for a criterion: the queued one if any, else the server's. */
	valueOf(handle: string, criterionId: string): number | null {
		const queued = this.pending.find(
			(p) => key(p.handle, p.criterionId) === key(handle, criterionId)
		);
		if (queued) return queued.value;
		return this.#scores[handle]?.[criterionId]?.value ?? null;
	}

	isComplete(handle: string, criterionIds: readonly string[]): boolean {
		return criterionIds.every((c) => this.valueOf(handle, c) !== null);
	}

	/** Records a change locally at once, then sends it. */
	set(handle: string, criterionId: string, value: number | null): void {
		const k = key(handle, criterionId);
		const existing = this.pending.find((p) => key(p.handle, p.criterionId) === k);
		if (existing) {
			// Still unsent: only the latest value matters, from the same confirmed base.
			this.setPending(this.pending.map((p) => (p === existing ? { ...p, value } : p)));
		} else {
			const base = this.#scores[handle]?.[criterionId]?.revision ?? 0;
			this.setPending([...this.pending, { handle, criterionId, value, base }]);
		}
		void this.flush();
	}

	protected urlOf(): string {
		return this.#url;
	}

	protected accepts(saved: unknown): saved is Pending {
		return typeof (saved as Pending | null)?.handle === 'string';
	}

	protected settle(item: Pending, { ok, status, body }: Answer): void {
		const same = (p: Pending) => p.handle === item.handle && p.criterionId === item.criterionId;
		if (ok) {
			const revision = Number(body.revision);
			this.#store(item.handle, item.criterionId, item.value, revision);
			// The queue may have merged a newer value into this item while it was in flight.
			const current = this.pending.find(same);
			this.setPending(
				current && current.value !== item.value
					? this.pending.map((p) => (p === current ? { ...p, base: revision } : p))
					: this.pending.filter((p) => !(same(p) && p.value === item.value))
			);
			return;
		}
		// Refused for good (stale, closed, bad input): the server's value is the truth.
		this.setPending(this.pending.filter((p) => !same(p)));
		const params = (body.params ?? {}) as Record<string, unknown>;
		const message = typeof body.message === 'string' ? body.message : String(status);
		if (body.error === 'judging.error.stale') {
			const value = params.value === '' || params.value === undefined ? null : Number(params.value);
			this.#store(item.handle, item.criterionId, value, Number(params.revision ?? 0));
			this.#notice = { kind: 'conflict' };
		} else if (body.error === 'judging.error.closed') {
			this.#notice = { kind: 'closed', message };
		} else {
			this.#notice = { kind: 'refused', message };
		}
	}

	#store(handle: string, criterionId: string, value: number | null, revision: number): void {
		const row = { ...(this.#scores[handle] ?? {}) };
		if (value === null) delete row[criterionId];
		else row[criterionId] = { value, revision };
		this.#scores = { ...this.#scores, [handle]: row };
	}
}
