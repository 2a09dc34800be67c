import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { ConsentScope, EntrySource, EntryStatus } from '../db/schema.ts';

/** The entry columns every list reads; the child appears by pseudonym only. */
export interface EntryRowBase {
	id: string;
	title: string;
	about: string;
	age: number;
	source: EntrySource;
	status: EntryStatus;
	status_message: string | null;
	media: string | null;
	created_at: number;
	pseudonym: string;
}

/** What a reviewer sees of an entry. */
export interface ReviewEntryRow extends EntryRowBase {
	reviewed_at: number | null;
	student_id: string;
	contest_title: string;
	consent_scope: ConsentScope | null;
}

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

/**
 * Moves an entry `from` → `to` only if it is still in one of `from`; returns whether it did,
 * so two reviewers clicking at once cannot both win.
 */
export async function updateEntryStatus(
	db: Db,
	entryId: string,
	from: readonly EntryStatus[],
	change: {
		to: EntryStatus;
		message: string | null;
		reviewedBy?: string;
		now: number;
	}
): Promise<boolean> {
	const result = await db
		.updateTable('entry')
		.set({
			status: change.to,
			status_message: change.message,
			updated_at: change.now,
			...(change.reviewedBy ? { reviewed_by: change.reviewedBy, reviewed_at: change.now } : {})
		})
		.where('id', '=', entryId)
		.where('status', 'in', from)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

/** Open contests, in their window, that take teachers' photos and this school may enter. */
export async function listUploadableContests(db: Db, schoolId: string, now: number) {
	return db
		.selectFrom('contest')
		.select(['contest.id', 'contest.title', 'contest.closes_at', 'contest.time_zone'])
		.where('contest.status', '=', 'open')
		.where('contest.allow_upload', '=', 1)
		.where('contest.opens_at', '<=', now)
		.where('contest.closes_at', '>', now)
		.where((eb) =>
			eb.or([
				// No school listed means every school may take part.
				eb.not(
					eb.exists(
						eb
							.selectFrom('contest_school')
							.select(sql`1`.as('one'))
							.whereRef('contest_school.contest_id', '=', 'contest.id')
					)
				),
				eb.exists(
					eb
						.selectFrom('contest_school')
						.select(sql`1`.as('one'))
						.whereRef('contest_school.contest_id', '=', 'contest.id')
						.where('contest_school.school_id', '=', schoolId)
				)
			])
		)
		.orderBy('contest.closes_at')
		.orderBy('contest.id')
		.execute();
}

export interface AdminEntryFilter {
	status?: EntryStatus;
	schoolId?: string;
	ageBandId?: string;
}

/** An organizer's row: pseudonym and school, never the child's first name. */
export interface AdminEntryRow extends EntryRowBase {
	school_id: string;
	school_name: string;
	age_band_id: string | null;
	age_band_label: string | null;
}

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
