/**
 * The people's choice as the web sees it: the voter cookie, and what an artwork page needs to
 * show the vote button. Routes stay thin; the rules are in voting.service.ts.
 */
import type { Cookies } from '@sveltejs/kit';
import type { Db } from '../db/database.ts';
import { artworkPath, isHandle, isSlug } from '../../exhibition/paths.ts';
import { findPublicEntry, findPublicExhibition } from '../exhibition/public-entry.repository.ts';
import { keptFor, publicVersion } from '../exhibition/public-version.ts';
import { pickWinners, voteState } from './rules.ts';
import { findVoteSettings, listPublicVoteTotals } from './voting.repository.ts';
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
	/** The contest's zone: the dates read on its clock, and "one vote per day" turns with it. */
	timeZone: string;
	/** Where the button fetches a challenge (GET), votes (POST) and takes a vote back (DELETE). */
	endpoint: string;
}

export interface PeoplesChoiceBadge {
	votes: number;
}

const NOTHING = { vote: null, peoplesChoice: null };

/**
 * The vote settings behind a public slug, kept under the public version (the settings table
 * bumps it), so a page of an exhibition without a vote asks nothing more of the database.
 */
function voteSettingsOf(db: Db, slug: string, version: string) {
	return keptFor(version, JSON.stringify(['vote-settings', slug]), async () => {
		const exhibition = await findPublicExhibition(db, slug);
		if (!exhibition) return null;
		return {
			contestId: exhibition.contest_id,
			timeZone: exhibition.time_zone,
			settings: await findVoteSettings(db, exhibition.contest_id)
		};
	});
}

/**
 * For an artwork page: the button's state (null when the vote is off for this exhibition, so
 * nothing is shown or loaded) and the people's-choice badge once the vote is over.
 */
export async function voteForArtwork(
	db: Db,
	slug: string,
	handle: string,
	cookies: Cookies,
	now = Date.now()
): Promise<{ vote: VoteButtonData | null; peoplesChoice: PeoplesChoiceBadge | null }> {
	if (!isSlug(slug) || !isHandle(handle)) return NOTHING;
	const vote = await voteSettingsOf(db, slug, await publicVersion(db));
	const settings = vote?.settings;
	if (!vote || !settings?.enabled) return NOTHING;
	const entry = await findPublicEntry(db, slug, handle);
	if (!entry) return NOTHING;
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
		vote: {
			...status,
			opensAt: settings.opensAt,
			closesAt: settings.closedAt ?? settings.closesAt,
			timeZone: vote.timeZone,
			endpoint: `${artworkPath(slug, handle)}/vote`
		},
		peoplesChoice: won ? { votes: won.votes } : null
	};
}

/**
 * Handles of the people's-choice winners of an exhibition, for grid badges (after close).
 * Kept under the public version: once a vote is closed no vote moves, and whatever takes a
 * work off the public pages bumps the version.
 */
export async function peoplesChoiceHandles(db: Db, slug: string, now = Date.now()) {
	if (!isSlug(slug)) return [];
	const version = await publicVersion(db);
	const vote = await voteSettingsOf(db, slug, version);
	if (!vote || voteState(vote.settings, now) !== 'closed') return [];
	return keptFor(version, JSON.stringify(['peoples-choice', slug]), async () =>
		pickWinners(await listPublicVoteTotals(db, vote.contestId)).map((w) => w.handle)
	);
}

/**
 * When the grid's people's-choice badges may appear with no write to the database: the
 * moment an enabled vote closes by its own clock. Null when no such moment lies ahead.
 */
export async function peoplesChoiceChangesAt(
	db: Db,
	slug: string,
	now = Date.now()
): Promise<number | null> {
	if (!isSlug(slug)) return null;
	const vote = await voteSettingsOf(db, slug, await publicVersion(db));
	const settings = vote?.settings;
	if (!settings?.enabled || voteState(settings, now) === 'closed') return null;
	const ends = [settings.closedAt, settings.closesAt].filter((t): t is number => t !== null);
	return ends.length ? Math.min(...ends) : null;
}
