/**
 * A round's results and a contest's awards. Split from judging.repository.ts, with the same
 * rules: `db | trx` first so services compose them in one transaction, no decisions.
 */
import { sql, type Insertable } from 'kysely';
import { sqliteHandleOf, type Db, type Trx } from '../db/database.ts';
import type { AwardTable, RoundResultTable } from '../db/schema.ts';

type Conn = Db | Trx;

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

/**
 * A round's results by band, best rank first and unscored artworks (no rank) last on both
 * databases: a bare ORDER BY rank puts NULLs first on SQLite, above the winners.
 */
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
		.orderBy(sql`round_result.rank is null`)
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
