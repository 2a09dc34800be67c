/**
 * Settings an organizer may change on an existing round: its dates (any time before it
 * closes) and its rubric criteria (only before any score exists, since every score is read on
 * its criterion's scale).
 */
import { recordAudit } from '../audit/audit.repository.ts';
import type { SessionUser } from '../auth/session.ts';
import { findContest } from '../contests/contest.repository.ts';
import { writeTransaction, type Db } from '../db/database.ts';
import { DomainError } from '../errors.ts';
import { newId } from '../ids.ts';
import { parseCriteriaRows, type CriterionRowInput } from './criteria-form.ts';
import * as repo from './judging.repository.ts';
import * as scoreRepo from './score.repository.ts';
import { assertOrganizer, roundOfContest } from './round.service.ts';
import { parseRoundDates } from './round-dates.ts';
import { replaceCriteria, updateRoundDates } from './round-settings.repository.ts';

export async function setRoundDates(
	db: Db,
	actor: SessionUser | null,
	contestId: string,
	roundId: string,
	input: { opensAt: string; closesAt: string },
	now = Date.now()
): Promise<void> {
	assertOrganizer(actor);
	const round = await roundOfContest(db, contestId, roundId);
	if (round.status === 'closed') throw DomainError.conflict('judging.error.closed');
	const contest = await findContest(db, contestId);
	if (!contest) throw DomainError.notFound('contests.error.notFound');
	const dates = parseRoundDates(input, contest.time_zone);
	if (!(await updateRoundDates(db, roundId, dates, now)))
		throw DomainError.conflict('judging.error.closed');
	await recordAudit(db, {
		actorUserId: actor.id,
		action: 'judging.round.dates',
		subjectType: 'judging_round',
		subjectId: roundId,
		detail: { opensAt: dates.opens_at, closesAt: dates.closes_at }
	});
}

/**
 * Replaces a rubric round's criteria (add, remove, reorder, weight, scale, wording). Refused
 * with a clear message once any score exists: a score only means something on its scale.
 * The check and the write share one transaction with the round locked, so a first score and
 * an edit cannot both win.
 */
export async function saveCriteria(
	db: Db,
	actor: SessionUser | null,
	contestId: string,
	roundId: string,
	rows: readonly CriterionRowInput[],
	now = Date.now()
): Promise<number> {
	assertOrganizer(actor);
	const seen = await roundOfContest(db, contestId, roundId);
	if (seen.method !== 'rubric') throw DomainError.invalid('judging.error.method');
	const criteria = parseCriteriaRows(rows);
	return writeTransaction(db, async (trx) => {
		const round = await repo.lockRound(db, trx, roundId);
		if (!round || round.status === 'closed') throw DomainError.conflict('judging.error.closed');
		if ((await scoreRepo.countRoundScores(trx, roundId)) > 0)
			throw DomainError.conflict('judging.error.criteriaLocked');
		const existing = new Set((await repo.listCriteria(trx, roundId)).map((c) => c.id));
		await replaceCriteria(
			trx,
			roundId,
			criteria.map((c, position) => ({
				// A forged id is not reused: only this round's own criteria keep theirs.
				id: c.id && existing.has(c.id) ? c.id : newId(),
				round_id: roundId,
				position,
				weight: c.weight,
				min_value: c.min,
				max_value: c.max,
				label: JSON.stringify(c.label),
				description: JSON.stringify(c.description)
			}))
		);
		await recordAudit(trx, {
			actorUserId: actor.id,
			action: 'judging.round.criteria',
			subjectType: 'judging_round',
			subjectId: roundId,
			detail: { count: criteria.length, at: now }
		});
		return criteria.length;
	});
}
