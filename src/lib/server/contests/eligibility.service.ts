/**
 * "Which contests can this person enter?" answered once, for the studio, the teacher's photo
 * upload, a submission and the public landing page. The rules are in eligibility.ts; this module
 * only loads the facts they look at, for many contests in three queries.
 */
import type { Db } from '../db/database.ts';
import * as contests from './contest.repository.ts';
import { isPublished, refuseEntrant, type ContestFacts, type Entrant } from './eligibility.ts';

export interface EnterableContest {
	row: contests.ContestRow;
	facts: ContestFacts;
}

async function factsOf(db: Db, rows: readonly contests.ContestRow[]): Promise<EnterableContest[]> {
	const ids = rows.map((r) => r.id);
	const [bands, schools] = await Promise.all([
		contests.listAgeBands(db, ids),
		contests.listContestSchools(db, ids)
	]);
	return rows.map((row) => ({
		row,
		facts: {
			status: row.status,
			opensAt: row.opens_at,
			closesAt: row.closes_at,
			entriesPerChild: row.entries_per_child,
			allowStudio: row.allow_studio === 1,
			allowUpload: row.allow_upload === 1,
			schoolIds: schools.filter((s) => s.contest_id === row.id).map((s) => s.school_id),
			ageBands: bands
				.filter((b) => b.contest_id === row.id)
				.map((b) => ({ id: b.id, minAge: b.min_age, maxAge: b.max_age }))
		}
	}));
}

/** The facts of one contest, or null if there is none. */
export async function loadContestFacts(db: Db, contestId: string): Promise<ContestFacts | null> {
	const row = await contests.findContest(db, contestId);
	return row ? (await factsOf(db, [row]))[0]!.facts : null;
}

/**
 * Contests the entrant may enter now, soonest closing first. With no entrant (an anonymous
 * visitor), the published ones, upcoming included.
 */
export async function listEnterableContests(
	db: Db,
	entrant: Entrant | null,
	now = Date.now()
): Promise<EnterableContest[]> {
	const all = await factsOf(db, await contests.listOpenContests(db, now));
	return all.filter(({ facts }) =>
		entrant ? refuseEntrant(facts, entrant, now) === null : isPublished(facts, now)
	);
}
