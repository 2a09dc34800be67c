/**
 * The judge's scores as the screen shows them, plus the saves not yet confirmed by the server
 * (kept and sent by OfflineQueue; an artwork's scores that piled up go in one request, see
 * score-batch.ts). Rubric scores and screening votes take the same single-score body.
 */
import { OfflineQueue, type Answer } from './offline-queue.svelte';
import { batchOf, bodyOf, type Pending } from './score-batch';

export type { Pending };

export interface ScoreCell {
	value: number;
	revision: number;
}

export type Notice =
	{ kind: 'conflict' } | { kind: 'refused'; message: string } | { kind: 'closed'; message: string };

type Scores = Record<string, Record<string, ScoreCell>>;

/** Whether `p` is the score of this artwork's criterion. */
const isCell = (p: Pending, handle: string, criterionId: string) =>
	p.handle === handle && p.criterionId === criterionId;
const same = (a: Pending, b: Pending) => isCell(a, b.handle, b.criterionId);

interface Outcome {
	criterionId: string;
	value: number | null;
	revision: number;
	stale: boolean;
}

const storedValue = (v: unknown) => (v === '' || v === null || v === undefined ? null : Number(v));

/** What the server holds after a request, per criterion sent (none when it refused it all). */
function outcomesOf(
	sent: readonly Pending[],
	ok: boolean,
	body: Record<string, unknown>
): Outcome[] {
	if (Array.isArray(body.results))
		return (body.results as Record<string, unknown>[]).map((r) => ({
			criterionId: String(r.criterionId),
			value: storedValue(r.value),
			revision: Number(r.revision ?? 0),
			stale: r.stale === true
		}));
	const criterionId = sent[0]!.criterionId;
	if (ok)
		return [{ criterionId, value: sent[0]!.value, revision: Number(body.revision), stale: false }];
	if (body.error !== 'judging.error.stale') return [];
	const params = (body.params ?? {}) as Record<string, unknown>;
	return [
		{
			criterionId,
			value: storedValue(params.value),
			revision: Number(params.revision ?? 0),
			stale: true
		}
	];
}

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
		const queued = this.pending.find((p) => isCell(p, handle, criterionId));
		if (queued) return queued.value;
		return this.#scores[handle]?.[criterionId]?.value ?? null;
	}

	isComplete(handle: string, criterionIds: readonly string[]): boolean {
		return criterionIds.every((c) => this.valueOf(handle, c) !== null);
	}

	/** Records a change locally at once, then sends it. */
	set(handle: string, criterionId: string, value: number | null): void {
		const existing = this.pending.find((p) => isCell(p, handle, criterionId));
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

	protected batchOf(first: Pending): readonly Pending[] {
		return batchOf(this.pending, first);
	}

	protected bodyOf(items: readonly Pending[]): unknown {
		return bodyOf(items);
	}

	/**
	 * A batch's answer lists what the server holds for each criterion sent (applied, or stale and
	 * not applied); a single save's answer is its own revision or its stale refusal. A refusal of
	 * the whole request (closed round, bad input) has none: its scores are dropped, the server's
	 * values stand, and the judge is told.
	 */
	protected settle(sent: readonly Pending[], { ok, status, body }: Answer): void {
		const outcomes = outcomesOf(sent, ok, body);
		let pending = this.pending;
		let stale = false;
		for (const item of sent) {
			const outcome = outcomes.find((o) => o.criterionId === item.criterionId);
			if (outcome && !outcome.stale) {
				pending = this.#confirm(pending, item, outcome.revision);
				continue;
			}
			// Stale (the server's value is the truth, shown with a notice) or refused.
			if (outcome) this.#store(item.handle, item.criterionId, outcome.value, outcome.revision);
			stale ||= outcome !== undefined;
			pending = pending.filter((p) => !same(p, item));
		}
		this.setPending([...pending]);
		const message = typeof body.message === 'string' ? body.message : String(status);
		if (stale) this.#notice = { kind: 'conflict' };
		else if (body.error === 'judging.error.closed') this.#notice = { kind: 'closed', message };
		else if (!ok) this.#notice = { kind: 'refused', message };
	}

	/** A confirmed save: stored, and out of the queue unless a newer value waits to go (rebased). */
	#confirm(pending: readonly Pending[], item: Pending, revision: number): readonly Pending[] {
		this.#store(item.handle, item.criterionId, item.value, revision);
		// The queue may have merged a newer value into this item while it was in flight.
		const current = pending.find((p) => same(p, item));
		return current && current.value !== item.value
			? pending.map((p) => (p === current ? { ...p, base: revision } : p))
			: pending.filter((p) => !(same(p, item) && p.value === item.value));
	}

	#store(handle: string, criterionId: string, value: number | null, revision: number): void {
		const row = { ...(this.#scores[handle] ?? {}) };
		if (value === null) delete row[criterionId];
		else row[criterionId] = { value, revision };
		this.#scores = { ...this.#scores, [handle]: row };
	}
}
