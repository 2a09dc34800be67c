/**
 * People's choice rules, free of I/O so they can be tested exhaustively: when the vote is open,
 * which calendar day a vote belongs to, how busy a network may be, and who won.
 */
import { dateIn } from '../contests/time-zone.ts';

export interface VoteSettings {
	enabled: boolean;
	opensAt: number | null;
	closesAt: number | null;
	closedAt: number | null;
}

/** off: switched off; scheduled: not yet open; open; closed: over, results may be shown. */
export type VoteState = 'off' | 'scheduled' | 'open' | 'closed';

export function voteState(settings: VoteSettings | null, now: number): VoteState {
	if (!settings || !settings.enabled) return 'off';
	if (settings.closedAt !== null && settings.closedAt <= now) return 'closed';
	if (settings.closesAt !== null && settings.closesAt <= now) return 'closed';
	if (settings.opensAt !== null && now < settings.opensAt) return 'scheduled';
	return 'open';
}

/**
 * Totals stay hidden, from everyone, until the vote is over: a visible running count invites
 * families to campaign and tells a flood how much it needs.
 */
export function canShowResults(state: VoteState): boolean {
	return state === 'closed';
}

/** "One vote a day" follows the contest's own calendar, not the server's or the visitor's. */
export function voteDay(now: number, timeZone: string): string {
	return dateIn(now, timeZone);
}

// Limits per network (one truncated IP hash). A school shares one address, so these are far
// above what a class voting together produces and far below what a script does.
/** Votes from browsers that came without a voter cookie, per FRESH_WINDOW_MS. */
export const FRESH_LIMIT = 5;
export const FRESH_WINDOW_MS = 5_000;
/** Counted but flagged for the organizer above this many votes per minute. */
export const BURST_FLAG_PER_MINUTE = 40;
/** Refused above this many votes per minute. */
export const BURST_REFUSE_PER_MINUTE = 120;

export interface NetworkActivity {
	/** Accepted or flagged votes from fresh cookies in the last FRESH_WINDOW_MS. */
	recentFresh: number;
	/** Accepted or flagged votes in the last minute. */
	lastMinute: number;
}

export type FloodVerdict = 'counted' | 'flagged' | 'refused';

/** What to do with one more vote from a network that has already done `activity`. */
export function floodVerdict(activity: NetworkActivity, isFreshVoter: boolean): FloodVerdict {
	if (isFreshVoter && activity.recentFresh >= FRESH_LIMIT) return 'refused';
	if (activity.lastMinute >= BURST_REFUSE_PER_MINUTE) return 'refused';
	if (activity.lastMinute >= BURST_FLAG_PER_MINUTE) return 'flagged';
	return 'counted';
}

export interface EntryTotal {
	ageBandId: string;
	entryId: string;
	votes: number;
}

/**
 * The people's choice of each age band: the entry with the most votes. A tie is shared (every
 * tied entry wins) rather than broken by something arbitrary; a band without votes has none.
 */
export function pickWinners<T extends EntryTotal>(totals: readonly T[]): T[] {
	const best = new Map<string, number>();
	for (const t of totals) {
		if (t.votes > 0 && t.votes > (best.get(t.ageBandId) ?? 0)) best.set(t.ageBandId, t.votes);
	}
	return totals
		.filter((t) => t.votes > 0 && t.votes === best.get(t.ageBandId))
		.sort((a, b) => a.ageBandId.localeCompare(b.ageBandId) || a.entryId.localeCompare(b.entryId));
}
