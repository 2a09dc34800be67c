/**
 * Rubric scores: what a judge's save reads and writes (one indexed read for all its checks, the
 * criteria with this judge's scores, the score and its audit row) and what closing a round reads.
 * Split from judging.repository.ts, with the same rules: `db | trx` first, no decisions.
 */
import { sql, type Kysely } from 'kysely';
import { compiledOnce } from '../db/compiled.ts';
import { dialectOf, type Db, type Trx } from '../db/database.ts';
import type { Database } from '../db/schema.ts';

type Conn = Db | Trx;

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
	// describe a near-empty round: it then picks nested loops (one index probe per score) and
	// sorts all the round's scores to group them. Both inputs are round-sized, so hash them in
	// memory instead (sorting 90,000 scores by text ids was half the read: 530 → 260–410 ms).
	// The settings are local to this transaction and reset right after the read (after a failed
	// read the rollback ends them).
	if (postgres)
		await sql`select set_config('enable_nestloop', 'off', true), set_config('enable_sort', 'off', true), set_config('work_mem', '64MB', true)`.execute(
			trx
		);
	const rows = await countedScorings(trx, postgres, roundId, criterionIds);
	if (postgres) await sql`reset enable_nestloop; reset enable_sort; reset work_mem`.execute(trx);
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
		// Byte order ("C", SQLite's own for these ASCII ids) is cheaper than the database's
		// collation and the same on every server.
		const row = await counted
			.select(
				sql<
					[string, string, ...(number | null)[]][] | null
				>`json_agg(json_build_array(${cells}) order by s.judge_id collate "C", s.entry_id collate "C")`.as(
					'doc'
				)
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
