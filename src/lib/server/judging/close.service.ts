/**
 * Closing a round: lock → tally → rank → advance → store → close, in ONE write transaction. A
 * judge's save racing the close either commits before the lock (and is counted) or finds the
 * round closed and is refused; nothing lands in between.
 */
import type { Insertable } from 'kysely';
import { recordAudit } from '../audit/audit.repository.ts';
import type { SessionUser } from '../auth/session.ts';
import { writeTransaction, type Db, type Trx } from '../db/database.ts';
import type { RoundResultTable } from '../db/schema.ts';
import { DomainError } from '../errors.ts';
import { selectAdvancing } from './advancement.ts';
import { entriesInScope, entryBandsInScope } from './assign.service.ts';
import * as repo from './judging.repository.ts';
import * as scoreRepo from './score.repository.ts';
import * as resultRepo from './result.repository.ts';
import { rubricResults, type Criterion, type RubricScore } from './rubric.ts';
import { listRoundComparisons } from './judgements.repository.ts';
import { tallyPairwiseRound, tallyScreeningRound } from './method-tally.ts';
import { tallyPanelRound } from './panel-tally.ts';
import { heldBy, judgeShare, pairwiseQuota } from './pairwise.service.ts';
import { possiblePairs } from './pairwise-rows.ts';
import { rankWithTieBreaks } from './tie-break.ts';
import { assertOrganizer, roundOfContest } from './round.service.ts';

export const REASON_MAX = 300;

export interface CloseInput {
	/** Close although some assigned work is not done. Needs a reason, which is recorded. */
	force: boolean;
	reason: string;
}

export interface CloseOutcome {
	entries: number;
	advanced: number;
	flagged: number;
}

/**
 * Where a close spent its time, in ms per phase (read and tally apart only for rubric rounds;
 * commit is after the transaction's last statement). Filled in when a caller passes one: the
 * bench reports it next to each figure.
 */
export type ClosePhases = Partial<
	Record<'lock' | 'undone' | 'read' | 'tally' | 'write' | 'status' | 'audit' | 'commit', number>
>;

/** Adds the time since the last lap to `phases[name]`; does nothing without `phases`. */
function stopwatch(phases: ClosePhases | undefined) {
	let last = performance.now();
	return (name: keyof ClosePhases) => {
		if (!phases) return;
		const now = performance.now();
		phases[name] = (phases[name] ?? 0) + (now - last);
		last = now;
	};
}

/** The rubric tally of a round, as rows ready to store. Exported for the bench and tests. */
export async function tallyRubricRound(
	db: Db,
	trx: Trx,
	round: repo.RoundRow,
	lap: (name: 'read') => void = () => {}
) {
	const criteriaRows = await repo.listCriteria(trx, round.id);
	const criterionIds = criteriaRows.map((c) => c.id);
	const [scorings, entries] = await Promise.all([
		scoreRepo.listCountedScorings(db, trx, round.id, criterionIds),
		entryBandsInScope(trx, round)
	]);
	lap('read');
	const criteria: Criterion[] = criteriaRows.map((c) => ({
		id: c.id,
		weight: c.weight,
		min: c.min_value,
		max: c.max_value
	}));
	const scores: RubricScore[] = scorings.map((row) => {
		const values: Record<string, number> = {};
		row.values.forEach((value, c) => {
			if (value !== null) values[criterionIds[c] as string] = value;
		});
		return { judgeId: row.judge_id, entryId: row.entry_id, values };
	});
	return rubricRows(round, criteria, scores, entries);
}

/** The pure part of the rubric tally: results, ranks and advancement as rows to store. */
export function rubricRows(
	round: repo.RoundRow,
	criteria: Criterion[],
	scores: RubricScore[],
	entries: readonly { id: string; age_band_id: string | null }[]
) {
	const tally = rubricResults({ criteria, scores, disagreement: round.disagreement });
	const tieCriterion = criteria[0]?.id;
	const resultOf = new Map(tally.entries.map((e) => [e.entryId, e]));
	const bandOf = new Map(entries.map((e) => [e.id, e.age_band_id]));
	const groups = new Map<string, string[]>();
	for (const e of entries) {
		if (!resultOf.has(e.id)) continue;
		const key = round.per_band ? (e.age_band_id ?? '') : '';
		const group = groups.get(key);
		if (group) group.push(e.id);
		else groups.set(key, [e.id]);
	}
	const ranked: { entryId: string; rank: number; tieRule: string; bandId: string | null }[] = [];
	for (const ids of groups.values()) {
		const rows = ids.map((id) => {
			const r = resultOf.get(id)!;
			return {
				entryId: id,
				display: r.display,
				zMean: r.zMean,
				median: r.rawMedian,
				criterion: tieCriterion !== undefined ? (r.criterionMeans[tieCriterion] ?? null) : null
			};
		});
		// Scores that look the same on the page (0–100, one decimal) count as tied.
		for (const r of rankWithTieBreaks(rows, { resolution: 0.001 }))
			ranked.push({ ...r, bandId: bandOf.get(r.entryId) ?? null });
	}
	const advancing = selectAdvancing(ranked, {
		kind: round.advance_kind,
		value: round.advance_value,
		perBand: round.per_band === 1
	});
	const rankOf = new Map(ranked.map((r) => [r.entryId, r]));
	const rows: Insertable<RoundResultTable>[] = entries.map((e) => {
		const r = resultOf.get(e.id);
		const rank = rankOf.get(e.id);
		return {
			round_id: round.id,
			entry_id: e.id,
			age_band_id: e.age_band_id,
			judge_count: r?.judgeCount ?? 0,
			display: r?.display ?? null,
			z_mean: r?.zMean ?? null,
			raw_mean: r?.rawMean ?? null,
			median: r?.rawMedian ?? null,
			rank: rank?.rank ?? null,
			tie_rule: rank?.tieRule ?? null,
			advanced: advancing.has(e.id) ? 1 : 0,
			flagged: r?.flagged ? 1 : 0,
			override_reason: null
		};
	});
	return { rows, judges: tally.judges };
}

/**
 * Work judges have not finished: unscored assignments, or for pairwise rounds the comparisons
 * still owed to each sitting judge's share.
 */
async function undoneWork(trx: Trx, round: repo.RoundRow): Promise<number> {
	if (round.method !== 'pairwise') return repo.countUndoneAssignments(trx, round.id);
	const [rows, judges, entries, assignments] = await Promise.all([
		listRoundComparisons(trx, round.id),
		repo.listRoundJudges(trx, round.id),
		entriesInScope(trx, round),
		repo.listAssignments(trx, round.id)
	]);
	const active = judges.filter((j) => j.active === 1);
	const quota = pairwiseQuota(entries.length, round.per_entry, active.length);
	let owed = 0;
	for (const j of active) {
		const possible = possiblePairs(round, entries, heldBy(assignments, j.id));
		const decided = rows.filter((r) => r.judge_id === j.id && r.winner_entry_id !== null).length;
		owed += Math.max(0, judgeShare(quota, possible) - decided);
	}
	return owed;
}

export async function closeRound(
	db: Db,
	actor: SessionUser | null,
	contestId: string,
	roundId: string,
	input: CloseInput,
	now = Date.now(),
	phases?: ClosePhases
): Promise<CloseOutcome> {
	assertOrganizer(actor);
	await roundOfContest(db, contestId, roundId);
	const reason = input.reason.trim();
	if (input.force && (reason.length < 3 || reason.length > REASON_MAX))
		throw DomainError.invalid('judging.error.reason', { max: REASON_MAX });
	const lap = stopwatch(phases);
	const outcome = await writeTransaction(db, async (trx) => {
		lap('lock');
		const round = await repo.lockRound(db, trx, roundId);
		if (!round) throw DomainError.notFound('judging.error.round');
		if (round.status !== 'open') throw DomainError.conflict('judging.error.notOpen');
		lap('lock');
		const undone = await undoneWork(trx, round);
		if (undone > 0 && !input.force)
			throw DomainError.conflict('judging.error.unfinished', { count: undone });
		lap('undone');
		const rows =
			round.method === 'screening'
				? await tallyScreeningRound(trx, round)
				: round.method === 'panel'
					? await tallyPanelRound(trx, round)
					: round.method === 'pairwise'
						? await tallyPairwiseRound(trx, round)
						: (await tallyRubricRound(db, trx, round, lap)).rows;
		lap('tally');
		await resultRepo.insertResults(db, trx, rows);
		lap('write');
		if (
			!(await repo.setRoundStatus(
				trx,
				roundId,
				'open',
				{
					status: 'closed',
					closed_at: now,
					closed_by: actor.id,
					closed_reason: undone > 0 ? reason : null
				},
				now
			))
		)
			throw DomainError.conflict('judging.error.notOpen');
		lap('status');
		await recordAudit(trx, {
			actorUserId: actor.id,
			action: 'judging.round.close',
			subjectType: 'judging_round',
			subjectId: roundId,
			detail: { undone, reason: undone > 0 ? reason : null }
		});
		lap('audit');
		return {
			entries: rows.length,
			advanced: rows.filter((r) => r.advanced === 1).length,
			flagged: rows.filter((r) => r.flagged === 1).length
		};
	});
	lap('commit');
	return outcome;
}

/** The organizer moves an entry in or out of the next round, with a reason that is kept. */
export async function overrideAdvancement(
	db: Db,
	actor: SessionUser | null,
	contestId: string,
	roundId: string,
	entryId: string,
	advanced: boolean,
	reasonText: string
): Promise<void> {
	assertOrganizer(actor);
	const round = await roundOfContest(db, contestId, roundId);
	if (round.status !== 'closed') throw DomainError.conflict('judging.error.notClosed');
	const reason = reasonText.trim();
	if (reason.length < 3 || reason.length > REASON_MAX)
		throw DomainError.invalid('judging.error.reason', { max: REASON_MAX });
	const rounds = await repo.listRounds(db, contestId);
	if (rounds.some((r) => r.position > round.position))
		throw DomainError.conflict('judging.error.laterRound');
	if (!(await resultRepo.setResultAdvanced(db, roundId, entryId, advanced, reason)))
		throw DomainError.notFound('judging.error.entry');
	await recordAudit(db, {
		actorUserId: actor.id,
		action: 'judging.advance.override',
		subjectType: 'judging_round',
		subjectId: roundId,
		detail: { entryId, advanced, reason }
	});
}
