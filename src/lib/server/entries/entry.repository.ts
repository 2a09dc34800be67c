import type { Insertable, Selectable } from 'kysely';
import { dialectOf, type Db, type Trx } from '../db/database.ts';
import type {
	ContestTable,
	EntryStatus,
	EntryTable,
	GuardianConsentTable,
	SchoolTable,
	StudentTable
} from '../db/schema.ts';
import { FREED_STATUSES } from './eligibility.ts';

export async function findEntryByKey(db: Db, idempotencyKey: string) {
	return db
		.selectFrom('entry')
		.select(['id', 'student_id', 'status', 'payload_hash', 'updated_at'])
		.where('idempotency_key', '=', idempotencyKey)
		.executeTakeFirst();
}

/**
 * Removes an entry still 'receiving' since before `before`: its request died between claiming
 * the key and committing (a crash, a kill -9). Returns whether this call removed it, so of two
 * retries racing only one takes the key over.
 */
export async function deleteAbandonedReceipt(db: Db, id: string, before: number): Promise<boolean> {
	const result = await db
		.deleteFrom('entry')
		.where('id', '=', id)
		.where('status', '=', 'receiving')
		.where('updated_at', '<', before)
		.executeTakeFirst();
	return Number(result.numDeletedRows) === 1;
}

/** Entries still 'receiving' since before `before`: all of them, or one child's in one contest. */
export async function listAbandonedReceipts(
	db: Db,
	before: number,
	of?: { studentId: string; contestId: string }
): Promise<string[]> {
	let query = db
		.selectFrom('entry')
		.select('id')
		.where('status', '=', 'receiving')
		.where('updated_at', '<', before);
	if (of)
		query = query.where('student_id', '=', of.studentId).where('contest_id', '=', of.contestId);
	return (await query.execute()).map((r) => r.id);
}

export async function findEntry(db: Db, id: string) {
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

/**
 * What the access policy looks at: whose entry, which class's teacher, which school and
 * contest, its state and its drawing — and the rendition descriptor.
 */
export async function findEntryAccessFacts(db: Db, id: string) {
	return db
		.selectFrom('entry')
		.innerJoin('student', 'student.id', 'entry.student_id')
		.innerJoin('classroom', 'classroom.id', 'student.classroom_id')
		.select([
			'entry.id',
			'entry.contest_id',
			'entry.student_id',
			'entry.status',
			'entry.drawing_id',
			'entry.media',
			'classroom.teacher_id',
			'classroom.school_id'
		])
		.where('entry.id', '=', id)
		.executeTakeFirst();
}

export async function countActiveEntries(
	db: Db,
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

export async function insertEntry(db: Db, row: Insertable<EntryTable>): Promise<void> {
	await db.insertInto('entry').values(row).execute();
}

export async function deleteEntry(db: Db, id: string): Promise<void> {
	await db.deleteFrom('entry').where('id', '=', id).execute();
}

/** What a status move may change besides the status itself. */
export type EntryStatusChange = Partial<
	Pick<
		EntryTable,
		'status_message' | 'original_key' | 'media_prefix' | 'media' | 'reviewed_by' | 'reviewed_at'
	>
>;

/**
 * Moves an entry to `to` only if it is still in (one of) `from`; returns whether it did. The one
 * compare-and-set every status change goes through, so two reviewers clicking at once, or a job
 * finishing after it was given up, cannot both win.
 */
export async function moveEntryStatus(
	db: Db,
	id: string,
	from: EntryStatus | readonly EntryStatus[],
	to: EntryStatus,
	changes: EntryStatusChange,
	now: number
): Promise<boolean> {
	const froms: readonly EntryStatus[] = typeof from === 'string' ? [from] : from;
	if (froms.length === 0) return false;
	const result = await db
		.updateTable('entry')
		.set({ ...changes, status: to, updated_at: now })
		.where('id', '=', id)
		.where('status', 'in', froms)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

/** The stored objects a child's entries point at: what erasing the child must remove. */
export async function listEntryObjectsOfStudent(db: Db, studentId: string) {
	return db
		.selectFrom('entry')
		.select(['id', 'original_key', 'media_prefix'])
		.where('student_id', '=', studentId)
		.execute();
}

/**
 * Whether an entry other than `exceptStudentId`'s still uses a rendition folder. Renditions are
 * content-addressed, so the same picture sent twice (even by two children) shares one folder.
 */
export async function isMediaPrefixInUse(
	db: Db,
	prefix: string,
	exceptStudentId: string | null
): Promise<boolean> {
	let query = db.selectFrom('entry').select('id').where('media_prefix', '=', prefix);
	if (exceptStudentId !== null) query = query.where('student_id', '!=', exceptStudentId);
	return (await query.limit(1).executeTakeFirst()) !== undefined;
}

/** How many entries each of these children has, whatever their state. */
export async function countEntriesByStudent(db: Db, studentIds: readonly string[]) {
	if (studentIds.length === 0) return new Map<string, number>();
	const rows = await db
		.selectFrom('entry')
		.select(['student_id', (eb) => eb.fn.countAll<number | string>().as('n')])
		.where('student_id', 'in', studentIds)
		.groupBy('student_id')
		.execute();
	return new Map(rows.map((r) => [r.student_id, Number(r.n)]));
}

/** A child's entries with the contest title (JSON), newest first. */
export async function listEntriesOfStudent(db: Db, studentId: string) {
	return db
		.selectFrom('entry')
		.innerJoin('contest', 'contest.id', 'entry.contest_id')
		.select([
			'entry.id',
			'entry.contest_id',
			'entry.drawing_id',
			'entry.age',
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
	db: Db,
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

/**
 * The same entries as listApprovedEntries, only id and band, unordered: closing a round of
 * 10,000 entries needs nothing else, and the wide sorted read cost more than the tally.
 */
export async function listApprovedEntryBands(
	db: Db,
	contestId: string
): Promise<{ id: string; age_band_id: string | null }[]> {
	return db
		.selectFrom('entry')
		.innerJoin('student', 'student.id', 'entry.student_id')
		.innerJoin('classroom', 'classroom.id', 'student.classroom_id')
		.select(['entry.id', 'entry.age_band_id'])
		.where('entry.contest_id', '=', contestId)
		.where('entry.status', '=', 'approved')
		.execute();
}

/** The entry columns every list reads; the child appears by pseudonym only. */
export type EntryRowBase = Pick<
	Selectable<EntryTable>,
	'id' | 'title' | 'about' | 'age' | 'source' | 'status' | 'status_message' | 'media' | 'created_at'
> &
	Pick<Selectable<StudentTable>, 'pseudonym'>;

/** What a reviewer sees of an entry. */
export type ReviewEntryRow = EntryRowBase &
	Pick<Selectable<EntryTable>, 'reviewed_at' | 'student_id'> & {
		contest_title: Selectable<ContestTable>['title'];
		consent_scope: Selectable<GuardianConsentTable>['scope'] | null;
	};

/** The entry's own columns both the review queue and the organizer's table show. */
const ENTRY_COLUMNS = [
	'entry.id',
	'entry.title',
	'entry.about',
	'entry.age',
	'entry.source',
	'entry.status',
	'entry.status_message',
	'entry.media',
	'entry.created_at'
] as const;

function classroomEntries(db: Db, classroomId: string) {
	return db
		.selectFrom('entry')
		.innerJoin('student', 'student.id', 'entry.student_id')
		.innerJoin('contest', 'contest.id', 'entry.contest_id')
		.leftJoin('guardian_consent', (join) =>
			join
				.onRef('guardian_consent.student_id', '=', 'student.id')
				.on('guardian_consent.withdrawn_at', 'is', null)
		)
		.select([
			...ENTRY_COLUMNS,
			'entry.reviewed_at',
			'student.id as student_id',
			'student.pseudonym',
			'contest.title as contest_title',
			'guardian_consent.scope as consent_scope'
		])
		.where('student.classroom_id', '=', classroomId);
}

/** Entries of a class in the given states, oldest first so the queue is worked in order. */
export async function listClassroomEntries(
	db: Db,
	classroomId: string,
	statuses: readonly EntryStatus[],
	options: { newestFirst?: boolean; limit?: number } = {}
): Promise<ReviewEntryRow[]> {
	if (statuses.length === 0) return [];
	let query = classroomEntries(db, classroomId).where('entry.status', 'in', statuses);
	query = options.newestFirst
		? query.orderBy('entry.updated_at', 'desc').orderBy('entry.id')
		: query.orderBy('entry.created_at').orderBy('entry.id');
	if (options.limit) query = query.limit(options.limit);
	return query.execute();
}

export async function countClassroomEntries(
	db: Db,
	classroomId: string,
	status: EntryStatus
): Promise<number> {
	const row = await db
		.selectFrom('entry')
		.innerJoin('student', 'student.id', 'entry.student_id')
		.select((eb) => eb.fn.countAll<number | string>().as('n'))
		.where('student.classroom_id', '=', classroomId)
		.where('entry.status', '=', status)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

/** The entry, only if its child belongs to this class. */
export async function findClassroomEntry(db: Db, classroomId: string, entryId: string) {
	return db
		.selectFrom('entry')
		.innerJoin('student', 'student.id', 'entry.student_id')
		.select(['entry.id', 'entry.status', 'entry.student_id', 'entry.contest_id'])
		.where('entry.id', '=', entryId)
		.where('student.classroom_id', '=', classroomId)
		.executeTakeFirst();
}

export interface AdminEntryFilter {
	status?: EntryStatus;
	schoolId?: string;
	ageBandId?: string;
}

/** An organizer's row: pseudonym and school, never the child's first name. */
export type AdminEntryRow = EntryRowBase &
	Pick<Selectable<EntryTable>, 'age_band_id'> & {
		school_id: Selectable<SchoolTable>['id'];
		school_name: Selectable<SchoolTable>['name'];
		age_band_label: string | null;
	};

function contestEntries(db: Db, contestId: string) {
	return db
		.selectFrom('entry')
		.innerJoin('student', 'student.id', 'entry.student_id')
		.innerJoin('classroom', 'classroom.id', 'student.classroom_id')
		.innerJoin('school', 'school.id', 'classroom.school_id')
		.leftJoin('contest_age_band', 'contest_age_band.id', 'entry.age_band_id')
		.select([
			...ENTRY_COLUMNS,
			'student.pseudonym',
			'school.id as school_id',
			'school.name as school_name',
			'entry.age_band_id',
			'contest_age_band.label as age_band_label'
		])
		.where('entry.contest_id', '=', contestId);
}

export async function listContestEntries(
	db: Db,
	contestId: string,
	filter: AdminEntryFilter
): Promise<AdminEntryRow[]> {
	let query = contestEntries(db, contestId);
	if (filter.status) query = query.where('entry.status', '=', filter.status);
	if (filter.schoolId) query = query.where('school.id', '=', filter.schoolId);
	if (filter.ageBandId) query = query.where('entry.age_band_id', '=', filter.ageBandId);
	return query.orderBy('entry.created_at', 'desc').orderBy('entry.id').execute();
}

export async function findContestEntry(db: Db, contestId: string, entryId: string) {
	return contestEntries(db, contestId).where('entry.id', '=', entryId).executeTakeFirst();
}

/** Schools with at least one entry in the contest, for the filter. */
export async function listContestEntrySchools(db: Db, contestId: string) {
	return db
		.selectFrom('entry')
		.innerJoin('student', 'student.id', 'entry.student_id')
		.innerJoin('classroom', 'classroom.id', 'student.classroom_id')
		.innerJoin('school', 'school.id', 'classroom.school_id')
		.select(['school.id', 'school.name'])
		.where('entry.contest_id', '=', contestId)
		.groupBy(['school.id', 'school.name'])
		.orderBy('school.name')
		.execute();
}

/** Per contest, the child's entries that still use up a place. */
export async function countActiveEntriesByContest(
	db: Db,
	studentId: string,
	contestIds: readonly string[]
): Promise<Map<string, number>> {
	if (contestIds.length === 0) return new Map();
	const rows = await db
		.selectFrom('entry')
		.select(['contest_id', (eb) => eb.fn.countAll<number | string>().as('n')])
		.where('student_id', '=', studentId)
		.where('contest_id', 'in', contestIds)
		.where('status', 'not in', [...FREED_STATUSES])
		.groupBy('contest_id')
		.execute();
	return new Map(rows.map((r) => [r.contest_id, Number(r.n)]));
}

/**
 * What the printed exhibition needs of a contest's approved works not hidden from the
 * exhibition, oldest first: pseudonym (never a real name), band, the active consent (none:
 * left out of print), and where the artwork's source lives (the drawing's stroke document,
 * or the photo's original).
 */
export async function listPrintableEntries(db: Db, contestId: string) {
	return (
		db
			.selectFrom('entry')
			.innerJoin('student', 'student.id', 'entry.student_id')
			.leftJoin('contest_age_band', 'contest_age_band.id', 'entry.age_band_id')
			.leftJoin('drawing', 'drawing.id', 'entry.drawing_id')
			.leftJoin('exhibition_entry', 'exhibition_entry.entry_id', 'entry.id')
			.leftJoin('guardian_consent', (join) =>
				join
					.onRef('guardian_consent.student_id', '=', 'student.id')
					.on('guardian_consent.withdrawn_at', 'is', null)
			)
			.select([
				'entry.id',
				'entry.title',
				'entry.about',
				'entry.source',
				'entry.original_key',
				'entry.created_at',
				'student.pseudonym',
				'contest_age_band.label as band_label',
				'contest_age_band.position as band_position',
				'drawing.doc_key',
				'drawing.revision as drawing_revision',
				'guardian_consent.scope as consent_scope'
			])
			.where('entry.contest_id', '=', contestId)
			.where('entry.status', '=', 'approved')
			// A work an organizer took down from the exhibition is not hung either.
			.where('exhibition_entry.hidden_at', 'is', null)
			.orderBy('entry.created_at')
			.orderBy('entry.id')
			.execute()
	);
}

export type PrintableEntry = Awaited<ReturnType<typeof listPrintableEntries>>[number];
