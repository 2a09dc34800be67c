/**
 * The judge's side of a screening round: one yes / maybe / no per assigned artwork. The screen
 * reuses the rubric screen's offline queue, so a vote travels as a small code (VOTE_CODES) with
 * the revision the judge saw, and gets the same answers: idempotent, 409 when stale.
 */
import type { SessionUser } from '../auth/session.ts';
import { writeTransaction, type Db } from '../db/database.ts';
import type { ScreeningVote } from '../db/schema.ts';
import { DomainError } from '../errors.ts';
import { newId } from '../ids.ts';
import * as repo from './judging.repository.ts';
import * as votes from './judgements.repository.ts';
import { assertWithinDates } from './round-dates.ts';
import { HANDLE, judgeOf, type SaveScoreResult } from './scoring.service.ts';

/** Wire codes of a vote: the index is what the screen sends (no = 0, maybe = 1, yes = 2). */
export const VOTE_CODES: readonly ScreeningVote[] = ['no', 'maybe', 'yes'];
export const codeOfVote = (vote: ScreeningVote): number => VOTE_CODES.indexOf(vote);

export interface SaveVoteInput {
	handle: unknown;
	/** 0 = no, 1 = maybe, 2 = yes, null = take the vote back. */
	value: unknown;
	base: unknown;
}

export async function saveVote(
	db: Db,
	user: SessionUser | null,
	roundId: string,
	input: SaveVoteInput,
	now = Date.now()
): Promise<SaveScoreResult> {
	const { judge, round: seen } = await judgeOf(db, user, roundId);
	const { handle, value, base } = input;
	if (seen.method !== 'screening') throw DomainError.invalid('judging.error.method');
	if (typeof handle !== 'string' || !HANDLE.test(handle))
		throw DomainError.notFound('judging.error.entry');
	if (typeof base !== 'number' || !Number.isInteger(base) || base < 0)
		throw DomainError.invalid('judging.error.base');
	if (value !== null && (typeof value !== 'number' || !VOTE_CODES[value]))
		throw DomainError.invalid('judging.error.vote');
	const vote = value === null ? null : (VOTE_CODES[value as number] as ScreeningVote);

	return writeTransaction(db, async (trx) => {
		const round = await repo.findRound(trx, roundId);
		if (!round || round.status !== 'open') throw DomainError.conflict('judging.error.closed');
		await assertWithinDates(trx, round, now);
		if (vote === 'maybe' && round.allow_maybe !== 1)
			throw DomainError.invalid('judging.error.vote');
		const assignment = await repo.findAssignmentByHandle(trx, roundId, judge.id, handle);
		if (!assignment) throw DomainError.notFound('judging.error.entry');
		if (assignment.recused_at !== null) throw DomainError.conflict('judging.error.recused');
		await repo.lockAssignment(db, trx, assignment.id);

		const current = await votes.findVote(trx, judge.id, assignment.entry_id);
		const currentVote = current?.vote ?? null;
		const currentRevision = current?.revision ?? 0;
		let revision = currentRevision;
		if (currentVote === vote) {
			// A retry or a double click: already so.
		} else if (currentRevision !== base) {
			throw DomainError.conflict('judging.error.stale', {
				value: currentVote === null ? '' : codeOfVote(currentVote),
				revision: currentRevision
			});
		} else {
			if (!current) {
				await votes.insertVote(trx, {
					id: newId(),
					roundId,
					judgeId: judge.id,
					entryId: assignment.entry_id,
					vote: vote!,
					now
				});
				revision = 1;
			} else if (vote === null) {
				await votes.deleteVote(trx, current.id);
				revision = 0;
			} else {
				if (!(await votes.updateVote(trx, current.id, currentRevision, vote, now)))
					throw DomainError.conflict('judging.error.stale', {
						value: codeOfVote(currentVote!),
						revision: currentRevision
					});
				revision = currentRevision + 1;
			}
			await repo.insertScoreAudit(trx, {
				id: newId(),
				roundId,
				judgeId: judge.id,
				entryId: assignment.entry_id,
				criterionId: null,
				actorUserId: user!.id,
				oldValue: currentVote,
				newValue: vote,
				now
			});
		}
		const done = vote !== null;
		if (done !== (assignment.done_at !== null))
			await repo.setAssignmentState(trx, assignment.id, { done_at: done ? now : null });
		const progress = await repo.countJudgeProgress(trx, roundId, judge.id);
		return { value: value as number | null, revision, done, ...progress };
	});
}
