/**
 * Every query of the judging aggregate. Functions take `db | trx` first so services compose them
 * inside one transaction. Nothing here decides who may do what: that is the services' job.
 */
import { sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import { compiledOnce } from '../db/compiled.ts';
import { dialectOf, sqliteHandleOf, type Db, type Trx } from '../db/database.ts';
import type {
	AwardTable,
	Database,
	JudgeAssignmentTable,
	JudgingRoundTable,
	RoundResultTable,
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

/**
 * Everything a judge's save checks, in one indexed read: the judge's seat in the round, the
 * round's state and dates, and the assignment behind the handle (undefined when any is missing).
 * On PostgreSQL the assignment row stays locked until the save commits, so two saves of one
 * artwork agree on whether it is finished; SQLite's BEGIN IMMEDIATE already serialises them.
 */
const saveContextQuery = compiledOnce(
	(db: Kysely<Database>, roundId: string, userId: string, handle: string) => {
		const query = db
			.selectFrom('round_judge')
			.innerJoin('judging_round', 'judging_round.id', 'round_judge.round_id')
			.innerJoin('judge_assignment', (join) =>
				join
					.onRef('judge_assignment.judge_id', '=', 'round_judge.id')
					.onRef('judge_assignment.round_id', '=', 'round_judge.round_id')
					.on('judge_assignment.handle', '=', handle)
			)
			.select([
				'round_judge.id as judge_id',
				'round_judge.active as judge_active',
				'judging_round.status as round_status',
				'judging_round.method',
				'judging_round.allow_maybe',
				'judging_round.contest_id',
				'judging_round.opens_at',
				'judging_round.closes_at',
				'judge_assignment.id',
				'judge_assignment.entry_id',
				'judge_assignment.recused_at',
				'judge_assignment.done_at'
			])
			.where('round_judge.round_id', '=', roundId)
			.where('round_judge.user_id', '=', userId);
		return dialectOf(db) === 'postgres' ? query.forUpdate('judge_assignment') : query;
	}
);

export async function findSaveContext(trx: Trx, roundId: string, userId: string, handle: string) {
	return (await saveContextQuery(trx, roundId, userId, handle)).rows[0];
}

const criteriaWithScoresQuery = compiledOnce(
	(db: Kysely<Database>, roundId: string, judgeId: string, entryId: string) =>
		db
			.selectFrom('rubric_criterion')
			.leftJoin('rubric_score', (join) =>
				join
					.onRef('rubric_score.criterion_id', '=', 'rubric_criterion.id')
					.on('rubric_score.judge_id', '=', judgeId)
					.on('rubric_score.entry_id', '=', entryId)
			)
			.select([
				'rubric_criterion.id',
				'rubric_criterion.min_value',
				'rubric_criterion.max_value',
				'rubric_score.id as score_id',
				'rubric_score.value',
				'rubric_score.revision'
			])
			.where('rubric_criterion.round_id', '=', roundId)
			.orderBy('rubric_criterion.position')
);

/** The round's criteria in order, each with this judge's stored score of the entry, if any. */
export async function listCriteriaWithScores(
	trx: Trx,
	roundId: string,
	judgeId: string,
	entryId: string
) {
	return (await criteriaWithScoresQuery(trx, roundId, judgeId, entryId)).rows;
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

// ── Rubric scores ───────────────────────────────────────────────────────────────────────────

export async function listScoresOfJudge(db: Conn, roundId: string, judgeId: string) {
	return db
		.selectFrom('rubric_score')
		.select(['entry_id', 'criterion_id', 'value', 'revision'])
		.where('round_id', '=', roundId)
		.where('judge_id', '=', judgeId)
		.execute();
}

export async function listRoundScores(db: Conn, roundId: string) {
	return db
		.selectFrom('rubric_score')
		.select(['judge_id', 'entry_id', 'criterion_id', 'value'])
		.where('round_id', '=', roundId)
		.execute();
}

/**
 * The scorings that count when a round closes (finished, unrecused work), one row per judge and
 * entry with the value of each criterion in the given order (null where missing): a third of
 * the rows of listRoundScores and nothing to regroup, for the one read a 10,000-entry close makes.
 */
export async function listCountedScorings(
	db: Db,
	trx: Trx,
	roundId: string,
	criterionIds: readonly string[]
): Promise<{ judge_id: string; entry_id: string; values: (number | null)[] }[]> {
	const postgres = dialectOf(db) === 'postgres';
	// Scores are usually written moments before the close, when the planner's statistics still
	// describe a near-empty round: it then picks nested loops (one index probe per score) and a
	// sort that spills to disk. Both inputs are round-sized, so hash them in memory instead. The
	// settings are local to this transaction and reset right after the read (after a failed
	// read the rollback ends them).
	if (postgres)
		await sql`select set_config('enable_nestloop', 'off', true), set_config('work_mem', '64MB', true)`.execute(
			trx
		);
	const rows = await countedScorings(trx, postgres, roundId, criterionIds);
	if (postgres) await sql`reset enable_nestloop; reset work_mem`.execute(trx);
	return rows;
}

async function countedScorings(
	db: Conn,
	postgres: boolean,
	roundId: string,
	criterionIds: readonly string[]
): Promise<{ judge_id: string; entry_id: string; values: (number | null)[] }[]> {
	const columns = criterionIds.map((id, c) =>
		sql<number | null>`max(case when criterion_id = ${id} then value end)`.as(`v${c}`)
	);
	// Gathered per judge and entry first, then matched with the finished work: a third of the
	// rows reach the join, which on PostgreSQL halved the read.
	const scorings = db
		.selectFrom('rubric_score')
		.select(['judge_id', 'entry_id', ...columns])
		.where('round_id', '=', roundId)
		.groupBy(['judge_id', 'entry_id'])
		.as('s');
	const counted = db
		.selectFrom(scorings)
		.innerJoin('judge_assignment as a', (join) =>
			join.onRef('a.judge_id', '=', 's.judge_id').onRef('a.entry_id', '=', 's.entry_id')
		)
		.where('a.round_id', '=', roundId)
		.where('a.done_at', 'is not', null)
		.where('a.recused_at', 'is', null);
	if (postgres) {
		// One JSON document of [judge, entry, v0, v1, …] arrays: the driver decoding 30,000 rows
		// field by field cost several times the database's own JSON building and one JSON.parse.
		const cells = sql.join([
			sql.ref('s.judge_id'),
			sql.ref('s.entry_id'),
			...criterionIds.map((_, c) => sql.ref(`s.v${c}`))
		]);
		// A fixed order makes the float sums, and so the stored results, the same on every close.
		const row = await counted
			.select(
				sql<
					[string, string, ...(number | null)[]][] | null
				>`json_agg(json_build_array(${cells}) order by s.judge_id, s.entry_id)`.as('doc')
			)
			.executeTakeFirst();
		return (row?.doc ?? []).map(([judge_id, entry_id, ...values]) => ({
			judge_id,
			entry_id,
			values: values as (number | null)[]
		}));
	}
	const rows = (await counted
		.selectAll('s')
		.orderBy('s.judge_id')
		.orderBy('s.entry_id')
		.execute()) as unknown as Record<string, string | number | null>[];
	return rows.map((row) => ({
		judge_id: row.judge_id as string,
		entry_id: row.entry_id as string,
		values: criterionIds.map((_, c) => (row[`v${c}`] ?? null) as number | null)
	}));
}

export async function countRoundScores(db: Conn, roundId: string): Promise<number> {
	const row = await db
		.selectFrom('rubric_score')
		.select((eb) => eb.fn.countAll<number | string>().as('n'))
		.where('round_id', '=', roundId)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

export interface ScoreRow {
	id: string;
	roundId: string;
	judgeId: string;
	entryId: string;
	criterionId: string;
	value: number;
	now: number;
}

const insertScoreQuery = compiledOnce((db: Kysely<Database>, row: ScoreRow) =>
	db.insertInto('rubric_score').values({
		id: row.id,
		round_id: row.roundId,
		judge_id: row.judgeId,
		entry_id: row.entryId,
		criterion_id: row.criterionId,
		value: row.value,
		revision: 1,
		updated_at: row.now
	})
);

export async function insertScore(db: Conn, row: ScoreRow): Promise<void> {
	await insertScoreQuery(db, row);
}

export interface ScoreAuditRow {
	id: string;
	roundId: string;
	judgeId: string;
	entryId: string;
	criterionId: string | null;
	actorUserId: string | null;
	oldValue: string | null;
	newValue: string | null;
	now: number;
}

const insertScoreAuditQuery = compiledOnce((db: Kysely<Database>, row: ScoreAuditRow) =>
	db.insertInto('score_audit').values({
		id: row.id,
		round_id: row.roundId,
		judge_id: row.judgeId,
		entry_id: row.entryId,
		criterion_id: row.criterionId,
		actor_user_id: row.actorUserId,
		old_value: row.oldValue,
		new_value: row.newValue,
		created_at: row.now
	})
);

export async function insertScoreAudit(db: Conn, row: ScoreAuditRow): Promise<void> {
	await insertScoreAuditQuery(db, row);
}

export async function countScoreAudit(db: Conn, roundId: string): Promise<number> {
	const row = await db
		.selectFrom('score_audit')
		.select((eb) => eb.fn.countAll<number | string>().as('n'))
		.where('round_id', '=', roundId)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

// ── Results and awards ──────────────────────────────────────────────────────────────────────

const RESULT_COLUMNS = [
	'round_id',
	'entry_id',
	'age_band_id',
	'judge_count',
	'display',
	'z_mean',
	'raw_mean',
	'median',
	'rank',
	'tie_rule',
	'advanced',
	'flagged',
	'override_reason'
] as const;
/**
 * A round's results in one go (closing writes 10,000 rows). Building a multi-row insert of that
 * size in Kysely cost more than the database's own work, so: on SQLite one prepared statement
 * run per row on the connection the transaction holds; on PostgreSQL one statement taking the
 * rows as one JSON document (a third of the client CPU of one array per column). Numbers travel
 * as doubles on SQLite and as shortest round-trip decimals in the JSON, so results stay exact.
 */
export async function insertResults(db: Db, trx: Conn, rows: Insertable<RoundResultTable>[]) {
	if (rows.length === 0) return;
	const value = (row: Insertable<RoundResultTable>, column: (typeof RESULT_COLUMNS)[number]) =>
		row[column] ?? null;
	const sqlite = sqliteHandleOf(db);
	if (sqlite) {
		const insert = sqlite.prepare(
			`insert into round_result (${RESULT_COLUMNS.join(', ')}) values (${RESULT_COLUMNS.map(() => '?').join(', ')})`
		);
		for (const row of rows) insert.run(RESULT_COLUMNS.map((c) => value(row, c)));
		return;
	}
	// A key missing from a row reads as null, as `value` makes it on SQLite.
	const columns = sql.join(RESULT_COLUMNS.map((c) => sql.ref(c)));
	await sql`insert into round_result (${columns})
		select ${columns} from json_populate_recordset(null::round_result, ${JSON.stringify(rows)}::json)`.execute(
		trx
	);
}

export async function listResults(db: Conn, roundId: string) {
	return db
		.selectFrom('round_result')
		.innerJoin('entry', 'entry.id', 'round_result.entry_id')
		.innerJoin('student', 'student.id', 'entry.student_id')
		.select([
			'round_result.entry_id',
			'round_result.age_band_id',
			'round_result.judge_count',
			'round_result.display',
			'round_result.z_mean',
			'round_result.raw_mean',
			'round_result.median',
			'round_result.rank',
			'round_result.tie_rule',
			'round_result.advanced',
			'round_result.flagged',
			'round_result.override_reason',
			'entry.title',
			'entry.media',
			'student.pseudonym'
		])
		.where('round_result.round_id', '=', roundId)
		.orderBy('round_result.age_band_id')
		.orderBy('round_result.rank')
		.execute();
}

export async function setResultAdvanced(
	db: Conn,
	roundId: string,
	entryId: string,
	advanced: boolean,
	reason: string
): Promise<boolean> {
	const result = await db
		.updateTable('round_result')
		.set({ advanced: advanced ? 1 : 0, override_reason: reason })
		.where('round_id', '=', roundId)
		.where('entry_id', '=', entryId)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

export async function listAdvancedEntryIds(db: Conn, roundId: string): Promise<string[]> {
	const rows = await db
		.selectFrom('round_result')
		.select('entry_id')
		.where('round_id', '=', roundId)
		.where('advanced', '=', 1)
		.execute();
	return rows.map((r) => r.entry_id);
}

export async function listAwards(db: Conn, contestId: string) {
	return db
		.selectFrom('award')
		.innerJoin('entry', 'entry.id', 'award.entry_id')
		.innerJoin('student', 'student.id', 'entry.student_id')
		.select([
			'award.id',
			'award.age_band_id',
			'award.entry_id',
			'award.kind',
			'award.label',
			'award.position',
			'award.overridden_reason',
			'entry.title',
			'student.pseudonym'
		])
		.where('award.contest_id', '=', contestId)
		.orderBy('award.age_band_id')
		.orderBy('award.position')
		.execute();
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

export async function replaceAwards(db: Conn, contestId: string, rows: Insertable<AwardTable>[]) {
	await db.deleteFrom('award').where('contest_id', '=', contestId).execute();
	if (rows.length) await db.insertInto('award').values(rows).execute();
}

export async function updateAward(
	db: Conn,
	contestId: string,
	awardId: string,
	changes: Partial<Pick<AwardTable, 'entry_id' | 'overridden_reason' | 'label'>>,
	now: number
): Promise<boolean> {
	const result = await db
		.updateTable('award')
		.set({ ...changes, updated_at: now })
		.where('id', '=', awardId)
		.where('contest_id', '=', contestId)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

/** Contest statuses in which awards are public to the children and teachers concerned. */
const PUBLISHED: ('results' | 'exhibited' | 'archived')[] = ['results', 'exhibited', 'archived'];

/** Awards of these entries, once their contest has published its results. */
export async function listPublishedAwardsOfEntries(db: Conn, entryIds: readonly string[]) {
	if (entryIds.length === 0) return [];
	return db
		.selectFrom('award')
		.innerJoin('contest', 'contest.id', 'award.contest_id')
		.select(['award.entry_id', 'award.kind', 'award.label'])
		.where('award.entry_id', 'in', entryIds)
		.where('contest.status', 'in', PUBLISHED)
		.execute();
}

/** Published awards of the children of one class, with what the teacher needs to read them. */
export async function listPublishedAwardsOfClassroom(db: Conn, classroomId: string) {
	return db
		.selectFrom('award')
		.innerJoin('contest', 'contest.id', 'award.contest_id')
		.innerJoin('entry', 'entry.id', 'award.entry_id')
		.innerJoin('student', 'student.id', 'entry.student_id')
		.select([
			'award.id',
			'award.entry_id',
			'award.kind',
			'award.label',
			'entry.title',
			'student.first_name',
			'contest.title as contest_title'
		])
		.where('student.classroom_id', '=', classroomId)
		.where('contest.status', 'in', PUBLISHED)
		.orderBy('contest.created_at', 'desc')
		.orderBy('award.position')
		.execute();
}
