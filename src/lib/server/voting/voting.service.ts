/**
 * People's choice: casting and taking back a public vote, its settings, the anomaly report and
 * the result. Rules live in rules.ts; this file orders them, owns the transactions and says no
 * through DomainError. The vote never touches the jury's `award` table.
 */
import { writeTransaction, type Db } from '../db/database.ts';
import { DomainError } from '../errors.ts';
import { findContest, listAgeBands } from '../contests/contest.repository.ts';
import { findExhibition } from '../exhibition/exhibition.repository.ts';
import type { ContestStatus } from '../db/schema.ts';
import { localToEpoch } from '../contests/time-zone.ts';
import type { SessionUser } from '../auth/session.ts';
import { checkVotePayload } from './challenge.ts';
import { networkHash, newVoterCookie, readVoterCookie, voterKey } from './crypto.ts';
import * as repo from './voting.repository.ts';
import {
	FRESH_WINDOW_MS,
	canShowResults,
	floodVerdict,
	pickWinners,
	voteDay,
	voteState,
	type VoteSettings,
	type VoteState
} from './rules.ts';

/** Network hashes and their events live one day. */
export const NETWORK_RETENTION_MS = 24 * 60 * 60_000;

/** A public entry the vote applies to, as the exhibition resolved it from slug and handle. */
export interface VotableEntry {
	contestId: string;
	entryId: string;
	ageBandId: string | null;
}

export interface Voter {
	/** The raw voter cookie, if the browser sent one. */
	cookie: string | undefined;
	/** Client address; only ever hashed. */
	ip: string;
}

export interface VoteContext {
	secret: string;
	now?: number;
}

async function contestZone(db: Db, contestId: string): Promise<string> {
	const contest = await findContest(db, contestId);
	if (!contest) throw DomainError.notFound();
	return contest.time_zone;
}

async function openVote(db: Db, contestId: string, now: number): Promise<void> {
	const state = voteState(await repo.findVoteSettings(db, contestId), now);
	if (state === 'off') throw DomainError.notFound();
	if (state === 'scheduled') throw DomainError.conflict('vote.error.notYetOpen');
	if (state === 'closed') throw DomainError.conflict('vote.error.closed');
}

export interface VoteStatus {
	state: VoteState;
	/** This browser's vote today in the entry's age band: for this entry, another, or none. */
	mine: 'here' | 'other' | 'none';
}

/** What the artwork page shows: read only, so a page view never writes. */
export async function getVoteStatus(
	db: Db,
	entry: VotableEntry,
	voter: Pick<Voter, 'cookie'>,
	ctx: VoteContext
): Promise<VoteStatus> {
	const now = ctx.now ?? Date.now();
	const state = voteState(await repo.findVoteSettings(db, entry.contestId), now);
	const voterId = readVoterCookie(ctx.secret, voter.cookie);
	if (state !== 'open' || !voterId || !entry.ageBandId) return { state, mine: 'none' };
	const today = await repo.findVoteOfDay(db, {
		contestId: entry.contestId,
		ageBandId: entry.ageBandId,
		voter: voterKey(ctx.secret, voterId),
		day: voteDay(now, await contestZone(db, entry.contestId))
	});
	return { state, mine: !today ? 'none' : today.entryId === entry.entryId ? 'here' : 'other' };
}

export interface CastResult {
	/** A new signed voter cookie to set (the browser had none, or a forged one). */
	newCookie: string | null;
	flagged: boolean;
}

/**
 * One vote: the vote must be open, the proof of work signed by us, unexpired and unused, the
 * network not flooding, and this browser must not have voted in the band today. A refused
 * attempt changes nothing except the used challenge and a one-day network event.
 */
export async function castVote(
	db: Db,
	entry: VotableEntry,
	voter: Voter,
	payload: unknown,
	ctx: VoteContext
): Promise<CastResult> {
	const now = ctx.now ?? Date.now();
	if (!entry.ageBandId) throw DomainError.conflict('vote.error.noBand');
	await openVote(db, entry.contestId, now);
	const check = await checkVotePayload(ctx.secret, payload, now);
	if (!check.ok) {
		if (check.reason === 'expired') throw DomainError.invalid('vote.error.challengeExpired');
		if (check.reason === 'missing') throw DomainError.invalid('vote.error.challengeMissing');
		throw DomainError.forbidden('vote.error.challengeRefused');
	}
	const day = voteDay(now, await contestZone(db, entry.contestId));
	const existingId = readVoterCookie(ctx.secret, voter.cookie);
	const fresh = existingId ? null : newVoterCookie(ctx.secret);
	const voterId = existingId ?? fresh!.id;
	const network = networkHash(ctx.secret, voter.ip, now);
	const ageBandId = entry.ageBandId;

	const outcome = await writeTransaction(db, async (trx) => {
		if (!(await repo.claimChallenge(trx, check.nonce, check.expiresAt, now))) return 'replayed';
		await repo.deleteNetworkEventsBefore(trx, now - NETWORK_RETENTION_MS);
		const event = { contestId: entry.contestId, network, freshVoter: !existingId, now };
		const activity = await repo.countNetworkActivity(trx, {
			network,
			freshSince: now - FRESH_WINDOW_MS,
			minuteSince: now - 60_000
		});
		const verdict = floodVerdict(activity, !existingId);
		if (verdict === 'refused') {
			await repo.recordNetworkEvent(trx, { ...event, outcome: 'refused' });
			return 'flood';
		}
		const inserted = await repo.insertVote(trx, {
			contestId: entry.contestId,
			ageBandId,
			entryId: entry.entryId,
			voter: voterKey(ctx.secret, voterId),
			day,
			flag: verdict === 'flagged' ? 'burst' : null,
			now
		});
		await repo.recordNetworkEvent(trx, { ...event, outcome: inserted ? verdict : 'refused' });
		return inserted ? verdict : 'already';
	});
	if (outcome === 'replayed') throw DomainError.conflict('vote.error.challengeUsed');
	if (outcome === 'flood') throw DomainError.tooMany('vote.error.busy');
	if (outcome === 'already') throw DomainError.conflict('vote.error.alreadyVoted');
	// Only a counted vote earns a cookie: a flood refused without one stays "fresh" next time.
	return { newCookie: fresh?.value ?? null, flagged: outcome === 'flagged' };
}

/** Takes back today's vote for this entry, while the vote is open. */
export async function withdrawVote(
	db: Db,
	entry: VotableEntry,
	voter: Pick<Voter, 'cookie'>,
	ctx: VoteContext
): Promise<void> {
	const now = ctx.now ?? Date.now();
	await openVote(db, entry.contestId, now);
	const voterId = readVoterCookie(ctx.secret, voter.cookie);
	if (!voterId) throw DomainError.conflict('vote.error.nothingToUndo');
	const deleted = await repo.deleteVoteOfDay(db, {
		contestId: entry.contestId,
		entryId: entry.entryId,
		voter: voterKey(ctx.secret, voterId),
		day: voteDay(now, await contestZone(db, entry.contestId))
	});
	if (!deleted) throw DomainError.conflict('vote.error.nothingToUndo');
}

/** The housekeeping sweep: network hashes older than a day, challenges past expiry. */
export async function purgeVoteTraces(db: Db, now = Date.now()): Promise<void> {
	await repo.deleteNetworkEventsBefore(db, now - NETWORK_RETENTION_MS);
	await db.deleteFrom('vote_challenge').where('expires_at', '<', now).execute();
}

// ── Organizer side ──────────────────────────────────────────────────────────────────────────

function assertOrganizer(actor: SessionUser | null): asserts actor is SessionUser {
	if (!actor || actor.role !== 'organizer') throw DomainError.forbidden();
}

export interface VoteSettingsInput {
	enabled: boolean;
	/** "YYYY-MM-DDTHH:mm" in the contest's zone, or '' for "from now" / "until closed". */
	opensAt: string;
	closesAt: string;
}

export async function updateVoteSettings(
	db: Db,
	actor: SessionUser | null,
	contestId: string,
	input: VoteSettingsInput,
	now = Date.now()
): Promise<void> {
	assertOrganizer(actor);
	const zone = await contestZone(db, contestId);
	const parse = (text: string, key: 'vote.error.opensAt' | 'vote.error.closesAt') => {
		if (text.trim() === '') return null;
		const at = localToEpoch(text, zone);
		if (at === null) throw DomainError.invalid(key);
		return at;
	};
	const opensAt = parse(input.opensAt, 'vote.error.opensAt');
	const closesAt = parse(input.closesAt, 'vote.error.closesAt');
	if (opensAt !== null && closesAt !== null && opensAt >= closesAt)
		throw DomainError.invalid('vote.error.window');
	const current = await repo.findVoteSettings(db, contestId);
	if (current && voteState(current, now) === 'closed' && current.closedAt !== null)
		throw DomainError.conflict('vote.error.closedForGood');
	await repo.saveVoteSettings(
		db,
		contestId,
		{ enabled: input.enabled, opensAt, closesAt, closedAt: null },
		actor.id,
		now
	);
}

/** "Close now": final, so the result cannot be reopened to add more votes. */
export async function closeVoteNow(
	db: Db,
	actor: SessionUser | null,
	contestId: string,
	now = Date.now()
): Promise<void> {
	assertOrganizer(actor);
	await contestZone(db, contestId);
	const current = await repo.findVoteSettings(db, contestId);
	if (voteState(current, now) !== 'open') throw DomainError.conflict('vote.error.notOpen');
	await repo.saveVoteSettings(db, contestId, { ...current!, closedAt: now }, actor.id, now);
}

export interface VoteAdminView {
	contest: { id: string; title: string; status: ContestStatus };
	bands: { id: string; label: string }[];
	/** The exhibition's slug, when it is published (artwork links in the result). */
	publishedSlug: string | null;
	timeZone: string;
	settings: VoteSettings | null;
	state: VoteState;
	/** Networks over the last day, busiest first; hashes only. */
	networks: repo.NetworkReportRow[];
	flaggedVotes: number;
	/** After close only: every public work with votes, most votes first; winners marked. */
	totals: (repo.PublicTotal & { isWinner: boolean })[] | null;
}

export async function getVoteAdmin(
	db: Db,
	actor: SessionUser | null,
	contestId: string,
	now = Date.now()
): Promise<VoteAdminView> {
	assertOrganizer(actor);
	const contest = await findContest(db, contestId);
	if (!contest) throw DomainError.notFound();
	const exhibition = await findExhibition(db, contestId);
	const bands = (await listAgeBands(db, [contestId])).map((b) => ({ id: b.id, label: b.label }));
	const settings = await repo.findVoteSettings(db, contestId);
	const state = voteState(settings, now);
	const networks = (await repo.listNetworkReport(db, contestId, now - NETWORK_RETENTION_MS)).sort(
		(a, b) => b.refused + b.flagged + b.counted - (a.refused + a.flagged + a.counted)
	);
	let totals: VoteAdminView['totals'] = null;
	if (canShowResults(state)) {
		const all = await repo.listPublicVoteTotals(db, contestId);
		const winners = new Set(pickWinners(all).map((w) => w.entryId));
		totals = all
			.map((t) => ({ ...t, isWinner: winners.has(t.entryId) }))
			.sort((a, b) => b.votes - a.votes || a.title.localeCompare(b.title));
	}
	return {
		contest: { id: contest.id, title: contest.title, status: contest.status },
		bands,
		publishedSlug: exhibition?.published_at != null ? exhibition.slug : null,
		timeZone: contest.time_zone,
		settings,
		state,
		networks,
		flaggedVotes: await repo.countFlaggedVotes(db, contestId),
		totals
	};
}

export interface PeoplesChoiceWinner {
	ageBandId: string;
	entryId: string;
	votes: number;
}

/**
 * The people's choice of each age band, once the vote is over (empty before, or when it is
 * off). Ties are shared; only works public now count. Used by the exhibition badges and the
 * ceremony's certificates.
 */
export async function listPeoplesChoiceWinners(
	db: Db,
	contestId: string,
	now = Date.now()
): Promise<PeoplesChoiceWinner[]> {
	const state = voteState(await repo.findVoteSettings(db, contestId), now);
	if (!canShowResults(state)) return [];
	return pickWinners(await repo.listPublicVoteTotals(db, contestId)).map((w) => ({
		ageBandId: w.ageBandId,
		entryId: w.entryId,
		votes: w.votes
	}));
}
