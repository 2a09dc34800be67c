/**
 * Pairwise rounds ("which one shows the theme better?"). Every judge holds an assignment (and a
 * handle) for every artwork they may see — conflicts of interest and recusals work as in other
 * rounds — and the server hands out pairs a few at a time: random until every artwork has been
 * compared a few times, adaptive after (bradley-terry.ts choosePairs). A judge can only decide
 * a pair they were given; a decision names the pair by the judge's own two handles.
 */
import type { SessionUser } from '../auth/session.ts';
import { writeTransaction, type Db, type Trx } from '../db/database.ts';
import { DomainError } from '../errors.ts';
import { newId } from '../ids.ts';
import { entriesInScope, seedOf } from './assign.service.ts';
import {
	choosePairs,
	fitBradleyTerry,
	RANDOM_FIRST,
	type BtFit,
	type Comparison
} from './bradley-terry.ts';
import * as repo from './judging.repository.ts';
import * as scoreRepo from './score.repository.ts';
import * as store from './judgements.repository.ts';
import { countedComparisons, groupsOf, possiblePairs } from './pairwise-rows.ts';
import { assertWithinDates } from './round-dates.ts';
import { HANDLE, judgeOf } from './scoring.service.ts';

/** Pairs a judge holds ahead: enough to keep going through a short network drop. */
export const PAIRS_AHEAD = 5;

/** A judge's share of the round: ⌈artworks × comparisons per artwork / 2 / judges⌉. */
export function pairwiseQuota(entries: number, perEntry: number, judges: number): number {
	if (entries < 2 || judges < 1) return 0;
	return Math.ceil((entries * perEntry) / 2 / judges);
}

export interface JudgePair {
	left: string;
	right: string;
	/** The handle the judge chose, or null while undecided. */
	winner: string | null;
}

export interface PairsView {
	pairs: JudgePair[];
	done: number;
	total: number;
}

/** This judge's pairs in the order given, each shown by handles, left = the smaller handle. */
function viewOf(
	rows: readonly store.ComparisonRow[],
	handleOf: Map<string, string>,
	total: number
): PairsView {
	const pairs: JudgePair[] = [];
	for (const r of rows) {
		const a = handleOf.get(r.first_entry_id);
		const b = handleOf.get(r.second_entry_id);
		if (!a || !b) continue;
		// Handles are keyed per judge, so "the smaller one on the left" is random per artwork.
		const [left, right] = a < b ? [a, b] : [b, a];
		pairs.push({
			left,
			right,
			winner: r.winner_entry_id === null ? null : (handleOf.get(r.winner_entry_id) ?? null)
		});
	}
	return { pairs, done: pairs.filter((p) => p.winner !== null).length, total };
}

async function quotaOf(trx: Db | Trx, round: repo.RoundRow): Promise<number> {
	const [entries, judges] = await Promise.all([
		entriesInScope(trx, round),
		repo.listRoundJudges(trx, round.id)
	]);
	return pairwiseQuota(
		entries.length,
		round.per_entry,
		judges.filter((j) => j.active === 1).length
	);
}

/**
 * The judge's pairs, topped up to PAIRS_AHEAD undecided ones while their share allows. Runs
 * under the round lock so judges asking at the same moment see each other's pending pairs and
 * exposure stays even.
 */
export async function takePairs(
	db: Db,
	user: SessionUser | null,
	roundId: string,
	now = Date.now()
): Promise<PairsView> {
	const { judge, round: seen } = await judgeOf(db, user, roundId);
	if (seen.method !== 'pairwise') throw DomainError.invalid('judging.error.method');
	return writeTransaction(db, async (trx) => {
		const round = await repo.lockRound(db, trx, roundId);
		if (!round) throw DomainError.notFound('judging.error.round');
		const [assignments, rows, quota] = await Promise.all([
			repo.listAssignments(trx, roundId),
			store.listRoundComparisons(trx, roundId),
			quotaOf(trx, round)
		]);
		const mine = assignments.filter((a) => a.judge_id === judge.id && a.recused_at === null);
		const handleOf = new Map(mine.map((a) => [a.entry_id, a.handle]));
		const own = rows.filter((r) => r.judge_id === judge.id);
		const pending = own.filter(
			(r) =>
				r.winner_entry_id === null &&
				handleOf.has(r.first_entry_id) &&
				handleOf.has(r.second_entry_id)
		).length;
		const decided = own.filter((r) => r.winner_entry_id !== null).length;
		const entries = await entriesInScope(trx, round);
		const total = judgeShare(quota, possiblePairs(round, entries, new Set(handleOf.keys())));
		const want = Math.min(PAIRS_AHEAD - pending, total - decided - pending);
		if (round.status === 'open' && want > 0 && mine.length >= 2) {
			const comparisons = countedComparisons(rows, assignments);
			const pendingPairs = rows
				.filter((r) => r.winner_entry_id === null)
				.map((r) => ({
					judgeId: r.judge_id,
					pair: [r.first_entry_id, r.second_entry_id] as [string, string]
				}));
			// Decided pairs of artworks the judge stepped aside from still must not come back.
			const taken = [
				...comparisons,
				...own
					.filter((r) => r.winner_entry_id !== null)
					.map((r) => ({
						judgeId: judge.id,
						winnerId: r.first_entry_id,
						loserId: r.second_entry_id
					}))
			];
			// Per-band rounds never pair artworks of different bands; the band least seen so far
			// (comparisons per artwork) gives the first pair, and so on in turn.
			const bands: { exposure: number; pairs: [string, string][] }[] = [];
			for (const group of groupsOf(round, entries)) {
				const items = group.ids.filter((id) => handleOf.has(id));
				if (items.length < 2) continue;
				const inGroup = new Set(group.ids);
				const counted = comparisons.filter((c) => inGroup.has(c.winnerId));
				const adaptive = shouldAdapt(items, counted);
				const fit: BtFit | undefined = adaptive
					? fitBradleyTerry(group.ids, counted, { splits: 0 })
					: undefined;
				const pairs = choosePairs({
					items,
					comparisons: taken,
					judgeId: judge.id,
					count: want,
					mode: adaptive ? 'adaptive' : 'random',
					...(fit ? { fit } : {}),
					seed: seedOf(`${roundId}:${judge.id}:${rows.length}:${group.bandId}`),
					pending: pendingPairs
				});
				const held = pendingPairs.filter((p) => inGroup.has(p.pair[0])).length;
				bands.push({ exposure: (2 * (counted.length + held)) / group.ids.length, pairs });
			}
			bands.sort((a, b) => a.exposure - b.exposure);
			const chosen: [string, string][] = [];
			for (let k = 0; chosen.length < want && bands.some((b) => k < b.pairs.length); k++)
				for (const b of bands)
					if (k < b.pairs.length && chosen.length < want) chosen.push(b.pairs[k]!);
			const fresh = chosen.map(([x, y]) => ({
				id: newId(),
				roundId,
				judgeId: judge.id,
				firstEntryId: x < y ? x : y,
				secondEntryId: x < y ? y : x,
				now
			}));
			await store.insertComparisons(trx, fresh);
			own.push(
				...fresh.map((f) => ({
					id: f.id,
					judge_id: judge.id,
					first_entry_id: f.firstEntryId,
					second_entry_id: f.secondEntryId,
					winner_entry_id: null,
					created_at: now,
					decided_at: null
				}))
			);
		}
		// The order the pairs were handed out in, as listComparisonsOfJudge returns it.
		own.sort((a, b) => a.created_at - b.created_at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
		return viewOf(own, handleOf, total);
	});
}

/** A judge's share, capped by the pairs they can be shown at all (conflicts shrink their pool). */
export function judgeShare(quota: number, possible: number): number {
	return Math.min(quota, possible);
}

/** The artworks a judge holds (unrecused assignments) in a round. */
export function heldBy(
	assignments: readonly { judge_id: string; entry_id: string; recused_at: number | null }[],
	judgeId: string
): Set<string> {
	return new Set(
		assignments
			.filter((a) => a.judge_id === judgeId && a.recused_at === null)
			.map((a) => a.entry_id)
	);
}

/** Random pairs until the least-seen artwork has RANDOM_FIRST comparisons. */
function shouldAdapt(items: readonly string[], comparisons: readonly Comparison[]): boolean {
	const seen = new Map(items.map((id) => [id, 0]));
	for (const c of comparisons) {
		if (seen.has(c.winnerId)) seen.set(c.winnerId, seen.get(c.winnerId)! + 1);
		if (seen.has(c.loserId)) seen.set(c.loserId, seen.get(c.loserId)! + 1);
	}
	return items.length > 1 && Math.min(...seen.values()) >= RANDOM_FIRST;
}

export interface DecideInput {
	left: unknown;
	right: unknown;
	/** One of the two handles, or null to take the decision back (undo). */
	winner: unknown;
}

/**
 * Records (or takes back) the judge's choice on a pair they were given. Idempotent; a pair not
 * given to this judge, or naming an artwork they stepped aside from, changes nothing.
 */
export async function decidePair(
	db: Db,
	user: SessionUser | null,
	roundId: string,
	input: DecideInput,
	now = Date.now()
): Promise<{ done: number; total: number }> {
	const { judge, round: seen } = await judgeOf(db, user, roundId);
	if (seen.method !== 'pairwise') throw DomainError.invalid('judging.error.method');
	const { left, right, winner } = input;
	if (
		typeof left !== 'string' ||
		typeof right !== 'string' ||
		!HANDLE.test(left) ||
		!HANDLE.test(right) ||
		left === right
	)
		throw DomainError.notFound('judging.error.pair');
	if (winner !== null && winner !== left && winner !== right)
		throw DomainError.invalid('judging.error.winner');

	return writeTransaction(db, async (trx) => {
		const round = await repo.lockRound(db, trx, roundId);
		if (!round || round.status !== 'open') throw DomainError.conflict('judging.error.closed');
		await assertWithinDates(trx, round, now);
		const [a, b] = await Promise.all([
			repo.findAssignmentByHandle(trx, roundId, judge.id, left),
			repo.findAssignmentByHandle(trx, roundId, judge.id, right)
		]);
		if (!a || !b) throw DomainError.notFound('judging.error.pair');
		if (a.recused_at !== null || b.recused_at !== null)
			throw DomainError.conflict('judging.error.recused');
		const [first, second] = a.entry_id < b.entry_id ? [a, b] : [b, a];
		const own = await store.listComparisonsOfJudge(trx, roundId, judge.id);
		const row = own.find(
			(r) => r.first_entry_id === first.entry_id && r.second_entry_id === second.entry_id
		);
		if (!row) throw DomainError.notFound('judging.error.pair');
		const winnerId = winner === null ? null : winner === left ? a.entry_id : b.entry_id;
		if (row.winner_entry_id !== winnerId) {
			await store.setComparisonWinner(trx, row.id, winnerId, now);
			await scoreRepo.insertScoreAudit(trx, {
				id: newId(),
				roundId,
				judgeId: judge.id,
				// The audit row hangs off the first artwork of the pair; the values name the winner.
				entryId: first.entry_id,
				criterionId: null,
				actorUserId: user!.id,
				oldValue: row.winner_entry_id,
				newValue: winnerId,
				now
			});
			row.winner_entry_id = winnerId;
		}
		const held = heldBy(await repo.listAssignments(trx, roundId), judge.id);
		const entries = await entriesInScope(trx, round);
		const total = judgeShare(await quotaOf(trx, round), possiblePairs(round, entries, held));
		return { done: own.filter((r) => r.winner_entry_id !== null).length, total };
	});
}

/** "12 of 40": a judge's decided comparisons out of their share, for the judge's round list. */
export async function pairwiseProgress(
	db: Db,
	roundId: string,
	judgeId: string
): Promise<{ done: number; total: number }> {
	const round = await repo.findRound(db, roundId);
	if (!round) return { done: 0, total: 0 };
	const [own, assignments, quota, entries] = await Promise.all([
		store.listComparisonsOfJudge(db, roundId, judgeId),
		repo.listAssignments(db, roundId),
		quotaOf(db, round),
		entriesInScope(db, round)
	]);
	return {
		done: own.filter((r) => r.winner_entry_id !== null).length,
		total: judgeShare(quota, possiblePairs(round, entries, heldBy(assignments, judgeId)))
	};
}
