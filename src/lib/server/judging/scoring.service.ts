/**
 * The judge's side: their round, their entries under opaque handles, saving a score, recusing.
 * A judge only ever names an entry by (round, handle); the entry id, the child and the school
 * never leave this module towards them. Any lookup that fails — another judge's handle, a
 * forged one, a round they do not sit on — is the same 404.
 */
import type { SessionUser } from '../auth/session.ts';
import { writeTransaction, type Db, type Trx } from '../db/database.ts';
import { DomainError } from '../errors.ts';
import { newId } from '../ids.ts';
import type { MediaDescriptor } from '../media/media.service.ts';
import { rebalanceRound } from './assign.service.ts';
import * as repo from './judging.repository.ts';
import * as scoreRepo from './score.repository.ts';
import { deletePendingWithEntry, listVotesOfJudge } from './judgements.repository.ts';
import { pairwiseProgress } from './pairwise.service.ts';
import { saveAtRevision } from './revisioned-save.ts';
import { assertWithinDates } from './round-dates.ts';
import { requestTriage } from './triage.service.ts';

/** The criterion id a screening vote is keyed by on the judge's screen and in its queue. */
export const SCREENING_CRITERION = 'vote';

export const HANDLE = /^[A-Z0-9]{2,12}$/;
export const ID = /^[a-z0-9]{1,40}$/;

/** The sitting judge behind a user in a round, or a 404 that reveals nothing. */
export async function judgeOf(db: Db | Trx, user: SessionUser | null, roundId: string) {
	assertJudgeUser(user);
	if (!ID.test(roundId)) throw DomainError.notFound('judging.error.round');
	const seat = await repo.findJudgeSeat(db, roundId, user.id);
	if (!seat || seat.judge.active !== 1 || seat.round.status === 'draft')
		throw DomainError.notFound('judging.error.round');
	return seat;
}

export async function listMyRounds(db: Db, user: SessionUser) {
	const rounds = await repo.listRoundsOfJudgeUser(db, user.id);
	const visible = rounds.filter((r) => r.status !== 'draft');
	return Promise.all(
		visible.map(async (r) => {
			const work = await repo.listJudgeWork(db, r.id, r.judge_id);
			const active = work.filter((w) => w.recused_at === null);
			if (r.method === 'pairwise') {
				const progress = await pairwiseProgress(db, r.id, r.judge_id);
				return {
					id: r.id,
					method: r.method,
					status: r.status,
					contestTitle: r.contest_title,
					...progress
				};
			}
			return {
				id: r.id,
				method: r.method,
				status: r.status,
				contestTitle: r.contest_title,
				done: active.filter((w) => w.done_at !== null).length,
				total: active.length
			};
		})
	);
}

export interface JudgeItem {
	handle: string;
	title: string;
	about: string;
	calibration: boolean;
	recused: boolean;
	done: boolean;
	/** A studio drawing whose time-lapse can be replayed. */
	hasReplay: boolean;
	width: number | null;
	height: number | null;
	/** criterion id → { value, revision } */
	scores: Record<string, { value: number; revision: number }>;
}

function imageSize(media: string | null): { width: number | null; height: number | null } {
	try {
		const m = media ? (JSON.parse(media) as MediaDescriptor) : null;
		const display = m?.variants?.find((v) => v.name === 'display');
		return { width: display?.width ?? null, height: display?.height ?? null };
	} catch {
		return { width: null, height: null };
	}
}

/** The judge's round screen: criteria and their own work in their own order. */
export async function getJudgeRound(db: Db, user: SessionUser | null, roundId: string) {
	const { judge, round } = await judgeOf(db, user, roundId);
	const [criteria, work, rubricScores, votes] = await Promise.all([
		repo.listCriteria(db, roundId),
		repo.listJudgeWork(db, roundId, judge.id),
		scoreRepo.listScoresOfJudge(db, roundId, judge.id),
		round.method === 'screening' ? listVotesOfJudge(db, roundId, judge.id) : []
	]);
	// A screening vote travels like a score of one pseudo-criterion, so one screen and one
	// offline queue serve both methods.
	const scores = [
		...rubricScores,
		...votes.map((v) => ({
			entry_id: v.entry_id,
			criterion_id: SCREENING_CRITERION,
			value: ['no', 'maybe', 'yes'].indexOf(v.vote),
			revision: v.revision
		}))
	];
	const items: JudgeItem[] = work.map((w) => {
		const mine: JudgeItem['scores'] = {};
		for (const s of scores)
			if (s.entry_id === w.entry_id)
				mine[s.criterion_id] = { value: s.value, revision: s.revision };
		return {
			handle: w.handle,
			title: w.title,
			about: w.about,
			calibration: w.calibration === 1,
			recused: w.recused_at !== null,
			done: w.done_at !== null,
			hasReplay: w.source === 'studio' && w.drawing_id !== null,
			...imageSize(w.media),
			scores: mine
		};
	});
	return { round, criteria, items };
}

export interface SaveScoreInput {
	handle: unknown;
	criterionId: unknown;
	/** Integer on the criterion's scale, or null to clear (undo back to "not scored"). */
	value: unknown;
	/** The revision the judge's screen showed (0 = not scored yet). */
	base: unknown;
}

export type SaveScoreResult = {
	value: number | null;
	revision: number;
	/** Whether the artwork now has all its scores (the screen counts its own progress). */
	done: boolean;
};

/** Several criteria of one artwork, as the judge's queue sends what piled up during a save. */
export interface SaveScoresInput {
	handle: unknown;
	/** `[{ criterionId, value, base }]`, each criterion at most once. */
	scores: unknown;
}

/** What is stored for one criterion of a batch after the save: the judge's value, or the server's. */
export interface CriterionOutcome {
	criterionId: string;
	value: number | null;
	revision: number;
	/** The judge's screen showed another revision: their value was not applied, this one stands. */
	stale: boolean;
}

export interface SaveScoresResult {
	results: CriterionOutcome[];
	done: boolean;
}

interface ScoreChange {
	criterionId: string;
	value: number | null;
	base: number;
}

/** At most this many criteria in one save (rubrics have a handful). */
const MAX_BATCH = 20;

export async function openAssignmentFor(
	trx: Trx,
	user: SessionUser,
	roundId: string,
	handle: string,
	now: number
) {
	const found = await scoreRepo.findSaveContext(trx, roundId, user.id, handle);
	if (!found) {
		// The rare refusal names what is missing: the round (or seat), else the artwork.
		await judgeOf(trx, user, roundId);
		throw DomainError.notFound('judging.error.entry');
	}
	if (found.judge_active !== 1 || found.round_status === 'draft')
		throw DomainError.notFound('judging.error.round');
	if (found.round_status !== 'open') throw DomainError.conflict('judging.error.closed');
	await assertWithinDates(trx, found, now);
	if (found.recused_at !== null) throw DomainError.conflict('judging.error.recused');
	return found;
}

/** The checks of a save's body that need no database, so bad input costs nothing more. */
export function checkSaveShape(
	roundId: string,
	handle: unknown,
	base: unknown
): { handle: string; base: number } {
	if (!ID.test(roundId)) throw DomainError.notFound('judging.error.round');
	if (typeof handle !== 'string' || !HANDLE.test(handle))
		throw DomainError.notFound('judging.error.entry');
	if (typeof base !== 'number' || !Number.isInteger(base) || base < 0)
		throw DomainError.invalid('judging.error.base');
	return { handle, base };
}

export function assertJudgeUser(user: SessionUser | null): asserts user is SessionUser {
	if (!user || (user.role !== 'judge' && user.role !== 'organizer')) throw DomainError.forbidden();
}

function checkChange(criterionId: unknown, value: unknown, base: unknown): ScoreChange {
	if (typeof criterionId !== 'string' || !ID.test(criterionId))
		throw DomainError.invalid('judging.error.criterion');
	if (value !== null && (typeof value !== 'number' || !Number.isInteger(value)))
		throw DomainError.invalid('judging.error.scoreInteger');
	if (typeof base !== 'number' || !Number.isInteger(base) || base < 0)
		throw DomainError.invalid('judging.error.base');
	return { criterionId, value: value as number | null, base };
}

/**
 * Saves one criterion of one entry. Idempotent: replaying a save whose answer was lost finds
 * the value already there and succeeds. Stale (another tab changed it since `base`): 409 with
 * the current value, which the screen then shows. One short transaction of two indexed reads
 * and at most four writes: ten judges save at once.
 */
export async function saveScore(
	db: Db,
	user: SessionUser | null,
	roundId: string,
	input: SaveScoreInput,
	now = Date.now()
): Promise<SaveScoreResult> {
	assertJudgeUser(user);
	const { handle, base } = checkSaveShape(roundId, input.handle, input.base);
	const change = checkChange(input.criterionId, input.value, base);
	const { results, done } = await writeTransaction(db, (trx) =>
		applyChanges(trx, user, roundId, handle, [change], now)
	);
	const [outcome] = results as [CriterionOutcome];
	if (outcome.stale)
		throw DomainError.conflict('judging.error.stale', {
			value: outcome.value ?? '',
			revision: outcome.revision
		});
	return { value: outcome.value, revision: outcome.revision, done };
}

/**
 * Saves several criteria of one entry in one transaction (the judge pressed the next keys while
 * the first save travelled). Each criterion keeps its own revision check: a stale one is not
 * applied and comes back with the server's value and revision (the screen shows it and tells the
 * judge), while the others are applied — each is a score of its own, exactly as if they had been
 * sent one by one, so no score the judge gave is dropped because of another. Anything wrong with
 * the request itself (shape, range, round closed, not their artwork) refuses all of it.
 */
export async function saveScores(
	db: Db,
	user: SessionUser | null,
	roundId: string,
	input: SaveScoresInput,
	now = Date.now()
): Promise<SaveScoresResult> {
	assertJudgeUser(user);
	const { handle } = checkSaveShape(roundId, input.handle, 0);
	const list = input.scores;
	if (!Array.isArray(list) || list.length === 0 || list.length > MAX_BATCH)
		throw DomainError.invalid('judging.error.base');
	const changes = list.map((item: unknown) => {
		if (!item || typeof item !== 'object') throw DomainError.invalid('judging.error.base');
		const { criterionId, value, base } = item as Record<string, unknown>;
		return checkChange(criterionId, value, base);
	});
	if (new Set(changes.map((c) => c.criterionId)).size !== changes.length)
		throw DomainError.invalid('judging.error.criterion');
	return writeTransaction(db, (trx) => applyChanges(trx, user, roundId, handle, changes, now));
}

/** The body of both saves, inside their transaction: checks, writes, audit, progress, triage. */
async function applyChanges(
	trx: Trx,
	user: SessionUser,
	roundId: string,
	handle: string,
	changes: readonly ScoreChange[],
	now: number
): Promise<SaveScoresResult> {
	const assignment = await openAssignmentFor(trx, user, roundId, handle, now);
	const criteria = await scoreRepo.listCriteriaWithScores(
		trx,
		roundId,
		assignment.judge_id,
		assignment.entry_id
	);
	// Every criterion is checked before anything is written: bad input changes nothing.
	for (const { criterionId, value } of changes) {
		const criterion = criteria.find((c) => c.id === criterionId);
		if (!criterion) throw DomainError.invalid('judging.error.criterion');
		if (value !== null && (value < criterion.min_value || value > criterion.max_value))
			throw DomainError.invalid('judging.error.scoreRange', {
				min: criterion.min_value,
				max: criterion.max_value
			});
	}
	const scored = new Map(criteria.map((c) => [c.id, c.score_id !== null]));
	const results: CriterionOutcome[] = [];
	for (const change of changes) {
		const criterion = criteria.find((c) => c.id === change.criterionId)!;
		const outcome = await applyChange(trx, user, roundId, assignment, criterion, change, now);
		scored.set(change.criterionId, outcome.value !== null);
		results.push(outcome);
	}
	const done = [...scored.values()].every(Boolean);
	if (done !== (assignment.done_at !== null))
		await repo.setAssignmentDone(trx, assignment.id, done ? now : null);
	// A finished artwork may now show a disagreement: the triage job looks (triage.service).
	if (done && assignment.done_at === null) await requestTriage(trx, roundId, now);
	return { results, done };
}

/** Thrown by saveAtRevision and caught right here, never seen by anyone: made once. */
const STALE = DomainError.conflict('judging.error.stale');

type Assignment = Awaited<ReturnType<typeof openAssignmentFor>>;
type CriterionWithScore = Awaited<ReturnType<typeof scoreRepo.listCriteriaWithScores>>[number];

/** One criterion: idempotent, stale or written (with its audit row). */
async function applyChange(
	trx: Trx,
	user: SessionUser,
	roundId: string,
	assignment: Assignment,
	criterion: CriterionWithScore,
	{ criterionId, value, base }: ScoreChange,
	now: number
): Promise<CriterionOutcome> {
	const current =
		criterion.score_id === null
			? undefined
			: { id: criterion.score_id, value: criterion.value!, revision: criterion.revision! };
	const currentValue = current?.value ?? null;
	let saved;
	try {
		saved = await saveAtRevision(trx, {
			table: 'rubric_score',
			current,
			next: value,
			base,
			now,
			insert: () =>
				scoreRepo.insertScore(trx, {
					id: newId(),
					roundId,
					judgeId: assignment.judge_id,
					entryId: assignment.entry_id,
					criterionId,
					value: value!,
					now
				}),
			stale: () => STALE
		});
	} catch (err) {
		if (err !== STALE) throw err;
		return { criterionId, value: currentValue, revision: current?.revision ?? 0, stale: true };
	}
	if (saved.changed)
		await scoreRepo.insertScoreAudit(trx, {
			id: newId(),
			roundId,
			judgeId: assignment.judge_id,
			entryId: assignment.entry_id,
			criterionId,
			actorUserId: user.id,
			oldValue: currentValue === null ? null : String(currentValue),
			newValue: value === null ? null : String(value),
			now
		});
	return { criterionId, value, revision: saved.revision, stale: false };
}

/**
 * "I know this child / this school": the judge steps aside from one entry. Their scores for it
 * stop counting and the entry gets another judge in the same transaction.
 */
export async function recuseEntry(
	db: Db,
	user: SessionUser | null,
	roundId: string,
	handle: unknown,
	now = Date.now()
): Promise<void> {
	const { judge } = await judgeOf(db, user, roundId);
	if (typeof handle !== 'string' || !HANDLE.test(handle))
		throw DomainError.notFound('judging.error.entry');
	await writeTransaction(db, async (trx) => {
		const round = await repo.lockRound(db, trx, roundId);
		if (!round || round.status !== 'open') throw DomainError.conflict('judging.error.closed');
		const assignment = await repo.findAssignmentByHandle(trx, roundId, judge.id, handle);
		if (!assignment) throw DomainError.notFound('judging.error.entry');
		if (assignment.recused_at !== null) return;
		await repo.setAssignmentState(trx, assignment.id, { recused_at: now, done_at: null });
		if (round.method === 'pairwise')
			await deletePendingWithEntry(trx, roundId, judge.id, assignment.entry_id);
		await scoreRepo.insertScoreAudit(trx, {
			id: newId(),
			roundId,
			judgeId: judge.id,
			entryId: assignment.entry_id,
			criterionId: null,
			actorUserId: user!.id,
			oldValue: null,
			newValue: 'recused',
			now
		});
		await rebalanceRound(trx, round, now);
	});
}

/** The stored rendition behind a judge's image URL, if this judge may see it. */
export async function findJudgeRendition(
	db: Db,
	user: SessionUser | null,
	roundId: string,
	handle: string,
	variant: 'display' | 'thumb'
): Promise<{ key: string; contentType: string }> {
	const { judge } = await judgeOf(db, user, roundId);
	if (!HANDLE.test(handle)) throw DomainError.notFound();
	const assignment = await repo.findAssignmentByHandle(db, roundId, judge.id, handle);
	if (!assignment || assignment.recused_at !== null) throw DomainError.notFound();
	const work = await repo.listJudgeWork(db, roundId, judge.id);
	const item = work.find((w) => w.handle === handle);
	let media: MediaDescriptor | null;
	try {
		media = item?.media ? (JSON.parse(item.media) as MediaDescriptor) : null;
	} catch {
		media = null;
	}
	const found = media?.variants?.find((v) => v.name === variant);
	if (!found) throw DomainError.notFound();
	return { key: found.key, contentType: found.contentType };
}

/** The stored document of the drawing behind a handle, for the lazy time-lapse replay. */
export async function findJudgeDrawing(
	db: Db,
	user: SessionUser | null,
	roundId: string,
	handle: string
): Promise<string> {
	const { judge } = await judgeOf(db, user, roundId);
	if (!HANDLE.test(handle)) throw DomainError.notFound();
	const work = await repo.listJudgeWork(db, roundId, judge.id);
	const item = work.find((w) => w.handle === handle && w.recused_at === null);
	if (!item?.drawing_id || item.source !== 'studio') throw DomainError.notFound();
	const key = await repo.findDrawingDocKey(db, item.drawing_id);
	if (!key) throw DomainError.notFound();
	return key;
}
