/**
 * Every query of the judging aggregate. Functions take `db | trx` first so services compose them
 * inside one transaction. Nothing here decides who may do what: that is the services' job.
 */
import { type Insertable, type Kysely, type Selectable } from 'kysely';
import { compiledOnce } from '../db/compiled.ts';
import { dialectOf, type Db, type Trx } from '../db/database.ts';
import type {
	Database,
	JudgeAssignmentTable,
	JudgingRoundTable,
	RoundStatus,
	RubricCriterionTable
} from '../db/schema.ts';

type Conn = Db | Trx;
export type RoundRow = Selectable<JudgingRoundTable>;
export type CriterionRow = Selectable<RubricCriterionTable>;

export async function listRounds(db: Conn, contestId: string): Promise<RoundRow[]> {
	return db
		.selectFrom('judging_round')
		.selectAll()
		.where('contest_id', '=', contestId)
		.orderBy('position')
		.execute();
}

export async function findRound(db: Conn, roundId: string): Promise<RoundRow | undefined> {
	return db.selectFrom('judging_round').selectAll().where('id', '=', roundId).executeTakeFirst();
}

/**
 * Row lock on the round for the rest of the transaction. On SQLite the write transaction's
 * BEGIN IMMEDIATE already holds the only write lock, so nothing more is needed.
 */
export async function lockRound(db: Db, trx: Trx, roundId: string): Promise<RoundRow | undefined> {
	if (dialectOf(db) !== 'postgres') return findRound(trx, roundId);
	return trx
		.selectFrom('judging_round')
		.selectAll()
		.where('id', '=', roundId)
		.forUpdate()
		.executeTakeFirst();
}

export async function insertRound(db: Conn, row: Insertable<JudgingRoundTable>): Promise<void> {
	await db.insertInto('judging_round').values(row).execute();
}

export async function setRoundStatus(
	db: Conn,
	roundId: string,
	from: RoundStatus,
	changes: Partial<Pick<JudgingRoundTable, 'status' | 'closed_reason' | 'closed_at' | 'closed_by'>>,
	now: number
): Promise<boolean> {
	const result = await db
		.updateTable('judging_round')
		.set({ ...changes, updated_at: now })
		.where('id', '=', roundId)
		.where('status', '=', from)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

export async function setDisagreement(db: Conn, roundId: string, value: number, now: number) {
	await db
		.updateTable('judging_round')
		.set({ disagreement: value, updated_at: now })
		.where('id', '=', roundId)
		.execute();
}

export async function listCriteria(db: Conn, roundId: string): Promise<CriterionRow[]> {
	return db
		.selectFrom('rubric_criterion')
		.selectAll()
		.where('round_id', '=', roundId)
		.orderBy('position')
		.execute();
}

export async function insertCriteria(db: Conn, rows: Insertable<RubricCriterionTable>[]) {
	if (rows.length) await db.insertInto('rubric_criterion').values(rows).execute();
}

// ── Judges ──────────────────────────────────────────────────────────────────────────────────

export async function listRoundJudges(db: Conn, roundId: string) {
	return db
		.selectFrom('round_judge')
		.innerJoin('app_user', 'app_user.id', 'round_judge.user_id')
		.select([
			'round_judge.id',
			'round_judge.user_id',
			'round_judge.active',
			'round_judge.joined_at',
			'app_user.display_name'
		])
		.where('round_judge.round_id', '=', roundId)
		.orderBy('round_judge.joined_at')
		.orderBy('round_judge.id')
		.execute();
}

export async function findRoundJudgeByUser(db: Conn, roundId: string, userId: string) {
	return db
		.selectFrom('round_judge')
		.select(['id', 'user_id', 'active'])
		.where('round_id', '=', roundId)
		.where('user_id', '=', userId)
		.executeTakeFirst();
}

/** A user's seat on a round's jury with the round itself: what every judge request checks. */
export async function findJudgeSeat(db: Conn, roundId: string, userId: string) {
	const row = await db
		.selectFrom('round_judge')
		.innerJoin('judging_round', 'judging_round.id', 'round_judge.round_id')
		.selectAll('judging_round')
		.select(['round_judge.id as seat_id', 'round_judge.active as seat_active'])
		.where('round_judge.round_id', '=', roundId)
		.where('round_judge.user_id', '=', userId)
		.executeTakeFirst();
	if (!row) return undefined;
	const { seat_id, seat_active, ...round } = row;
	return { judge: { id: seat_id, user_id: userId, active: seat_active }, round: round as RoundRow };
}

export async function insertRoundJudge(
	db: Conn,
	row: { id: string; roundId: string; userId: string; now: number }
): Promise<void> {
	await db
		.insertInto('round_judge')
		.values({
			id: row.id,
			round_id: row.roundId,
			user_id: row.userId,
			active: 1,
			joined_at: row.now,
			left_at: null
		})
		.execute();
}

export async function setRoundJudgeActive(
	db: Conn,
	judgeId: string,
	active: boolean,
	now: number
): Promise<void> {
	await db
		.updateTable('round_judge')
		.set({ active: active ? 1 : 0, left_at: active ? null : now })
		.where('id', '=', judgeId)
		.execute();
}

export async function listJudgeSchools(db: Conn, userIds: readonly string[]) {
	if (userIds.length === 0) return [];
	return db
		.selectFrom('judge_school')
		.select(['user_id', 'school_id'])
		.where('user_id', 'in', userIds)
		.execute();
}

export async function replaceJudgeSchools(
	db: Conn,
	userId: string,
	schoolIds: readonly string[],
	now: number
): Promise<void> {
	await db.deleteFrom('judge_school').where('user_id', '=', userId).execute();
	if (schoolIds.length)
		await db
			.insertInto('judge_school')
			.values(schoolIds.map((school_id) => ({ user_id: userId, school_id, created_at: now })))
			.execute();
}

/** Rounds (of contests still judging) where this user sits as an active judge. */
export async function listRoundsOfJudgeUser(db: Conn, userId: string) {
	return db
		.selectFrom('round_judge')
		.innerJoin('judging_round', 'judging_round.id', 'round_judge.round_id')
		.innerJoin('contest', 'contest.id', 'judging_round.contest_id')
		.select([
			'judging_round.id',
			'judging_round.method',
			'judging_round.status',
			'judging_round.position',
			'judging_round.closes_at',
			'contest.title as contest_title',
			'round_judge.id as judge_id'
		])
		.where('round_judge.user_id', '=', userId)
		.where('round_judge.active', '=', 1)
		.orderBy('judging_round.created_at', 'desc')
		.execute();
}

// ── Invites ─────────────────────────────────────────────────────────────────────────────────

export async function insertInvite(
	db: Conn,
	row: {
		id: string;
		roundId: string;
		tokenHash: string;
		expiresAt: number;
		createdBy: string | null;
		now: number;
	}
): Promise<void> {
	await db
		.insertInto('judge_invite')
		.values({
			id: row.id,
			round_id: row.roundId,
			token_hash: row.tokenHash,
			expires_at: row.expiresAt,
			used_at: null,
			used_by: null,
			created_by: row.createdBy,
			created_at: row.now
		})
		.execute();
}

export async function findInviteByHash(db: Conn, tokenHash: string) {
	return db
		.selectFrom('judge_invite')
		.innerJoin('judging_round', 'judging_round.id', 'judge_invite.round_id')
		.innerJoin('contest', 'contest.id', 'judging_round.contest_id')
		.select([
			'judge_invite.id',
			'judge_invite.round_id',
			'judge_invite.expires_at',
			'judge_invite.used_at',
			'judging_round.status as round_status',
			'contest.title as contest_title',
			'contest.status as contest_status'
		])
		.where('judge_invite.token_hash', '=', tokenHash)
		.executeTakeFirst();
}

/** Claims the invite if still unused; false when someone (or a double click) got there first. */
export async function claimInvite(
	db: Conn,
	inviteId: string,
	userId: string,
	now: number
): Promise<boolean> {
	const result = await db
		.updateTable('judge_invite')
		.set({ used_at: now, used_by: userId })
		.where('id', '=', inviteId)
		.where('used_at', 'is', null)
		.where('expires_at', '>', now)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

export async function listOpenInvites(db: Conn, roundId: string, now: number) {
	return db
		.selectFrom('judge_invite')
		.select(['id', 'expires_at', 'created_at'])
		.where('round_id', '=', roundId)
		.where('used_at', 'is', null)
		.where('expires_at', '>', now)
		.orderBy('created_at', 'desc')
		.execute();
}

// ── Assignments ─────────────────────────────────────────────────────────────────────────────

export async function listAssignments(db: Conn, roundId: string) {
	return db
		.selectFrom('judge_assignment')
		.select([
			'id',
			'judge_id',
			'entry_id',
			'position',
			'calibration',
			'handle',
			'recused_at',
			'done_at'
		])
		.where('round_id', '=', roundId)
		.execute();
}

/** Assigned work neither done nor recused: what stops a round from closing without force. */
export async function countUndoneAssignments(db: Conn, roundId: string): Promise<number> {
	const row = await db
		.selectFrom('judge_assignment')
		.select((eb) => eb.fn.countAll<number | string>().as('n'))
		.where('round_id', '=', roundId)
		.where('done_at', 'is', null)
		.where('recused_at', 'is', null)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

/** Done and total unrecused assignments of one judge: the "12 of 40" after each save. */
export async function countJudgeProgress(
	db: Conn,
	roundId: string,
	judgeId: string
): Promise<{ doneCount: number; total: number }> {
	const row = await db
		.selectFrom('judge_assignment')
		.select((eb) => [
			eb.fn.countAll<number | string>().as('total'),
			eb.fn.count<number | string>('done_at').as('done')
		])
		.where('round_id', '=', roundId)
		.where('judge_id', '=', judgeId)
		.where('recused_at', 'is', null)
		.executeTakeFirstOrThrow();
	return { doneCount: Number(row.done), total: Number(row.total) };
}

export async function insertAssignments(db: Conn, rows: Insertable<JudgeAssignmentTable>[]) {
	// Chunked: PostgreSQL caps bound parameters at 65,535 per statement.
	for (let i = 0; i < rows.length; i += 500)
		await db
			.insertInto('judge_assignment')
			.values(rows.slice(i, i + 500))
			.execute();
}

/** Removes undone work only: anything scored stays, whatever the plan says. */
export async function deleteUndoneAssignment(
	db: Conn,
	roundId: string,
	judgeId: string,
	entryId: string
): Promise<void> {
	await db
		.deleteFrom('judge_assignment')
		.where('round_id', '=', roundId)
		.where('judge_id', '=', judgeId)
		.where('entry_id', '=', entryId)
		.where('done_at', 'is', null)
		.execute();
}

/** One judge's work, in their own order, with what they may see of each entry. */
export async function listJudgeWork(db: Conn, roundId: string, judgeId: string) {
	return db
		.selectFrom('judge_assignment')
		.innerJoin('entry', 'entry.id', 'judge_assignment.entry_id')
		.select([
			'judge_assignment.id',
			'judge_assignment.entry_id',
			'judge_assignment.handle',
			'judge_assignment.position',
			'judge_assignment.calibration',
			'judge_assignment.recused_at',
			'judge_assignment.done_at',
			'entry.title',
			'entry.about',
			'entry.source',
			'entry.drawing_id',
			'entry.media'
		])
		.where('judge_assignment.round_id', '=', roundId)
		.where('judge_assignment.judge_id', '=', judgeId)
		.orderBy('judge_assignment.position')
		.execute();
}

export async function findAssignmentByHandle(
	db: Conn,
	roundId: string,
	judgeId: string,
	handle: string
) {
	return db
		.selectFrom('judge_assignment')
		.select(['id', 'entry_id', 'recused_at', 'done_at', 'calibration'])
		.where('round_id', '=', roundId)
		.where('judge_id', '=', judgeId)
		.where('handle', '=', handle)
		.executeTakeFirst();
}

const assignmentDoneQuery = compiledOnce(
	(db: Kysely<Database>, assignmentId: string, doneAt: number | null) =>
		db.updateTable('judge_assignment').set({ done_at: doneAt }).where('id', '=', assignmentId)
);

/** A save finishing (a time) or unfinishing (null) an artwork. */
export async function setAssignmentDone(
	db: Conn,
	assignmentId: string,
	doneAt: number | null
): Promise<void> {
	await assignmentDoneQuery(db, assignmentId, doneAt);
}

export async function setAssignmentState(
	db: Conn,
	assignmentId: string,
	changes: Partial<Pick<JudgeAssignmentTable, 'done_at' | 'recused_at'>>
): Promise<void> {
	await db.updateTable('judge_assignment').set(changes).where('id', '=', assignmentId).execute();
}

export async function findDrawingDocKey(db: Conn, drawingId: string): Promise<string | null> {
	const row = await db
		.selectFrom('drawing')
		.select('doc_key')
		.where('id', '=', drawingId)
		.executeTakeFirst();
	return row?.doc_key ?? null;
}

/**
 * Every round of a contest and its awards; judges, assignments and scores go with their round.
 * Results are deleted first: on PostgreSQL they have no foreign key to their round (see
 * migration 20261205090000).
 */
export async function deleteJudgingOfContest(db: Conn, contestId: string): Promise<void> {
	const rounds = db.selectFrom('judging_round').select('id').where('contest_id', '=', contestId);
	await db.deleteFrom('award').where('contest_id', '=', contestId).execute();
	await db.deleteFrom('round_result').where('round_id', 'in', rounds).execute();
	await db.deleteFrom('judging_round').where('contest_id', '=', contestId).execute();
}
