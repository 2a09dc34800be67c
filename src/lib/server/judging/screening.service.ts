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
import * as scoreRepo from './score.repository.ts';
import * as votes from './judgements.repository.ts';
import { saveAtRevision } from './revisioned-save.ts';
import {
	assertJudgeUser,
	checkSaveShape,
	openAssignmentFor,
	type SaveScoreResult
} from './scoring.service.ts';

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
	assertJudgeUser(user);
	const { value } = input;
	const { handle, base } = checkSaveShape(roundId, input.handle, input.base);
	if (value !== null && (typeof value !== 'number' || !VOTE_CODES[value]))
		throw DomainError.invalid('judging.error.vote');
	const vote = value === null ? null : (VOTE_CODES[value as number] as ScreeningVote);

	return writeTransaction(db, async (trx) => {
		const assignment = await openAssignmentFor(trx, user, roundId, handle, now);
		if (assignment.method !== 'screening') throw DomainError.invalid('judging.error.method');
		if (vote === 'maybe' && assignment.allow_maybe !== 1)
			throw DomainError.invalid('judging.error.vote');
		const judge = { id: assignment.judge_id };

		const found = await votes.findVote(trx, judge.id, assignment.entry_id);
		const current = found && { id: found.id, value: found.vote, revision: found.revision };
		const saved = await saveAtRevision(trx, {
			table: 'screening_vote',
			current,
			next: vote,
			base,
			now,
			insert: () =>
				votes.insertVote(trx, {
					id: newId(),
					roundId,
					judgeId: judge.id,
					entryId: assignment.entry_id,
					vote: vote!,
					now
				}),
			stale: () =>
				DomainError.conflict('judging.error.stale', {
					value: current ? codeOfVote(current.value) : '',
					revision: current?.revision ?? 0
				})
		});
		if (saved.changed)
			await scoreRepo.insertScoreAudit(trx, {
				id: newId(),
				roundId,
				judgeId: judge.id,
				entryId: assignment.entry_id,
				criterionId: null,
				actorUserId: user.id,
				oldValue: current?.value ?? null,
				newValue: vote,
				now
			});
		const done = vote !== null;
		if (done !== (assignment.done_at !== null))
			await repo.setAssignmentDone(trx, assignment.id, done ? now : null);
		return { value: value as number | null, revision: saved.revision, done };
	});
}
