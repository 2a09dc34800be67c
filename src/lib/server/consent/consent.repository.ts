import type { Db } from '../db/database.ts';
import type { ConsentMethod, ConsentScope } from '../db/schema.ts';

/** The consent in force for each child of a class (at most one row per child). */
export async function listActiveConsents(db: Db, classroomId: string) {
	return db
		.selectFrom('guardian_consent')
		.innerJoin('student', 'student.id', 'guardian_consent.student_id')
		.select([
			'guardian_consent.student_id',
			'guardian_consent.scope',
			'guardian_consent.method',
			'guardian_consent.given_on'
		])
		.where('student.classroom_id', '=', classroomId)
		.where('guardian_consent.withdrawn_at', 'is', null)
		.execute();
}

export async function findActiveConsent(db: Db, studentId: string) {
	return db
		.selectFrom('guardian_consent')
		.select(['id', 'scope', 'method', 'given_on', 'recorded_at'])
		.where('student_id', '=', studentId)
		.where('withdrawn_at', 'is', null)
		.executeTakeFirst();
}

export async function withdrawActiveConsent(db: Db, studentId: string, now: number) {
	const result = await db
		.updateTable('guardian_consent')
		.set({ withdrawn_at: now })
		.where('student_id', '=', studentId)
		.where('withdrawn_at', 'is', null)
		.executeTakeFirst();
	return Number(result.numUpdatedRows);
}

export async function insertConsent(
	db: Db,
	row: {
		id: string;
		studentId: string;
		scope: ConsentScope;
		method: ConsentMethod;
		givenOn: string;
		recordedBy: string;
		now: number;
	}
) {
	await db
		.insertInto('guardian_consent')
		.values({
			id: row.id,
			student_id: row.studentId,
			scope: row.scope,
			method: row.method,
			given_on: row.givenOn,
			recorded_by: row.recordedBy,
			recorded_at: row.now,
			withdrawn_at: null
		})
		.execute();
}
