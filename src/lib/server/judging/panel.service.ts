/**
 * The judge's side of a panel round: every panel judge orders the whole shortlist (per age
 * band, or all together) and saves the order as one ballot. Saves are idempotent, name the
 * revision they saw (stale → 409 with the current order) and may change until the round closes.
 * A judge names artworks only by their own handles.
 */
import type { SessionUser } from '../auth/session.ts';
import { listAgeBands } from '../contests/contest.repository.ts';
import { writeTransaction, type Db, type Trx } from '../db/database.ts';
import { DomainError } from '../errors.ts';
import { newId } from '../ids.ts';
import { entriesInScope } from './assign.service.ts';
import * as repo from './judging.repository.ts';
import * as scoreRepo from './score.repository.ts';
import * as panel from './panel.repository.ts';
import { groupsOf } from './pairwise-rows.ts';
import { assertWithinDates } from './round-dates.ts';
import { HANDLE, judgeOf } from './scoring.service.ts';

/** Key of a group on the wire: the band id, or ALL when the round ranks across bands. */
export const ALL_BANDS = 'all';
const NO_BAND = 'none';
const keyOf = (round: { per_band: number }, bandId: string | null) =>
	round.per_band ? (bandId ?? NO_BAND) : ALL_BANDS;
/** A shortlist longer than this is not a panel's work; also bounds what a request may send. */
export const PANEL_MAX = 200;

export interface PanelGroup {
	key: string;
	/** The age band's name, or null when the round ranks across bands. */
	label: string | null;
	/** The judge's current order, best first: their saved ballot, else their own random order. */
	handles: string[];
	revision: number;
	saved: boolean;
}

type Work = Awaited<ReturnType<typeof repo.listJudgeWork>>;

/** The judge's groups: which of their (unrecused) handles belong together, in their order. */
async function groupsOfJudge(
	db: Db | Trx,
	round: repo.RoundRow,
	work: Work
): Promise<{ key: string; bandId: string | null; entryIds: string[]; work: Work }[]> {
	const entries = await entriesInScope(db, round);
	const mine = new Map(work.filter((w) => w.recused_at === null).map((w) => [w.entry_id, w]));
	return groupsOf(round, entries)
		.map((g) => {
			const held = g.ids.filter((id) => mine.has(id));
			return {
				key: keyOf(round, g.bandId),
				bandId: g.bandId,
				entryIds: held,
				work: held.map((id) => mine.get(id)!).sort((a, b) => a.position - b.position)
			};
		})
		.filter((g) => g.entryIds.length > 0);
}

/** What the panel screen shows: the judge's groups with their current order. */
export async function getPanelBallots(
	db: Db,
	user: SessionUser | null,
	roundId: string
): Promise<PanelGroup[]> {
	const { judge, round } = await judgeOf(db, user, roundId);
	if (round.method !== 'panel') return [];
	const [work, rows, bands] = await Promise.all([
		repo.listJudgeWork(db, roundId, judge.id),
		panel.listRankingsOfJudge(db, roundId, judge.id),
		listAgeBands(db, [round.contest_id])
	]);
	const rankOf = new Map(rows.map((r) => [r.entry_id, r]));
	const groups = await groupsOfJudge(db, round, work);
	return groups.map((g) => {
		const ranked = g.work.filter((w) => rankOf.has(w.entry_id));
		const saved = ranked.length > 0;
		// A saved ballot first (in its order); anything added since it was saved goes last.
		const ordered = [
			...ranked.sort((a, b) => rankOf.get(a.entry_id)!.rank - rankOf.get(b.entry_id)!.rank),
			...g.work.filter((w) => !rankOf.has(w.entry_id))
		];
		const band = bands.find((b) => b.id === g.bandId);
		return {
			key: g.key,
			label: round.per_band ? (band ? band.label || `${band.min_age}–${band.max_age}` : '') : null,
			handles: ordered.map((w) => w.handle),
			revision: saved ? Math.max(...ranked.map((w) => rankOf.get(w.entry_id)!.revision)) : 0,
			saved
		};
	});
}

export interface SaveRankingInput {
	group: unknown;
	/** The judge's handles of the group, best first: each exactly once. */
	handles: unknown;
	base: unknown;
}

export interface SaveRankingResult {
	group: string;
	handles: string[];
	revision: number;
	doneCount: number;
	total: number;
}

export async function saveRanking(
	db: Db,
	user: SessionUser | null,
	roundId: string,
	input: SaveRankingInput,
	now = Date.now()
): Promise<SaveRankingResult> {
	const { judge, round: seen } = await judgeOf(db, user, roundId);
	if (seen.method !== 'panel') throw DomainError.invalid('judging.error.method');
	const { group, handles, base } = input;
	if (typeof group !== 'string' || group.length > 40)
		throw DomainError.invalid('judging.error.rankingGroup');
	if (
		!Array.isArray(handles) ||
		handles.length === 0 ||
		handles.length > PANEL_MAX ||
		!handles.every((h): h is string => typeof h === 'string')
	)
		throw DomainError.invalid('judging.error.rankingMissing');
	if (!handles.every((h) => HANDLE.test(h))) throw DomainError.notFound('judging.error.entry');
	if (new Set(handles).size !== handles.length)
		throw DomainError.invalid('judging.error.rankingDuplicate');
	if (typeof base !== 'number' || !Number.isInteger(base) || base < 0)
		throw DomainError.invalid('judging.error.base');

	return writeTransaction(db, async (trx) => {
		const round = await repo.findRound(trx, roundId);
		if (!round || round.status !== 'open') throw DomainError.conflict('judging.error.closed');
		await assertWithinDates(trx, round, now);
		await panel.lockRoundJudge(db, trx, judge.id);
		const work = await repo.listJudgeWork(trx, roundId, judge.id);
		const groups = await groupsOfJudge(trx, round, work);
		const target = groups.find((g) => g.key === group);
		if (!target) throw DomainError.invalid('judging.error.rankingGroup');
		const byHandle = new Map(target.work.map((w) => [w.handle, w]));
		// A handle of this judge's, but recused or in another group, is as unknown as a forged one.
		if (!handles.every((h) => byHandle.has(h))) throw DomainError.notFound('judging.error.entry');
		if (handles.length !== target.work.length)
			throw DomainError.invalid('judging.error.rankingMissing');

		const order = handles.map((h) => byHandle.get(h)!.entry_id);
		const inGroup = new Set(target.entryIds);
		const current = (await panel.listRankingsOfJudge(trx, roundId, judge.id)).filter((r) =>
			inGroup.has(r.entry_id)
		);
		const currentRevision = current.reduce((m, r) => Math.max(m, r.revision), 0);
		const handleOf = new Map(target.work.map((w) => [w.entry_id, w.handle]));
		const same =
			current.length === order.length && current.every((r, i) => r.entry_id === order[i]);
		let revision = currentRevision;
		if (!same) {
			if (currentRevision !== base)
				throw DomainError.conflict('judging.error.stale', {
					value: current.map((r) => handleOf.get(r.entry_id) ?? '').join(','),
					revision: currentRevision
				});
			revision = currentRevision + 1;
			await panel.replaceBallot(trx, {
				roundId,
				judgeId: judge.id,
				groupEntryIds: target.entryIds,
				order,
				revision,
				now
			});
			const before = new Map(current.map((r) => [r.entry_id, r.rank]));
			for (const [i, entryId] of order.entries()) {
				const old = before.get(entryId);
				if (old === i + 1) continue;
				await scoreRepo.insertScoreAudit(trx, {
					id: newId(),
					roundId,
					judgeId: judge.id,
					entryId,
					criterionId: null,
					actorUserId: user!.id,
					oldValue: old === undefined ? null : `rank ${old}`,
					newValue: `rank ${i + 1}`,
					now
				});
			}
		}
		for (const w of target.work)
			if (w.done_at === null) await repo.setAssignmentState(trx, w.id, { done_at: now });
		const progress = await repo.countJudgeProgress(trx, roundId, judge.id);
		return {
			group,
			handles: order.map((id) => handleOf.get(id)!),
			revision,
			...progress
		};
	});
}
