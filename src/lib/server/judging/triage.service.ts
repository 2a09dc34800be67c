/**
 * Disagreement triage outside rebalancing. Every rubric save that finishes an artwork asks for
 * a triage run of its round; the run (a background job, a second or two later, one per round
 * at a time) flags the artworks whose judges' normalized scores spread beyond the round's
 * threshold and gives each one extra judge without a conflict of interest who still has
 * capacity — once: the plan's target for a flagged artwork is k + 1, never more.
 *
 * The save itself only inserts a small job row, so a judge never waits for the round-wide
 * normalization (which reads every score of the round).
 */
import { type Db, type Trx, writeTransaction } from '../db/database.ts';
import { newId } from '../ids.ts';
import { insertJob } from '../jobs/job.repository.ts';
import type { JobHandler } from '../jobs/queue.ts';
import { flaggedEntries, rebalanceRound, type RebalanceOutcome } from './assign.service.ts';
import * as repo from './judging.repository.ts';

export const TRIAGE_JOB = 'judging.triage';
/** Saves finishing several artworks within this delay share one run. */
export const TRIAGE_DELAY_MS = 1500;

/** Queues a triage run of the round unless one is already waiting. Inside the save's trx. */
export async function requestTriage(trx: Db | Trx, roundId: string, now: number): Promise<void> {
	const payload = JSON.stringify({ roundId });
	const waiting = await trx
		.selectFrom('job')
		.select('id')
		.where('kind', '=', TRIAGE_JOB)
		.where('status', '=', 'queued')
		.where('payload', '=', payload)
		.executeTakeFirst();
	if (waiting) return;
	await insertJob(trx, {
		id: newId(),
		kind: TRIAGE_JOB,
		payload,
		status: 'queued',
		attempts: 0,
		max_attempts: 3,
		run_after: now + TRIAGE_DELAY_MS,
		locked_until: null,
		last_error: null,
		result: null,
		outage_retries: 0,
		outage_since: null,
		created_at: now,
		updated_at: now
	});
}

/** One triage run: the round's assignments brought in line, extra judges for disagreements. */
export async function runTriage(
	db: Db,
	roundId: string,
	now = Date.now()
): Promise<RebalanceOutcome | null> {
	return writeTransaction(db, async (trx) => {
		const round = await repo.lockRound(db, trx, roundId);
		if (!round || round.status !== 'open' || round.method !== 'rubric') return null;
		return rebalanceRound(trx, round, now);
	});
}

export function triageJobHandler(db: Db): JobHandler {
	return async (payload) => {
		const roundId = (payload as { roundId?: unknown } | null)?.roundId;
		if (typeof roundId !== 'string') return null;
		return runTriage(db, roundId);
	};
}

/**
 * The artworks flagged for disagreement right now, each with how many judges it has: what the
 * round page lists while the round is open.
 */
export async function flaggedNow(
	db: Db,
	round: repo.RoundRow
): Promise<{ entryId: string; judges: number }[]> {
	const assignments = await repo.listAssignments(db, round.id);
	const flagged = await flaggedEntries(db, round, assignments);
	return flagged.map((entryId) => ({
		entryId,
		judges: assignments.filter((a) => a.entry_id === entryId && a.recused_at === null).length
	}));
}
