import type { Db } from '../db/database.ts';

/** The schools one teacher works at, by name. */
export async function listSchoolsOfTeacher(db: Db, teacherId: string) {
	return db
		.selectFrom('teacher_school')
		.innerJoin('school', 'school.id', 'teacher_school.school_id')
		.select(['school.id', 'school.name', 'school.city'])
		.where('teacher_school.teacher_id', '=', teacherId)
		.orderBy('school.name')
		.execute();
}

/** Every teacher–school pair, for the admin's user list. */
export async function listTeacherSchoolPairs(db: Db) {
	return db.selectFrom('teacher_school').select(['teacher_id', 'school_id']).execute();
}

export async function isTeacherAtSchool(
	db: Db,
	teacherId: string,
	schoolId: string
): Promise<boolean> {
	const row = await db
		.selectFrom('teacher_school')
		.select('school_id')
		.where('teacher_id', '=', teacherId)
		.where('school_id', '=', schoolId)
		.executeTakeFirst();
	return row !== undefined;
}

export async function replaceSchoolsOfTeacher(
	db: Db,
	teacherId: string,
	schoolIds: readonly string[]
): Promise<void> {
	await db.deleteFrom('teacher_school').where('teacher_id', '=', teacherId).execute();
	if (schoolIds.length === 0) return;
	await db
		.insertInto('teacher_school')
		.values(schoolIds.map((schoolId) => ({ teacher_id: teacherId, school_id: schoolId })))
		.execute();
}
