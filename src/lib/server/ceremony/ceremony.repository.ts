/**
 * Every query of the ceremony: who gets a certificate (approved entries with their award), who is
 * shown on the big screen (award winners with consent in force), and the certificate batches.
 */
import type { Insertable, Updateable } from 'kysely';
import type { Db, Trx } from '../db/database.ts';
import type { CertificateBatchTable } from '../db/schema.ts';

type Conn = Db | Trx;

export interface RecipientFilter {
	schoolId?: string;
	classroomId?: string;
}

/**
 * One row per approved entry, with its award if it has one. Carries the child's real first name:
 * for printing only, never for a page.
 */
export async function listCertificateRecipients(
	db: Conn,
	contestId: string,
	filter: RecipientFilter = {}
) {
	let query = db
		.selectFrom('entry')
		.innerJoin('student', 'student.id', 'entry.student_id')
		.innerJoin('classroom', 'classroom.id', 'student.classroom_id')
		.innerJoin('school', 'school.id', 'classroom.school_id')
		.leftJoin('contest_age_band', 'contest_age_band.id', 'entry.age_band_id')
		.leftJoin('award', (join) =>
			join
				.onRef('award.entry_id', '=', 'entry.id')
				.onRef('award.contest_id', '=', 'entry.contest_id')
		)
		.select([
			'entry.id as entryId',
			'entry.title',
			'entry.student_id as studentId',
			'student.first_name as firstName',
			'student.pseudonym',
			'classroom.id as classroomId',
			'classroom.name as classroomName',
			'school.id as schoolId',
			'school.name as schoolName',
			'contest_age_band.label as bandLabel',
			'award.kind as awardKind',
			'award.label as awardLabel'
		])
		.where('entry.contest_id', '=', contestId)
		.where('entry.status', '=', 'approved');
	if (filter.schoolId) query = query.where('school.id', '=', filter.schoolId);
	if (filter.classroomId) query = query.where('classroom.id', '=', filter.classroomId);
	return query
		.orderBy('school.name')
		.orderBy('classroom.name')
		.orderBy('student.pseudonym')
		.orderBy('entry.created_at')
		.execute();
}

export async function countAwards(db: Conn, contestId: string): Promise<number> {
	const row = await db
		.selectFrom('award')
		.innerJoin('entry', 'entry.id', 'award.entry_id')
		.select((eb) => eb.fn.countAll<number | string>().as('count'))
		.where('award.contest_id', '=', contestId)
		.where('entry.status', '=', 'approved')
		.executeTakeFirst();
	return Number(row?.count ?? 0);
}

/**
 * The award winners, in award order, with what the show needs and the facts that decide whether
 * it may show them. A contest-wide award (no band) is listed without a band.
 */
export async function listWinners(db: Conn, contestId: string) {
	const awards = await db
		.selectFrom('award')
		.select(['id', 'kind', 'label', 'position', 'entry_id as entryId', 'age_band_id'])
		.where('contest_id', '=', contestId)
		.orderBy('position')
		.execute();
	const entries = new Map(
		(await listShowEntries(db, contestId, [...new Set(awards.map((a) => a.entryId))])).map((e) => [
			e.entryId,
			e
		])
	);
	return awards.flatMap(({ age_band_id, ...award }) => {
		const entry = entries.get(award.entryId);
		if (!entry) return [];
		return age_band_id
			? [{ ...entry, ...award }]
			: [{ ...entry, ...award, bandId: null, bandLabel: null, bandPosition: null }];
	});
}

/** Artworks with what the show needs and the facts that decide whether it may show them. */
export async function listShowEntries(db: Conn, contestId: string, entryIds: string[]) {
	if (entryIds.length === 0) return [];
	return db
		.selectFrom('entry')
		.innerJoin('student', 'student.id', 'entry.student_id')
		.leftJoin('contest_age_band', 'contest_age_band.id', 'entry.age_band_id')
		.leftJoin('guardian_consent', (join) =>
			join
				.onRef('guardian_consent.student_id', '=', 'student.id')
				.on('guardian_consent.withdrawn_at', 'is', null)
		)
		.leftJoin('exhibition_entry', 'exhibition_entry.entry_id', 'entry.id')
		.select([
			'exhibition_entry.hidden_at as hiddenAt',
			'entry.id as entryId',
			'entry.age_band_id as bandId',
			'contest_age_band.label as bandLabel',
			'contest_age_band.position as bandPosition',
			'entry.title',
			'entry.about',
			'entry.media',
			'student.pseudonym',
			'guardian_consent.scope as consentScope'
		])
		.where('entry.contest_id', '=', contestId)
		.where('entry.status', '=', 'approved')
		.where('entry.id', 'in', entryIds)
		.execute();
}

export async function insertBatches(db: Conn, rows: Insertable<CertificateBatchTable>[]) {
	if (rows.length) await db.insertInto('certificate_batch').values(rows).execute();
}

export async function listBatches(db: Conn, contestId: string) {
	return db
		.selectFrom('certificate_batch')
		.leftJoin('school', 'school.id', 'certificate_batch.school_id')
		.leftJoin('classroom', 'classroom.id', 'certificate_batch.classroom_id')
		.selectAll('certificate_batch')
		.select(['school.name as schoolName', 'classroom.name as classroomName'])
		.where('certificate_batch.contest_id', '=', contestId)
		.orderBy('school.name')
		.orderBy('classroom.name')
		.execute();
}

export async function findBatch(db: Conn, batchId: string) {
	return db
		.selectFrom('certificate_batch')
		.selectAll()
		.where('id', '=', batchId)
		.executeTakeFirst();
}

/** False when the batch is gone (replaced by a newer generation). */
export async function updateBatch(
	db: Conn,
	batchId: string,
	changes: Updateable<CertificateBatchTable>
): Promise<boolean> {
	const result = await db
		.updateTable('certificate_batch')
		.set(changes)
		.where('id', '=', batchId)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

export async function deleteBatches(db: Conn, contestId: string): Promise<string[]> {
	const rows = await db
		.deleteFrom('certificate_batch')
		.where('contest_id', '=', contestId)
		.returning('id')
		.execute();
	return rows.map((r) => r.id);
}
