/**
 * The people's choice on the demo exhibition: switched on for a month, with a few votes from
 * made-up browsers so the organizer page has something to show. Running it again changes
 * nothing (the settings row is the marker).
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '../db/database.ts';
import { listPublicEntries } from '../exhibition/public-entry.repository.ts';
import { findContest } from '../contests/contest.repository.ts';
import { findVoteSettings, insertVote, saveVoteSettings } from '../voting/voting.repository.ts';
import { voteDay } from '../voting/rules.ts';

const DAY = 86_400_000;

export async function seedPeoplesChoiceDemo(
	db: Db,
	contestId: string,
	organizerId: string,
	now = Date.now()
): Promise<boolean> {
	if (await findVoteSettings(db, contestId)) return false;
	const contest = await findContest(db, contestId);
	if (!contest) return false;
	await saveVoteSettings(
		db,
		contestId,
		{ enabled: true, opensAt: now - 2 * DAY, closesAt: now + 30 * DAY, closedAt: null },
		organizerId,
		now
	);
	const { entries } = await listPublicEntries(db, contestId, { sort: 'newest', pageSize: 6 });
	// Yesterday's votes: today stays free for whoever tries the demo.
	const at = now - DAY;
	for (const [i, entry] of entries.entries()) {
		if (!entry.ageBandId) continue;
		for (let n = 0; n < 6 - i; n++) {
			await insertVote(db, {
				contestId,
				ageBandId: entry.ageBandId,
				entryId: entry.entryId,
				voter: randomBytes(16).toString('hex'),
				day: voteDay(at, contest.time_zone),
				flag: null,
				now: at
			});
		}
	}
	return true;
}
