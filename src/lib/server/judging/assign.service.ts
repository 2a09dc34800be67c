/**
 * Turning the pure assignment plan into rows: who judges what, in which order, under which
 * handle. Runs inside the caller's write transaction, so a judge joining, dropping out or
 * recusing and the rebalancing it causes are one atomic step.
 */
import type { Db, Trx } from '../db/database.ts';
import { listApprovedEntries, listApprovedEntryBands } from '../entries/entry.repository.ts';
import { newId } from '../ids.ts';
import { planAssignments, pickCalibration, type AssignEntry } from './assignment.ts';
import { assignHandles } from './handles.ts';
import * as repo from './judging.repository.ts';
import * as scoreRepo from './score.repository.ts';
import * as resultRepo from './result.repository.ts';
import { rubricResults } from './rubric.ts';
import { countedWork, groupScores } from './score-rows.ts';

/** Every judge of a rubric round starts with the same few entries (leniency on common ground). */
export const CALIBRATION_COUNT = 3;

/** Small stable integer from a string, for the pure modules' seeded randomness. */
export function seedOf(text: string): number {
	let h = 2166136261;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 16777619);
	}
	return h >>> 0;
}

/** The entries a round judges: all approved ones, or those the previous round advanced. */
export async function entriesInScope(trx: Db | Trx, round: repo.RoundRow) {
	return inScope(trx, round, await listApprovedEntries(trx, round.contest_id));
}

/** entriesInScope with only id and band, unordered: what closing a round reads. */
export async function entryBandsInScope(trx: Db | Trx, round: repo.RoundRow) {
	return inScope(trx, round, await listApprovedEntryBands(trx, round.contest_id));
}

async function inScope<T extends { id: string }>(
	trx: Db | Trx,
	round: repo.RoundRow,
	approved: T[]
): Promise<T[]> {
	if (round.scope === 'all') return approved;
	const rounds = await repo.listRounds(trx, round.contest_id);
	const previous = rounds.filter((r) => r.position < round.position).at(-1);
	if (!previous) return [];
	const advanced = new Set(await resultRepo.listAdvancedEntryIds(trx, previous.id));
	return approved.filter((e) => advanced.has(e.id));
}

export interface RebalanceOutcome {
	added: number;
	removed: number;
	shortfall: { entryId: string; missing: number }[];
}

/**
 * Disagreement triage: entries whose judges' normalized scores spread beyond the round's
 * threshold, from the finished, unrecused scorings so far.
 */
export async function flaggedEntries(
	trx: Db | Trx,
	round: repo.RoundRow,
	existing: Awaited<ReturnType<typeof repo.listAssignments>>
): Promise<string[]> {
	if (round.method !== 'rubric' || round.status !== 'open') return [];
	const keep = countedWork(existing);
	if (!existing.some((a) => keep(a.judge_id, a.entry_id))) return [];
	const [criteriaRows, scoreRows] = await Promise.all([
		repo.listCriteria(trx, round.id),
		scoreRepo.listRoundScores(trx, round.id)
	]);
	const tally = rubricResults({
		criteria: criteriaRows.map((c) => ({
			id: c.id,
			weight: c.weight,
			min: c.min_value,
			max: c.max_value
		})),
		scores: groupScores(scoreRows, keep),
		disagreement: round.disagreement
	});
	return tally.entries.filter((e) => e.flagged && e.judgeCount >= 2).map((e) => e.entryId);
}

/**
 * Brings the round's assignments in line with its judges: new judges get work, inactive ones
 * lose their undone work to others, recused entries find another judge, and entries the judges
 * disagree on get one extra judge while someone has capacity (a quarter above the fair share).
 * Scores already given are never touched (done assignments are kept by the plan and by the
 * delete itself).
 */
export async function rebalanceRound(
	trx: Trx,
	round: repo.RoundRow,
	now: number
): Promise<RebalanceOutcome> {
	const [entries, judges, existing] = await Promise.all([
		entriesInScope(trx, round),
		repo.listRoundJudges(trx, round.id),
		repo.listAssignments(trx, round.id)
	]);
	const schools = await repo.listJudgeSchools(
		trx,
		judges.map((j) => j.user_id)
	);
	const assignEntries: AssignEntry[] = entries.map((e) => ({
		id: e.id,
		schoolId: e.school_id,
		approvedBy: e.reviewed_by,
		bandId: e.age_band_id
	}));
	const already = [...new Set(existing.filter((a) => a.calibration === 1).map((a) => a.entry_id))];
	const calibrationIds =
		round.method !== 'rubric'
			? []
			: already.length > 0
				? already
				: pickCalibration(assignEntries, CALIBRATION_COUNT, seedOf(round.id));
	const flagged = await flaggedEntries(trx, round, existing);
	const activeJudges = judges.filter((j) => j.active === 1).length;
	const fairShare = activeJudges ? Math.ceil((entries.length * round.per_entry) / activeJudges) : 0;
	const plan = planAssignments({
		entries: assignEntries,
		judges: judges.map((j) => ({
			id: j.id,
			userId: j.user_id,
			schoolIds: schools.filter((s) => s.user_id === j.user_id).map((s) => s.school_id),
			active: j.active === 1
		})),
		// Pairwise: every judge may be shown every artwork (bar conflicts); pairs come later.
		// Panel: every judge ranks the whole shortlist (bar conflicts).
		perEntry:
			round.method === 'pairwise' || round.method === 'panel'
				? Math.max(1, activeJudges)
				: round.per_entry,
		calibrationIds,
		existing: existing.map((a) => ({
			judgeId: a.judge_id,
			entryId: a.entry_id,
			done: a.done_at !== null,
			recused: a.recused_at !== null,
			calibration: a.calibration === 1,
			position: a.position
		})),
		seed: seedOf(`${round.id}:${existing.length}:${judges.length}`),
		...(flagged.length > 0
			? {
					extra: Object.fromEntries(flagged.map((id) => [id, 1])),
					maxPerJudge: Math.ceil(fairShare * 1.25) + calibrationIds.length
				}
			: {})
	});

	for (const r of plan.remove)
		await repo.deleteUndoneAssignment(trx, round.id, r.judgeId, r.entryId);

	const rows = [];
	const byJudge = new Map<string, typeof plan.add>();
	for (const a of plan.add) byJudge.set(a.judgeId, [...(byJudge.get(a.judgeId) ?? []), a]);
	for (const [judgeId, adds] of byJudge) {
		// A handle this judge has ever been shown (even for work just taken back) is never reused
		// for another entry: their notes or memory of "A7K3" must keep meaning one artwork.
		const kept = existing.filter((a) => a.judge_id === judgeId);
		const handles = assignHandles(
			round.handle_secret,
			judgeId,
			adds.map((a) => a.entryId),
			kept.map((a) => a.handle)
		);
		for (const a of adds) {
			const handle = handles.get(a.entryId)!;
			rows.push({
				id: newId(),
				round_id: round.id,
				judge_id: judgeId,
				entry_id: a.entryId,
				position: a.position,
				calibration: a.calibration ? 1 : 0,
				handle,
				recused_at: null,
				done_at: null,
				created_at: now
			});
		}
	}
	await repo.insertAssignments(trx, rows);
	return { added: rows.length, removed: plan.remove.length, shortfall: plan.shortfall };
}
