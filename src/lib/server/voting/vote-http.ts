/**
 * The people's choice as the web sees it: the voter cookie, and what an artwork page needs to
 * show the vote button. Routes stay thin; the rules are in voting.service.ts.
 */
import type { Cookies } from '@sveltejs/kit';
import type { Db } from '../db/database.ts';
import type { PublicEntry } from '../exhibition/public-entry.repository.ts';
import { findVoteSettings } from './voting.repository.ts';
import { getVoteStatus, listPeoplesChoiceWinners, type VoteStatus } from './voting.service.ts';
import { voteSecret } from './secret.ts';

export const VOTER_COOKIE = 'sprout_voter';
/** Browsers cap cookie lifetimes at 400 days anyway. */
const VOTER_COOKIE_DAYS = 400;

/** HttpOnly (no script reads it), SameSite=Lax, sent only to the exhibition pages. */
export function setVoterCookie(cookies: Cookies, url: URL, value: string): void {
	cookies.set(VOTER_COOKIE, value, {
		path: '/exhibitions',
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:',
		maxAge: VOTER_COOKIE_DAYS * 86_400
	});
}

export interface VoteButtonData extends VoteStatus {
	opensAt: number | null;
	closesAt: number | null;
	/** Where the button fetches a challenge (GET), votes (POST) and takes a vote back (DELETE). */
	endpoint: string;
}

export interface PeoplesChoiceBadge {
	votes: number;
}

/**
 * For an artwork page: the button's state (null when the vote is off for this exhibition, so
 * nothing is shown or loaded) and the people's-choice badge once the vote is over.
 */
export async function voteForArtwork(
	db: Db,
	entry: PublicEntry,
	endpoint: string,
	cookies: Cookies,
	now = Date.now()
): Promise<{ vote: VoteButtonData | null; peoplesChoice: PeoplesChoiceBadge | null }> {
	const settings = await findVoteSettings(db, entry.contestId);
	if (!settings?.enabled) return { vote: null, peoplesChoice: null };
	const status = await getVoteStatus(
		db,
		entry,
		{ cookie: cookies.get(VOTER_COOKIE) },
		{ secret: voteSecret(), now }
	);
	const won =
		status.state === 'closed'
			? (await listPeoplesChoiceWinners(db, entry.contestId, now)).find(
					(w) => w.entryId === entry.entryId
				)
			: undefined;
	return {
		vote: { ...status, opensAt: settings.opensAt, closesAt: settings.closesAt, endpoint },
		peoplesChoice: won ? { votes: won.votes } : null
	};
}

/** Entry ids that won the people's choice, for badges on a grid (empty while the vote runs). */
export async function peoplesChoiceEntryIds(db: Db, contestId: string): Promise<Set<string>> {
	return new Set((await listPeoplesChoiceWinners(db, contestId)).map((w) => w.entryId));
}
