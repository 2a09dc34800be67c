/**
 * Organizer side of judging: rounds, their judges, assignment and progress. Every function
 * checks the actor first; closing lives in close.service.ts, invites in invite.service.ts.
 */
import { randomBytes } from 'node:crypto';
import { encodeHexLowerCase } from '@oslojs/encoding';
import type { SessionUser } from '../auth/session.ts';
import { findContest, listAgeBands } from '../contests/contest.repository.ts';
import { writeTransaction, type Db } from '../db/database.ts';
import type { AdvanceKind, RoundScope } from '../db/schema.ts';
import { DomainError } from '../errors.ts';
import { newId } from '../ids.ts';
import { findUserById } from '../users/user.repository.ts';
import { entriesInScope, rebalanceRound, type RebalanceOutcome } from './assign.service.ts';
import { DEFAULT_CRITERIA } from './criteria.ts';
import * as repo from './judging.repository.ts';
import * as scoreRepo from './score.repository.ts';
import * as resultRepo from './result.repository.ts';
import { listRoundComparisons } from './judgements.repository.ts';
import { heldBy, judgeShare, pairwiseQuota } from './pairwise.service.ts';
import { possiblePairs } from './pairwise-rows.ts';
import { parseRoundDates } from './round-dates.ts';

export function assertOrganizer(actor: SessionUser | null): asserts actor is SessionUser {
	if (!actor || actor.role !== 'organizer') throw DomainError.forbidden();
}

/** The contest, if it exists and its judging may be managed now. */
async function judgingContest(db: Db, contestId: string) {
	const contest = await findContest(db, contestId);
	if (!contest) throw DomainError.notFound('contests.error.notFound');
	return contest;
}

/** A round of this contest, or the same 404 as a missing one. */
export async function roundOfContest(db: Db, contestId: string, roundId: string) {
	const round = await repo.findRound(db, roundId);
	if (!round || round.contest_id !== contestId) throw DomainError.notFound('judging.error.round');
	return round;
}

export interface RoundInput {
	perEntry: string;
	advanceKind: string;
	advanceValue: string;
	disagreement: string;
	scope: string;
	perBand: boolean;
	/** 'rubric' (the default), 'screening', 'pairwise' or 'panel'. */
	method?: string;
	/** Screening: judges may also answer "maybe". Default true. */
	allowMaybe?: boolean;
	/** Optional "YYYY-MM-DDTHH:mm" in the contest's time zone (round-dates.ts). */
	opensAt?: string;
	closesAt?: string;
}

/** Methods an organizer can create. */
const CREATABLE_METHODS = ['rubric', 'screening', 'pairwise', 'panel'] as const;
export type CreatableMethod = (typeof CREATABLE_METHODS)[number];

function integerIn(text: string, min: number, max: number): number | null {
	if (!/^\d{1,6}$/.test(text.trim())) return null;
	const n = Number(text.trim());
	return n >= min && n <= max ? n : null;
}

/** Parses the round form; every problem is a translated 400, and nothing is written. */
export function validateRoundInput(input: RoundInput) {
	const method = (input.method ?? 'rubric') as CreatableMethod;
	if (!CREATABLE_METHODS.includes(method)) throw DomainError.invalid('judging.error.methodChoice');
	// Pairwise: comparisons per artwork (CJ practice is about 10–15); otherwise judges per artwork.
	// A panel's judges all rank the whole shortlist, so the field means nothing there.
	const perEntry =
		method === 'panel' ? 1 : integerIn(input.perEntry, 1, method === 'pairwise' ? 20 : 10);
	if (perEntry === null)
		throw DomainError.invalid(
			method === 'pairwise' ? 'judging.error.perEntryPairwise' : 'judging.error.perEntry'
		);
	if (input.advanceKind !== 'top_n' && input.advanceKind !== 'top_percent')
		throw DomainError.invalid('judging.error.advance');
	const advanceKind: AdvanceKind = input.advanceKind;
	const advanceValue = integerIn(
		input.advanceValue,
		0,
		advanceKind === 'top_percent' ? 100 : 10000
	);
	if (advanceValue === null) throw DomainError.invalid('judging.error.advance');
	const disagreement = Number(input.disagreement.trim().replace(',', '.'));
	if (
		!input.disagreement.trim() ||
		!Number.isFinite(disagreement) ||
		disagreement <= 0 ||
		disagreement > 10
	)
		throw DomainError.invalid('judging.error.disagreement');
	if (input.scope !== 'all' && input.scope !== 'advanced')
		throw DomainError.invalid('judging.error.scope');
	const scope: RoundScope = input.scope;
	if (method === 'panel' && scope !== 'advanced')
		throw DomainError.invalid('judging.error.panelScope');
	return {
		method,
		perEntry,
		advanceKind,
		advanceValue,
		disagreement,
		scope,
		perBand: input.perBand,
		allowMaybe: input.allowMaybe ?? true
	};
}

/**
 * A round as a draft the organizer then staffs and opens; rubric rounds get the default
 * criteria. `input.method` defaults to rubric.
 */
export async function createRound(
	db: Db,
	actor: SessionUser | null,
	contestId: string,
	input: RoundInput,
	now = Date.now()
): Promise<string> {
	assertOrganizer(actor);
	const value = validateRoundInput(input);
	const contest = await judgingContest(db, contestId);
	if (contest.status !== 'judging') throw DomainError.conflict('judging.error.notJudging');
	const dates = parseRoundDates(input, contest.time_zone);
	return writeTransaction(db, async (trx) => {
		const rounds = await repo.listRounds(trx, contestId);
		if (rounds.some((r) => r.status !== 'closed'))
			throw DomainError.conflict('judging.error.roundUnfinished');
		if (value.scope === 'advanced' && rounds.length === 0)
			throw DomainError.invalid(
				value.method === 'panel' ? 'judging.error.panelScope' : 'judging.error.scope'
			);
		// A round of nothing could never be opened, and an unclosed round blocks the next one:
		// the contest would be stuck (a force-close with no scores advances no one).
		if (
			value.scope === 'advanced' &&
			(await resultRepo.listAdvancedEntryIds(trx, rounds.at(-1)!.id)).length === 0
		)
			throw DomainError.invalid('judging.error.noneAdvanced');
		const id = newId();
		await repo.insertRound(trx, {
			id,
			contest_id: contestId,
			position: (rounds.at(-1)?.position ?? 0) + 1,
			method: value.method,
			scope: value.scope,
			per_band: value.perBand ? 1 : 0,
			opens_at: dates.opens_at,
			closes_at: dates.closes_at,
			per_entry: value.perEntry,
			status: 'draft',
			advance_kind: value.advanceKind,
			advance_value: value.advanceValue,
			disagreement: value.disagreement,
			allow_maybe: value.allowMaybe ? 1 : 0,
			handle_secret: encodeHexLowerCase(randomBytes(32)),
			closed_reason: null,
			closed_at: null,
			closed_by: null,
			created_at: now,
			updated_at: now
		});
		if (value.method === 'rubric')
			await repo.insertCriteria(
				trx,
				DEFAULT_CRITERIA.map((c, position) => ({
					id: newId(),
					round_id: id,
					position,
					weight: c.weight,
					min_value: c.min,
					max_value: c.max,
					label: JSON.stringify(c.label),
					description: JSON.stringify(c.description)
				}))
			);
		return id;
	});
}

/** The rubric round the first version of judging created; kept for its callers. */
export const createRubricRound = (
	db: Db,
	actor: SessionUser | null,
	contestId: string,
	input: RoundInput,
	now = Date.now()
) => createRound(db, actor, contestId, { ...input, method: 'rubric' }, now);

export async function listRoundsForContest(db: Db, actor: SessionUser | null, contestId: string) {
	assertOrganizer(actor);
	const contest = await judgingContest(db, contestId);
	const rounds = await repo.listRounds(db, contestId);
	return { contest, rounds };
}

/** Adds an existing judge account to the round and gives them work if judging has begun. */
export async function addJudgeAccount(
	db: Db,
	actor: SessionUser | null,
	contestId: string,
	roundId: string,
	userId: string,
	now = Date.now()
): Promise<RebalanceOutcome | null> {
	assertOrganizer(actor);
	await roundOfContest(db, contestId, roundId);
	const user = await findUserById(db, userId);
	if (!user || user.disabled_at !== null || (user.role !== 'judge' && user.role !== 'organizer'))
		throw DomainError.invalid('judging.error.judgeAccount');
	return joinRound(db, roundId, userId, now);
}

/**
 * Puts a user on a round's panel (or back on it) and, once assignments exist, rebalances in the
 * same transaction. Shared by "add an account" and accepted invites.
 */
export async function joinRound(
	db: Db,
	roundId: string,
	userId: string,
	now: number
): Promise<RebalanceOutcome | null> {
	return writeTransaction(db, async (trx) => {
		const round = await repo.lockRound(db, trx, roundId);
		if (!round) throw DomainError.notFound('judging.error.round');
		if (round.status === 'closed') throw DomainError.conflict('judging.error.closed');
		const existing = await repo.findRoundJudgeByUser(trx, roundId, userId);
		if (existing?.active === 1) return null;
		if (existing) await repo.setRoundJudgeActive(trx, existing.id, true, now);
		else await repo.insertRoundJudge(trx, { id: newId(), roundId, userId, now });
		const assigned = (await repo.listAssignments(trx, roundId)).length > 0;
		return assigned ? rebalanceRound(trx, round, now) : null;
	});
}

/** A judge drops out (or comes back): their undone work moves to the others. */
export async function setJudgeActive(
	db: Db,
	actor: SessionUser | null,
	contestId: string,
	roundId: string,
	judgeId: string,
	active: boolean,
	now = Date.now()
): Promise<RebalanceOutcome> {
	assertOrganizer(actor);
	await roundOfContest(db, contestId, roundId);
	return writeTransaction(db, async (trx) => {
		const round = await repo.lockRound(db, trx, roundId);
		if (!round) throw DomainError.notFound('judging.error.round');
		if (round.status === 'closed') throw DomainError.conflict('judging.error.closed');
		const judges = await repo.listRoundJudges(trx, roundId);
		if (!judges.some((j) => j.id === judgeId)) throw DomainError.notFound('judging.error.judge');
		await repo.setRoundJudgeActive(trx, judgeId, active, now);
		return rebalanceRound(trx, round, now);
	});
}

/** Automatic assignment (first time, or again after changes): balanced, random, no conflicts. */
export async function assignRound(
	db: Db,
	actor: SessionUser | null,
	contestId: string,
	roundId: string,
	now = Date.now()
): Promise<RebalanceOutcome> {
	assertOrganizer(actor);
	await roundOfContest(db, contestId, roundId);
	return writeTransaction(db, async (trx) => {
		const round = await repo.lockRound(db, trx, roundId);
		if (!round) throw DomainError.notFound('judging.error.round');
		if (round.status === 'closed') throw DomainError.conflict('judging.error.closed');
		const judges = await repo.listRoundJudges(trx, roundId);
		if (!judges.some((j) => j.active === 1)) throw DomainError.conflict('judging.error.noJudges');
		return rebalanceRound(trx, round, now);
	});
}

/** Draft → open: judges can start. Needs assignments, so no judge opens an empty screen. */
export async function openRound(
	db: Db,
	actor: SessionUser | null,
	contestId: string,
	roundId: string,
	now = Date.now()
): Promise<void> {
	assertOrganizer(actor);
	const round = await roundOfContest(db, contestId, roundId);
	if (round.status !== 'draft') throw DomainError.conflict('judging.error.notDraft');
	if ((await repo.listAssignments(db, roundId)).length === 0)
		throw DomainError.conflict('judging.error.notAssigned');
	if (!(await repo.setRoundStatus(db, roundId, 'draft', { status: 'open' }, now)))
		throw DomainError.conflict('judging.error.notDraft');
}

export async function setRoundDisagreement(
	db: Db,
	actor: SessionUser | null,
	contestId: string,
	roundId: string,
	text: string,
	now = Date.now()
): Promise<void> {
	assertOrganizer(actor);
	const round = await roundOfContest(db, contestId, roundId);
	if (round.status === 'closed') throw DomainError.conflict('judging.error.closed');
	const value = Number(text.trim().replace(',', '.'));
	if (!text.trim() || !Number.isFinite(value) || value <= 0 || value > 10)
		throw DomainError.invalid('judging.error.disagreement');
	await repo.setDisagreement(db, roundId, value, now);
}

export interface JudgeProgress {
	id: string;
	userId: string;
	name: string;
	active: boolean;
	done: number;
	total: number;
	recused: number;
}

/** Everything the round page shows: settings, criteria, judges and their progress, bands. */
export async function getRoundDashboard(
	db: Db,
	actor: SessionUser | null,
	contestId: string,
	roundId: string,
	now = Date.now()
) {
	assertOrganizer(actor);
	const contest = await judgingContest(db, contestId);
	const round = await roundOfContest(db, contestId, roundId);
	const [criteria, judges, assignments, entries, bands, invites, scoreCount] = await Promise.all([
		repo.listCriteria(db, roundId),
		repo.listRoundJudges(db, roundId),
		repo.listAssignments(db, roundId),
		entriesInScope(db, round),
		listAgeBands(db, [contestId]),
		repo.listOpenInvites(db, roundId, now),
		scoreRepo.countRoundScores(db, roundId)
	]);
	const pairwise = round.method === 'pairwise';
	const comparisons = pairwise ? await listRoundComparisons(db, roundId) : [];
	const quota = pairwiseQuota(
		entries.length,
		round.per_entry,
		judges.filter((j) => j.active === 1).length
	);
	const progress: JudgeProgress[] = judges.map((j) => {
		const mine = assignments.filter((a) => a.judge_id === j.id);
		if (pairwise) {
			// A pairwise judge's work is their share of comparisons, not their artworks.
			const possible = possiblePairs(round, entries, heldBy(assignments, j.id));
			return {
				id: j.id,
				userId: j.user_id,
				name: j.display_name,
				active: j.active === 1,
				done: comparisons.filter((c) => c.judge_id === j.id && c.winner_entry_id !== null).length,
				total: j.active === 1 ? judgeShare(quota, possible) : 0,
				recused: mine.filter((a) => a.recused_at !== null).length
			};
		}
		return {
			id: j.id,
			userId: j.user_id,
			name: j.display_name,
			active: j.active === 1,
			done: mine.filter((a) => a.done_at !== null).length,
			total: mine.filter((a) => a.recused_at === null).length,
			recused: mine.filter((a) => a.recused_at !== null).length
		};
	});
	const bandOf = new Map(entries.map((e) => [e.id, e.age_band_id]));
	const bandProgress = [...bands, { id: null, label: '', position: 999 }]
		.map((b) => {
			const work = assignments.filter(
				(a) =>
					a.recused_at === null &&
					(bandOf.get(a.entry_id) ?? null) === b.id &&
					bandOf.has(a.entry_id)
			);
			return {
				id: b.id,
				label: b.label,
				entries: entries.filter((e) => e.age_band_id === b.id).length,
				done: work.filter((a) => a.done_at !== null).length,
				total: work.length
			};
		})
		.filter((b) => b.entries > 0 && !pairwise);
	const covered = new Map<string, number>();
	for (const a of assignments)
		if (a.recused_at === null) covered.set(a.entry_id, (covered.get(a.entry_id) ?? 0) + 1);
	// Pairwise: an artwork no judge may see can never be compared.
	const needed = pairwise ? 1 : round.per_entry;
	const shortfall = entries.filter((e) => (covered.get(e.id) ?? 0) < needed).length;
	return {
		contest,
		round,
		criteria,
		progress,
		bandProgress,
		entryCount: entries.length,
		assignmentCount: assignments.length,
		shortfall,
		openInvites: invites.length,
		scoringStarted: scoreCount > 0 || comparisons.some((c) => c.winner_entry_id !== null)
	};
}
