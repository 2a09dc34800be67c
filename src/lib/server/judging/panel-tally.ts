/**
 * Closing a panel round: per group (age band, or all), the Schulze method over the judges'
 * ballots. Stored like the other methods' results:
 *
 * - display = the Schulze place turned into a score (tiers − place + 1, higher is better);
 * - z_mean = raw_mean = the mean normalized position over the ballots that list the artwork
 *   (1 = every judge put it first, 0 = last), median = its median: the published order's
 *   "normalized score" and "median" when Schulze leaves a tie;
 * - the last rule is the panel's head-to-head: how many judges preferred one to the other.
 *
 * A judge's ballot leaves out what they may not see (conflict, recusal): no opinion there.
 */
import type { Db, Trx } from '../db/database.ts';
import { entriesInScope } from './assign.service.ts';
import * as repo from './judging.repository.ts';
import { median, rankAndAdvance, type Scored } from './method-tally.ts';
import * as panel from './panel.repository.ts';
import { groupsOf } from './pairwise-rows.ts';
import { schulze } from './schulze.ts';

export interface PanelGroupResult {
	bandId: string | null;
	/** Entry ids, in the order d and p are indexed. */
	candidates: string[];
	/** Schulze tiers, best first. */
	ranking: string[][];
	d: number[][];
	p: number[][];
	/** The counted ballots, entry ids best first. */
	ballots: string[][];
}

/** The counted ballots of each group and their Schulze result. Results page and close. */
export async function schulzePanelRound(
	trx: Db | Trx,
	round: repo.RoundRow
): Promise<PanelGroupResult[]> {
	const [rows, assignments, entries] = await Promise.all([
		panel.listRoundRankings(trx, round.id),
		repo.listAssignments(trx, round.id),
		entriesInScope(trx, round)
	]);
	const counted = new Set(
		assignments.filter((a) => a.recused_at === null).map((a) => `${a.judge_id}:${a.entry_id}`)
	);
	const byJudge = new Map<string, string[]>();
	for (const r of rows) {
		if (!counted.has(`${r.judge_id}:${r.entry_id}`)) continue;
		byJudge.set(r.judge_id, [...(byJudge.get(r.judge_id) ?? []), r.entry_id]);
	}
	return groupsOf(round, entries).map(({ bandId, ids }) => {
		const inGroup = new Set(ids);
		const ballots = [...byJudge.values()]
			.map((order) => order.filter((id) => inGroup.has(id)))
			.filter((order) => order.length > 0);
		const result = schulze(ids, ballots, { unlisted: 'abstain' });
		return { bandId, candidates: ids, ballots, ...result };
	});
}

export async function tallyPanelRound(trx: Db | Trx, round: repo.RoundRow) {
	const [groups, entries] = await Promise.all([
		schulzePanelRound(trx, round),
		entriesInScope(trx, round)
	]);
	const scored = new Map<string, Scored>();
	for (const g of groups) {
		const index = new Map(g.candidates.map((id, i) => [id, i]));
		const headToHead = (a: string, b: string) => {
			const i = index.get(a);
			const j = index.get(b);
			if (i === undefined || j === undefined) return 0;
			return (g.d[i]![j] as number) - (g.d[j]![i] as number);
		};
		// Each ballot's positions, normalized to [0, 1] (1 = first).
		const positions = new Map<string, number[]>();
		for (const order of g.ballots)
			order.forEach((id, i) =>
				positions.set(id, [
					...(positions.get(id) ?? []),
					order.length > 1 ? 1 - i / (order.length - 1) : 1
				])
			);
		g.ranking.forEach((tier, place) => {
			for (const id of tier) {
				const mine = positions.get(id);
				if (!mine) continue;
				const mean = mine.reduce((a, b) => a + b, 0) / mine.length;
				scored.set(id, {
					display: g.ranking.length - place,
					zMean: mean,
					rawMean: mean,
					median: median(mine),
					judgeCount: mine.length,
					headToHead
				});
			}
		});
	}
	return rankAndAdvance(round, entries, scored, 1e-6);
}
