import type { Db } from '../db/database.ts';
import type { SecretKind } from '../db/schema.ts';

export async function findClassroomById(db: Db, id: string) {
	return db
		.selectFrom('classroom')
		.innerJoin('school', 'school.id', 'classroom.school_id')
		.innerJoin('app_user', 'app_user.id', 'classroom.teacher_id')
		.select([
			'classroom.id',
			'classroom.name',
			'classroom.code',
			'classroom.teacher_id',
			'classroom.school_id',
			'classroom.created_at',
			'school.name as school_name',
			'app_user.display_name as teacher_name'
		])
		.where('classroom.id', '=', id)
		.where('classroom.archived_at', 'is', null)
		.executeTakeFirst();
}

export async function findClassroomByCode(db: Db, code: string) {
	return db
		.selectFrom('classroom')
		.innerJoin('school', 'school.id', 'classroom.school_id')
		.select(['classroom.id', 'classroom.name', 'classroom.code', 'school.name as school_name'])
		.where('classroom.code', '=', code)
		.where('classroom.archived_at', 'is', null)
		.executeTakeFirst();
}

export async function listClassroomsForTeacher(db: Db, teacherId: string | null) {
	let q = db
		.selectFrom('classroom')
		.innerJoin('school', 'school.id', 'classroom.school_id')
		.innerJoin('app_user', 'app_user.id', 'classroom.teacher_id')
		.select((eb) => [
			'classroom.id',
			'classroom.name',
			'classroom.code',
			'school.name as school_name',
			'app_user.display_name as teacher_name',
			eb
				.selectFrom('student')
				.select(eb.fn.countAll<number | string>().as('n'))
				.whereRef('student.classroom_id', '=', 'classroom.id')
				.as('student_count')
		])
		.where('classroom.archived_at', 'is', null)
		.orderBy('classroom.created_at', 'desc');
	if (teacherId) q = q.where('classroom.teacher_id', '=', teacherId);
	return q.execute();
}

/** The schools of the classes one teacher leads, archived classes included. */
export async function listSchoolIdsOfTeacherClasses(db: Db, teacherId: string): Promise<string[]> {
	const rows = await db
		.selectFrom('classroom')
		.select('school_id')
		.distinct()
		.where('teacher_id', '=', teacherId)
		.orderBy('school_id')
		.execute();
	return rows.map((r) => r.school_id);
}

export async function insertClassroom(
	db: Db,
	row: { id: string; schoolId: string; teacherId: string; name: string; code: string }
) {
	await db
		.insertInto('classroom')
		.values({
			id: row.id,
			school_id: row.schoolId,
			teacher_id: row.teacherId,
			name: row.name,
			code: row.code,
			created_at: Date.now(),
			archived_at: null
		})
		.execute();
}

export async function codeExists(db: Db, code: string): Promise<boolean> {
	const row = await db
		.selectFrom('classroom')
		.select('id')
		.where('code', '=', code)
		.executeTakeFirst();
	return !!row;
}

/** For the teacher: includes the secret, which the login cards print. */
export async function listStudentsForTeacher(db: Db, classroomId: string) {
	return db
		.selectFrom('student')
		.select(['id', 'first_name', 'pseudonym', 'avatar', 'secret_kind', 'secret', 'created_at'])
		.where('classroom_id', '=', classroomId)
		.orderBy('pseudonym')
		.execute();
}

/** For the child-facing picker: no first name beyond the pseudonym, never the secret. */
export async function listStudentsForJoin(db: Db, classroomId: string) {
	return db
		.selectFrom('student')
		.select(['id', 'pseudonym', 'avatar', 'secret_kind'])
		.where('classroom_id', '=', classroomId)
		.orderBy('pseudonym')
		.execute();
}

/** A child's class and pseudonym, whatever the class: the caller checks who may know. */
export async function findStudentById(db: Db, studentId: string) {
	return db
		.selectFrom('student')
		.select(['id', 'classroom_id', 'pseudonym'])
		.where('id', '=', studentId)
		.executeTakeFirst();
}

export async function findStudentInClassroom(db: Db, classroomId: string, studentId: string) {
	return db
		.selectFrom('student')
		.select(['id', 'classroom_id', 'pseudonym', 'avatar', 'secret_kind', 'secret', 'first_name'])
		.where('id', '=', studentId)
		.where('classroom_id', '=', classroomId)
		.executeTakeFirst();
}

export async function listTakenNames(db: Db, classroomId: string) {
	return db
		.selectFrom('student')
		.select(['pseudonym', 'avatar', 'first_name'])
		.where('classroom_id', '=', classroomId)
		.execute();
}

export async function insertStudents(
	db: Db,
	rows: {
		id: string;
		classroomId: string;
		firstName: string;
		pseudonym: string;
		avatar: string;
		secretKind: SecretKind;
		secret: string;
	}[]
) {
	if (rows.length === 0) return;
	const now = Date.now();
	await db
		.insertInto('student')
		.values(
			rows.map((r) => ({
				id: r.id,
				classroom_id: r.classroomId,
				first_name: r.firstName,
				pseudonym: r.pseudonym,
				avatar: r.avatar,
				secret_kind: r.secretKind,
				secret: r.secret,
				created_at: now
			}))
		)
		.execute();
}

export async function updateStudentSecret(
	db: Db,
	studentId: string,
	secretKind: SecretKind,
	secret: string
) {
	await db
		.updateTable('student')
		.set({ secret_kind: secretKind, secret })
		.where('id', '=', studentId)
		.execute();
}

export async function deleteStudent(db: Db, studentId: string) {
	await db.deleteFrom('student').where('id', '=', studentId).execute();
}

/** The child and the school their class belongs to. */
export async function findStudentSchool(db: Db, studentId: string) {
	return db
		.selectFrom('student')
		.innerJoin('classroom', 'classroom.id', 'student.classroom_id')
		.select(['student.id', 'student.classroom_id', 'classroom.school_id'])
		.where('student.id', '=', studentId)
		.executeTakeFirst();
}
