/**
 * What the organizer reads about a panel round: per group, the Schulze ranking (tiers) and the
 * pairwise-preference matrix d (how many judges put the row's artwork above the column's).
 * Artworks appear by the organizer's handle, title and pseudonym only.
 */
import type { SessionUser } from '../auth/session.ts';
import type { Db } from '../db/database.ts';
import * as resultRepo from './result.repository.ts';
import { schulzePanelRound } from './panel-tally.ts';
import { organizerHandle } from './results.service.ts';
import { assertOrganizer, roundOfContest } from './round.service.ts';

export interface PanelCandidate {
	entryId: string;
	handle: string;
	title: string;
	pseudonym: string;
}

export async function panelSummary(
	db: Db,
	actor: SessionUser | null,
	contestId: string,
	roundId: string
) {
	assertOrganizer(actor);
	const round = await roundOfContest(db, contestId, roundId);
	if (round.method !== 'panel') return [];
	const [groups, results] = await Promise.all([
		schulzePanelRound(db, round),
		resultRepo.listResults(db, roundId)
	]);
	const about = new Map(results.map((r) => [r.entry_id, r]));
	const candidate = (entryId: string): PanelCandidate => ({
		entryId,
		handle: organizerHandle(round.handle_secret, entryId),
		title: about.get(entryId)?.title ?? '',
		pseudonym: about.get(entryId)?.pseudonym ?? ''
	});
	return groups.map((g) => {
		// Rows and columns in the Schulze order, so the majorities sit above the diagonal.
		const order = g.ranking.flat();
		const index = new Map(g.candidates.map((id, i) => [id, i]));
		return {
			bandId: g.bandId,
			ballots: g.ballots.length,
			candidates: order.map(candidate),
			ranking: g.ranking.map((tier) => tier.map(candidate)),
			matrix: order.map((a) => order.map((b) => g.d[index.get(a)!]![index.get(b)!] as number))
		};
	});
}
