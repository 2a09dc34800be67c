import type { Insertable } from 'kysely';
import { dialectOf, type Db, type Trx } from '../db/database.ts';
import type { EntryStatus, EntryTable } from '../db/schema.ts';
import { FREED_STATUSES } from './eligibility.ts';

type Conn = Db | Trx;

export async function findEntryByKey(db: Conn, idempotencyKey: string) {
	return db
		.selectFrom('entry')
		.select(['id', 'student_id', 'status', 'payload_hash'])
		.where('idempotency_key', '=', idempotencyKey)
		.executeTakeFirst();
}

export async function findEntry(db: Conn, id: string) {
	return db
		.selectFrom('entry')
		.select([
			'id',
			'contest_id',
			'student_id',
			'status',
			'status_message',
			'original_key',
			'media_prefix',
			'media'
		])
		.where('id', '=', id)
		.executeTakeFirst();
}

/** Who owns the entry and which class (and so which teacher) the child belongs to. */
export async function findEntryOwner(db: Conn, id: string) {
	return db
		.selectFrom('entry')
		.innerJoin('student', 'student.id', 'entry.student_id')
		.innerJoin('classroom', 'classroom.id', 'student.classroom_id')
		.select(['entry.student_id', 'classroom.teacher_id', 'entry.media'])
		.where('entry.id', '=', id)
		.executeTakeFirst();
}

/** The child and the school their class belongs to. */
export async function findStudentSchool(db: Conn, studentId: string) {
	return db
		.selectFrom('student')
		.innerJoin('classroom', 'classroom.id', 'student.classroom_id')
		.select(['student.id', 'student.classroom_id', 'classroom.school_id'])
		.where('student.id', '=', studentId)
		.executeTakeFirst();
}

export async function countActiveEntries(
	db: Conn,
	studentId: string,
	contestId: string
): Promise<number> {
	const row = await db
		.selectFrom('entry')
		.select((eb) => eb.fn.countAll<number | string>().as('n'))
		.where('student_id', '=', studentId)
		.where('contest_id', '=', contestId)
		.where('status', 'not in', [...FREED_STATUSES])
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

/**
 * Serializes one child's submissions inside a write transaction, so two different keys cannot
 * both pass the entry limit. SQLite's BEGIN IMMEDIATE already holds the only write lock.
 */
export async function lockStudent(db: Db, trx: Trx, studentId: string): Promise<void> {
	if (dialectOf(db) !== 'postgres') return;
	await trx.selectFrom('student').select('id').where('id', '=', studentId).forUpdate().execute();
}

export async function insertEntry(db: Conn, row: Insertable<EntryTable>): Promise<void> {
	await db.insertInto('entry').values(row).execute();
}

export async function deleteEntry(db: Conn, id: string): Promise<void> {
	await db.deleteFrom('entry').where('id', '=', id).execute();
}

/** Moves `from` → `to` only if the row is still in `from`; returns whether it did. */
export async function setEntryStatus(
	db: Conn,
	id: string,
	from: EntryStatus,
	changes: Partial<
		Pick<EntryTable, 'status' | 'status_message' | 'original_key' | 'media_prefix' | 'media'>
	>,
	now: number
): Promise<boolean> {
	const result = await db
		.updateTable('entry')
		.set({ ...changes, updated_at: now })
		.where('id', '=', id)
		.where('status', '=', from)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

/** A child's entries with the contest title (JSON), newest first. */
export async function listEntriesOfStudent(db: Conn, studentId: string) {
	return db
		.selectFrom('entry')
		.innerJoin('contest', 'contest.id', 'entry.contest_id')
		.select([
			'entry.id',
			'entry.contest_id',
			'entry.title',
			'entry.about',
			'entry.status',
			'entry.status_message',
			'entry.media',
			'entry.created_at',
			'contest.title as contest_title'
		])
		.where('entry.student_id', '=', studentId)
		.orderBy('entry.created_at', 'desc')
		.orderBy('entry.id')
		.execute();
}

/**
 * The approved entries of a contest, in age-band order then oldest first: what judging rounds
 * draw from and the exhibition publishes. Carries the facts those need and nothing that names a
 * child: the school (conflicts of interest, consented credit) and the approving teacher
 * (a judge never scores work they approved). Optionally one band only.
 */
export async function listApprovedEntries(
	db: Conn,
	contestId: string,
	options: { ageBandId?: string } = {}
) {
	let query = db
		.selectFrom('entry')
		.innerJoin('student', 'student.id', 'entry.student_id')
		.innerJoin('classroom', 'classroom.id', 'student.classroom_id')
		.leftJoin('contest_age_band', 'contest_age_band.id', 'entry.age_band_id')
		.select([
			'entry.id',
			'entry.contest_id',
			'entry.student_id',
			'entry.age_band_id',
			'entry.age',
			'entry.source',
			'entry.drawing_id',
			'entry.title',
			'entry.about',
			'entry.media_prefix',
			'entry.media',
			'entry.reviewed_by',
			'entry.created_at',
			'classroom.school_id',
			'contest_age_band.position as band_position'
		])
		.where('entry.contest_id', '=', contestId)
		.where('entry.status', '=', 'approved');
	if (options.ageBandId !== undefined)
		query = query.where('entry.age_band_id', '=', options.ageBandId);
	return query
		.orderBy('contest_age_band.position')
		.orderBy('entry.created_at')
		.orderBy('entry.id')
		.execute();
}

export type ApprovedEntry = Awaited<ReturnType<typeof listApprovedEntries>>[number];
