/** Every query of the people's-choice vote. Functions take `db | trx` first. */
import { sql } from 'kysely';
import type { Db, Trx } from '../db/database.ts';
import type { VoteFlag, VoteOutcome } from '../db/schema.ts';
import { newId } from '../ids.ts';
import { publicWorks } from '../exhibition/public-entry.repository.ts';
import type { EntryTotal, VoteSettings } from './rules.ts';

type Q = Db | Trx;

export async function findVoteSettings(db: Q, contestId: string): Promise<VoteSettings | null> {
	const row = await db
		.selectFrom('peoples_choice')
		.select(['enabled', 'opens_at', 'closes_at', 'closed_at'])
		.where('contest_id', '=', contestId)
		.executeTakeFirst();
	if (!row) return null;
	return {
		enabled: row.enabled === 1,
		opensAt: row.opens_at,
		closesAt: row.closes_at,
		closedAt: row.closed_at
	};
}

export async function saveVoteSettings(
	db: Q,
	contestId: string,
	settings: VoteSettings,
	actorId: string,
	now: number
): Promise<void> {
	const values = {
		enabled: settings.enabled ? 1 : 0,
		opens_at: settings.opensAt,
		closes_at: settings.closesAt,
		closed_at: settings.closedAt,
		updated_by: actorId,
		updated_at: now
	};
	await db
		.insertInto('peoples_choice')
		.values({ contest_id: contestId, ...values })
		.onConflict((oc) => oc.column('contest_id').doUpdateSet(values))
		.execute();
}

/** Contests whose vote is switched on, with their settings (for listing badges and pages). */
export async function listEnabledVotes(
	db: Q,
	contestIds: readonly string[]
): Promise<Map<string, VoteSettings>> {
	const out = new Map<string, VoteSettings>();
	if (contestIds.length === 0) return out;
	const rows = await db
		.selectFrom('peoples_choice')
		.select(['contest_id', 'enabled', 'opens_at', 'closes_at', 'closed_at'])
		.where('contest_id', 'in', contestIds)
		.where('enabled', '=', 1)
		.execute();
	for (const r of rows)
		out.set(r.contest_id, {
			enabled: true,
			opensAt: r.opens_at,
			closesAt: r.closes_at,
			closedAt: r.closed_at
		});
	return out;
}

/**
 * Marks a solved challenge as used. False when it already was: the insert races safely, since
 * the nonce is the primary key. Expired ones are dropped on the way (they can no longer verify).
 */
export async function claimChallenge(
	db: Q,
	nonce: string,
	expiresAt: number,
	now: number
): Promise<boolean> {
	await db.deleteFrom('vote_challenge').where('expires_at', '<', now).execute();
	const result = await db
		.insertInto('vote_challenge')
		.values({ nonce, expires_at: expiresAt })
		.onConflict((oc) => oc.column('nonce').doNothing())
		.executeTakeFirst();
	return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

export interface NetworkActivityQuery {
	network: string;
	freshSince: number;
	minuteSince: number;
}

/** Votes let through (counted or flagged) from one network since two moments. */
export async function countNetworkActivity(
	db: Q,
	q: NetworkActivityQuery
): Promise<{ recentFresh: number; lastMinute: number }> {
	const row = await db
		.selectFrom('vote_network_event')
		.select([
			sql<number>`count(*)`.as('last_minute'),
			sql<number>`coalesce(sum(case when fresh_voter = 1 and created_at >= ${q.freshSince} then 1 else 0 end), 0)`.as(
				'recent_fresh'
			)
		])
		.where('network', '=', q.network)
		.where('created_at', '>=', Math.min(q.freshSince, q.minuteSince))
		.where('outcome', '!=', 'refused')
		.executeTakeFirstOrThrow();
	return { recentFresh: Number(row.recent_fresh), lastMinute: Number(row.last_minute) };
}

export async function recordNetworkEvent(
	db: Q,
	e: { contestId: string; network: string; freshVoter: boolean; outcome: VoteOutcome; now: number }
): Promise<void> {
	await db
		.insertInto('vote_network_event')
		.values({
			id: newId(),
			contest_id: e.contestId,
			network: e.network,
			fresh_voter: e.freshVoter ? 1 : 0,
			outcome: e.outcome,
			created_at: e.now
		})
		.execute();
}

/** The one-day retention of network hashes. */
export async function deleteNetworkEventsBefore(db: Q, before: number): Promise<number> {
	const result = await db
		.deleteFrom('vote_network_event')
		.where('created_at', '<', before)
		.executeTakeFirst();
	return Number(result.numDeletedRows);
}

export interface TodayVote {
	entryId: string;
}

export async function findVoteOfDay(
	db: Q,
	k: { contestId: string; ageBandId: string; voter: string; day: string }
): Promise<TodayVote | null> {
	const row = await db
		.selectFrom('peoples_choice_vote')
		.select('entry_id')
		.where('contest_id', '=', k.contestId)
		.where('age_band_id', '=', k.ageBandId)
		.where('voter', '=', k.voter)
		.where('vote_day', '=', k.day)
		.executeTakeFirst();
	return row ? { entryId: row.entry_id } : null;
}

/** False when this voter already voted in this band today (the unique constraint decides). */
export async function insertVote(
	db: Q,
	v: {
		contestId: string;
		ageBandId: string;
		entryId: string;
		voter: string;
		day: string;
		flag: VoteFlag | null;
		now: number;
	}
): Promise<boolean> {
	const result = await db
		.insertInto('peoples_choice_vote')
		.values({
			id: newId(),
			contest_id: v.contestId,
			age_band_id: v.ageBandId,
			entry_id: v.entryId,
			voter: v.voter,
			vote_day: v.day,
			flag: v.flag,
			created_at: v.now
		})
		.onConflict((oc) => oc.columns(['contest_id', 'age_band_id', 'voter', 'vote_day']).doNothing())
		.executeTakeFirst();
	return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function deleteVoteOfDay(
	db: Q,
	k: { contestId: string; entryId: string; voter: string; day: string }
): Promise<boolean> {
	const result = await db
		.deleteFrom('peoples_choice_vote')
		.where('contest_id', '=', k.contestId)
		.where('entry_id', '=', k.entryId)
		.where('voter', '=', k.voter)
		.where('vote_day', '=', k.day)
		.executeTakeFirst();
	return Number(result.numDeletedRows) > 0;
}

export interface PublicTotal extends EntryTotal {
	handle: string;
	title: string;
	pseudonym: string;
}

/**
 * Votes per work, counting only works that are public now (the exhibition's one rule): a work
 * whose consent was withdrawn or that was hidden keeps no votes and cannot win.
 */
export async function listPublicVoteTotals(db: Db, contestId: string): Promise<PublicTotal[]> {
	const rows = await publicWorks(db)
		.innerJoin('peoples_choice_vote as v', 'v.entry_id', 'entry.id')
		.where('xe.contest_id', '=', contestId)
		.where('v.contest_id', '=', contestId)
		.select((eb) => [
			'v.age_band_id',
			'v.entry_id',
			'xe.handle',
			'entry.title',
			'student.pseudonym',
			eb.fn.countAll<number | string>().as('votes')
		])
		.groupBy(['v.age_band_id', 'v.entry_id', 'xe.handle', 'entry.title', 'student.pseudonym'])
		.execute();
	return rows.map((r) => ({
		ageBandId: r.age_band_id,
		entryId: r.entry_id,
		handle: r.handle,
		title: r.title,
		pseudonym: r.pseudonym,
		votes: Number(r.votes)
	}));
}

export async function countFlaggedVotes(db: Q, contestId: string): Promise<number> {
	const row = await db
		.selectFrom('peoples_choice_vote')
		.select(sql<number>`count(*)`.as('n'))
		.where('contest_id', '=', contestId)
		.where('flag', 'is not', null)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

export interface NetworkReportRow {
	network: string;
	counted: number;
	flagged: number;
	refused: number;
	freshVoters: number;
	first: number;
	last: number;
}

/** Per network over the last day: what the anomaly report shows. */
export async function listNetworkReport(
	db: Q,
	contestId: string,
	since: number
): Promise<NetworkReportRow[]> {
	const rows = await db
		.selectFrom('vote_network_event')
		.select([
			'network',
			sql<number>`sum(case when outcome = 'counted' then 1 else 0 end)`.as('counted'),
			sql<number>`sum(case when outcome = 'flagged' then 1 else 0 end)`.as('flagged'),
			sql<number>`sum(case when outcome = 'refused' then 1 else 0 end)`.as('refused'),
			sql<number>`sum(fresh_voter)`.as('fresh'),
			sql<number>`min(created_at)`.as('first'),
			sql<number>`max(created_at)`.as('last')
		])
		.where('contest_id', '=', contestId)
		.where('created_at', '>=', since)
		.groupBy('network')
		.execute();
	return rows.map((r) => ({
		network: r.network,
		counted: Number(r.counted),
		flagged: Number(r.flagged),
		refused: Number(r.refused),
		freshVoters: Number(r.fresh),
		first: Number(r.first),
		last: Number(r.last)
	}));
}
