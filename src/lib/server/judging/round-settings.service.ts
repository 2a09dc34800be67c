/**
 * Settings an organizer may change on an existing round: its dates (any time before it
 * closes) and its rubric criteria (only before any score exists, since every score is read on
 * its criterion's scale).
 */
import { recordAudit } from '../audit/audit.repository.ts';
import type { SessionUser } from '../auth/session.ts';
import { findContest } from '../contests/contest.repository.ts';
import type { Db } from '../db/database.ts';
import { DomainError } from '../errors.ts';
import { assertOrganizer, roundOfContest } from './round.service.ts';
import { parseRoundDates } from './round-dates.ts';
import { updateRoundDates } from './round-settings.repository.ts';

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
