/**
 * Closing tallies of screening and pairwise rounds, as round_result rows (the rubric tally lives
 * in close.service.ts). Same columns, read per method:
 *
 * - screening: display = yes share ∈ [0, 1] (maybe = half a yes), z_mean = the share, median =
 *   the median vote (yes 1, maybe ½, no 0). Tie-breaks: share, then median.
 * - pairwise: display = Bradley–Terry strength θ (log-odds against an average artwork), z_mean
 *   = θ, raw_mean = share of comparisons won, median = the SE of θ (for the results page), and
 *   the tie-break order is θ, then share won, then the two artworks' head-to-head record.
 */
import type { Insertable } from 'kysely';
import type { Db, Trx } from '../db/database.ts';
import type { RoundResultTable } from '../db/schema.ts';
import { selectAdvancing } from './advancement.ts';
import { entriesInScope } from './assign.service.ts';
import { fitBradleyTerry, type BtFit, type Comparison } from './bradley-terry.ts';
import * as repo from './judging.repository.ts';
import * as store from './judgements.repository.ts';
import { countedComparisons, groupsOf } from './pairwise-rows.ts';
import { screeningResults } from './screening.ts';
import { rankWithTieBreaks, type TieBreakRow } from './tie-break.ts';

type Entry = Awaited<ReturnType<typeof entriesInScope>>[number];
export interface Scored {
	display: number;
	zMean: number;
	rawMean: number;
	median: number;
	judgeCount: number;
	headToHead?: TieBreakRow['headToHead'];
}

/** Ranks per group (band or all), applies the advancement rule, returns rows to store. */
export function rankAndAdvance(
	round: repo.RoundRow,
	entries: readonly Entry[],
	scored: Map<string, Scored>,
	resolution: number,
	extra: (entryId: string) => { median: number | null } = (id) => ({
		median: scored.get(id)?.median ?? null
	})
): Insertable<RoundResultTable>[] {
	// Pushed in place and looked up by id: copying a group per entry or searching it per rank
	// grew with the square of a band's size.
	const groups = new Map<string, Entry[]>();
	for (const e of entries) {
		if (!scored.has(e.id)) continue;
		const key = round.per_band ? (e.age_band_id ?? '') : '';
		const group = groups.get(key);
		if (group) group.push(e);
		else groups.set(key, [e]);
	}
	const bandOf = new Map(entries.map((e) => [e.id, e.age_band_id]));
	const ranked: { entryId: string; rank: number; tieRule: string; bandId: string | null }[] = [];
	for (const group of groups.values()) {
		const rows: TieBreakRow[] = group.map((e) => {
			const s = scored.get(e.id)!;
			return {
				entryId: e.id,
				display: s.display,
				zMean: s.zMean,
				median: s.median,
				criterion: null,
				...(s.headToHead ? { headToHead: s.headToHead } : {})
			};
		});
		for (const r of rankWithTieBreaks(rows, { resolution }))
			ranked.push({ ...r, bandId: bandOf.get(r.entryId) ?? null });
	}
	const advancing = selectAdvancing(ranked, {
		kind: round.advance_kind,
		value: round.advance_value,
		perBand: round.per_band === 1
	});
	const rankOf = new Map(ranked.map((r) => [r.entryId, r]));
	return entries.map((e) => {
		const s = scored.get(e.id);
		const rank = rankOf.get(e.id);
		return {
			round_id: round.id,
			entry_id: e.id,
			age_band_id: e.age_band_id,
			judge_count: s?.judgeCount ?? 0,
			display: s?.display ?? null,
			z_mean: s?.zMean ?? null,
			raw_mean: s?.rawMean ?? null,
			median: s ? extra(e.id).median : null,
			rank: rank?.rank ?? null,
			tie_rule: rank?.tieRule ?? null,
			advanced: advancing.has(e.id) ? 1 : 0,
			flagged: 0,
			override_reason: null
		};
	});
}

/** Median of a non-empty list. */
export function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = sorted.length >> 1;
	return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export async function tallyScreeningRound(trx: Db | Trx, round: repo.RoundRow) {
	const [votes, assignments, entries] = await Promise.all([
		store.listRoundVotes(trx, round.id),
		repo.listAssignments(trx, round.id),
		entriesInScope(trx, round)
	]);
	const recused = new Set(
		assignments.filter((a) => a.recused_at !== null).map((a) => `${a.judge_id}:${a.entry_id}`)
	);
	const counted = votes.filter((v) => !recused.has(`${v.judge_id}:${v.entry_id}`));
	const worth = { yes: 1, maybe: 0.5, no: 0 } as const;
	const valuesOf = new Map<string, number[]>();
	for (const v of counted) {
		const values = valuesOf.get(v.entry_id);
		if (values) values.push(worth[v.vote]);
		else valuesOf.set(v.entry_id, [worth[v.vote]]);
	}
	const scored = new Map<string, Scored>();
	for (const r of screeningResults(
		counted.map((v) => ({ judgeId: v.judge_id, entryId: v.entry_id, vote: v.vote }))
	))
		scored.set(r.entryId, {
			display: r.score,
			zMean: r.score,
			rawMean: r.score,
			median: median(valuesOf.get(r.entryId) ?? [0]),
			judgeCount: r.judgeCount
		});
	// Shares shown as whole percentages count as tied there; the median then decides.
	return rankAndAdvance(round, entries, scored, 1e-6);
}

export interface PairwiseGroup {
	/** The age band fitted, or null when the round compares across bands. */
	bandId: string | null;
	fit: BtFit;
	comparisons: Comparison[];
}

/**
 * The Bradley–Terry fit of a pairwise round's counted comparisons, one per age band when the
 * round runs per band (pairs never cross bands then), else one for all. Dashboard and close.
 */
export async function fitPairwiseRound(
	trx: Db | Trx,
	round: repo.RoundRow
): Promise<PairwiseGroup[]> {
	const [rows, assignments, entries] = await Promise.all([
		store.listRoundComparisons(trx, round.id),
		repo.listAssignments(trx, round.id),
		entriesInScope(trx, round)
	]);
	const comparisons = countedComparisons(rows, assignments);
	return groupsOf(round, entries).map(({ bandId, ids }) => {
		const inGroup = new Set(ids);
		const mine = comparisons.filter((c) => inGroup.has(c.winnerId) && inGroup.has(c.loserId));
		return { bandId, fit: fitBradleyTerry(ids, mine, { seed: 7 }), comparisons: mine };
	});
}

export async function tallyPairwiseRound(trx: Db | Trx, round: repo.RoundRow) {
	const [groups, entries] = await Promise.all([
		fitPairwiseRound(trx, round),
		entriesInScope(trx, round)
	]);
	const record = new Map<string, number>();
	const judgesOf = new Map<string, Set<string>>();
	for (const c of groups.flatMap((g) => g.comparisons)) {
		record.set(`${c.winnerId}>${c.loserId}`, (record.get(`${c.winnerId}>${c.loserId}`) ?? 0) + 1);
		for (const id of [c.winnerId, c.loserId])
			judgesOf.set(id, (judgesOf.get(id) ?? new Set()).add(c.judgeId));
	}
	const headToHead = (a: string, b: string) =>
		(record.get(`${a}>${b}`) ?? 0) - (record.get(`${b}>${a}`) ?? 0);
	const scored = new Map<string, Scored>();
	const seOf = new Map<string, number>();
	for (const item of groups.flatMap((g) => g.fit.items)) {
		if (item.comparisons === 0) continue;
		seOf.set(item.id, item.se);
		const share = item.wins / item.comparisons;
		scored.set(item.id, {
			display: item.theta,
			zMean: item.theta,
			rawMean: share,
			// Second tie-break key: the share of comparisons won.
			median: share,
			judgeCount: judgesOf.get(item.id)?.size ?? 0,
			headToHead
		});
	}
	// θ shown with two decimals: closer strengths count as tied and go down the published order.
	return rankAndAdvance(round, entries, scored, 0.01, (id) => ({ median: seOf.get(id) ?? null }));
}
