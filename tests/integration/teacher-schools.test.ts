// A teacher belongs to the schools an admin gives them and opens classes only there (issue 10,
// item 5: any teacher could attach a class to any school and so reach a contest restricted to
// other schools). The migration gives existing teachers the schools of their existing classes.
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../src/lib/server/auth/session.ts';
import { insertClassroom } from '../../src/lib/server/classrooms/classroom.repository.ts';
import { createClassroom } from '../../src/lib/server/classrooms/classroom.service.ts';
import type { Db } from '../../src/lib/server/db/database.ts';
import { createMigrator, MIGRATIONS_DIR } from '../../src/lib/server/db/migrate.ts';
import { isDomainError } from '../../src/lib/server/errors.ts';
import { newId } from '../../src/lib/server/ids.ts';
import { listSchoolsOfTeacher } from '../../src/lib/server/schools/teacher-school.repository.ts';
import {
	MAX_SCHOOLS_PER_TEACHER,
	setTeacherSchools
} from '../../src/lib/server/schools/teacher-school.service.ts';
import { freshDatabase, testDatabases } from './helpers/databases.ts';
import { addSchool, addUser, countRows } from './helpers/fixtures.ts';

const MIGRATION = '20261202100000_create_teacher_school';

async function failure(promise: Promise<unknown>): Promise<string> {
	try {
		await promise;
	} catch (err) {
		if (isDomainError(err)) return `${err.status} ${err.code}`;
		throw err;
	}
	return 'done';
}

describe.each(testDatabases())('teachers and their schools on $name', ({ url }) => {
	let db: Db;
	let admin: SessionUser;
	let teacher: SessionUser;
	let here: string;
	let there: string;

	beforeAll(async () => {
		db = await freshDatabase(url);
		admin = await addUser(db, 'organizer', { isAdmin: true });
		teacher = await addUser(db, 'teacher');
		here = await addSchool(db, '绿苗希望小学');
		there = await addSchool(db, '山顶小学');
	});
	afterAll(() => db.destroy());

	it('lets a teacher open classes only at the schools an admin gave them', async () => {
		expect(await failure(createClassroom(db, teacher, { name: '一班', schoolId: here }))).toBe(
			'400 classroom.error.school'
		);
		await setTeacherSchools(db, admin, teacher.id, [here, here]);
		expect((await listSchoolsOfTeacher(db, teacher.id)).map((s) => s.id)).toEqual([here]);
		const before = await countRows(db, 'classroom');
		expect(await failure(createClassroom(db, teacher, { name: '二班', schoolId: there }))).toBe(
			'400 classroom.error.school'
		);
		expect(await countRows(db, 'classroom')).toBe(before);
		expect(await failure(createClassroom(db, teacher, { name: '一班', schoolId: here }))).toBe(
			'done'
		);
		// Taking a school away stops new classes there; the existing class stays.
		await setTeacherSchools(db, admin, teacher.id, [there]);
		expect(await failure(createClassroom(db, teacher, { name: '三班', schoolId: here }))).toBe(
			'400 classroom.error.school'
		);
		expect(await countRows(db, 'classroom')).toBe(before + 1);
		await setTeacherSchools(db, admin, teacher.id, []);
		expect(await listSchoolsOfTeacher(db, teacher.id)).toEqual([]);
	});

	it('lets only an admin set them, only for a teacher, only to real schools', async () => {
		const organizer = await addUser(db, 'organizer');
		const judge = await addUser(db, 'judge');
		for (const actor of [teacher, organizer, judge]) {
			expect(await failure(setTeacherSchools(db, actor, teacher.id, [here]))).toBe(
				'403 error.forbidden'
			);
		}
		expect(await failure(setTeacherSchools(db, admin, judge.id, [here]))).toBe(
			'404 teacherSchools.error.notTeacher'
		);
		expect(await failure(setTeacherSchools(db, admin, 'no-such-user', [here]))).toBe(
			'404 teacherSchools.error.notTeacher'
		);
		expect(await failure(setTeacherSchools(db, admin, teacher.id, [here, 'no-such-school']))).toBe(
			'400 teacherSchools.error.school'
		);
		const many = Array.from({ length: MAX_SCHOOLS_PER_TEACHER + 1 }, (_, i) => `s${i}`);
		expect(await failure(setTeacherSchools(db, admin, teacher.id, many))).toBe(
			'400 teacherSchools.error.tooMany'
		);
		expect(await listSchoolsOfTeacher(db, teacher.id)).toEqual([]);
		const audit = await db
			.selectFrom('audit_log')
			.select(['action', 'actor_user_id'])
			.where('subject_id', '=', teacher.id)
			.execute();
		expect(audit.every((a) => a.action === 'user.setSchools' && a.actor_user_id === admin.id)).toBe(
			true
		);
	});

	it('gives existing teachers the schools of their classes when the table is created', async () => {
		const names = readdirSync(MIGRATIONS_DIR)
			.filter((f) => /\.ts$/.test(f) && !f.endsWith('.d.ts'))
			.map((f) => f.replace(/\.ts$/, ''))
			.sort();
		const before = names[names.indexOf(MIGRATION) - 1]!;
		const migrator = createMigrator(db);
		const down = await migrator.migrateTo(before);
		expect(down.error).toBeUndefined();
		const veteran = await addUser(db, 'teacher');
		const newcomer = await addUser(db, 'teacher');
		for (const [schoolId, code] of [
			[here, 'VETA22'],
			[there, 'VETB22'],
			[there, 'VETC22']
		] as const) {
			await insertClassroom(db, {
				id: newId(),
				schoolId,
				teacherId: veteran.id,
				name: code,
				code
			});
		}
		const up = await migrator.migrateToLatest();
		expect(up.error).toBeUndefined();
		expect((await listSchoolsOfTeacher(db, veteran.id)).map((s) => s.id).sort()).toEqual(
			[here, there].sort()
		);
		expect(await listSchoolsOfTeacher(db, newcomer.id)).toEqual([]);
		expect(
			await failure(createClassroom(db, veteran, { name: 'Next year', schoolId: there }))
		).toBe('done');
	});
});
