// A teacher's classroom from creation to "end class", on both dialects: who may do what,
// what a pasted roster turns into, and the audit trail each action leaves.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
	createSession,
	validateSessionToken,
	type SessionUser
} from '../../src/lib/server/auth/session.ts';
import {
	listStudentsForJoin,
	listStudentsForTeacher
} from '../../src/lib/server/classrooms/classroom.repository.ts';
import {
	addStudents,
	createClassroom,
	endClass,
	getManagedClassroom,
	listMyClassrooms,
	listRoster,
	resetStudentSecret,
	unlockStudent
} from '../../src/lib/server/classrooms/classroom.service.ts';
import { LIMITS, recordFailure, WINDOW_MS } from '../../src/lib/server/auth/rate-limit.ts';
import * as roster from '../../src/lib/server/classrooms/roster.ts';
import { DomainError } from '../../src/lib/server/errors.ts';
import type { Db } from '../../src/lib/server/db/database.ts';
import { parsePictureSequence } from '../../src/lib/pictures.ts';
import { eraseStudent } from '../../src/lib/server/privacy/student-erasure.service.ts';
import { setTeacherSchools } from '../../src/lib/server/schools/teacher-school.service.ts';
import { createLocalStore } from '../../src/lib/server/storage/local-store.ts';
import { freshDatabase, testDatabases } from './helpers/databases.ts';
import { addSchool, addUser, countRows } from './helpers/fixtures.ts';

// The real generator, wrapped so one test can force a collision with an existing code.
vi.mock(import('../../src/lib/server/classrooms/roster.ts'), async (importOriginal) => {
	const actual = await importOriginal();
	return { ...actual, newClassCode: vi.fn(actual.newClassCode) };
});

// Erasing a child removes their stored files too; these children have none.
const store = createLocalStore(mkdtempSync(path.join(tmpdir(), 'sprout-classrooms-')));

const CODE = new RegExp(`^[${roster.CLASS_CODE_ALPHABET}]{${roster.CLASS_CODE_LENGTH}}$`);

async function rejection(promise: Promise<unknown>): Promise<unknown> {
	try {
		await promise;
	} catch (err) {
		return err;
	}
	throw new Error('expected the call to be refused');
}

async function serviceError(promise: Promise<unknown>): Promise<string> {
	const err = await rejection(promise);
	expect(err).toBeInstanceOf(DomainError);
	return (err as DomainError).code;
}

async function rosterProblem(promise: Promise<unknown>) {
	const err = await rejection(promise);
	expect(err).toBeInstanceOf(DomainError);
	const { code, params } = err as DomainError;
	expect(code).toMatch(/^roster\.error\./);
	return { kind: code.replace('roster.error.', ''), ...params };
}

describe.each(testDatabases())('classrooms on $name', ({ url }) => {
	let db: Db;
	let schoolId: string;
	let teacher: SessionUser;
	let otherTeacher: SessionUser;
	let admin: SessionUser;
	let organizer: SessionUser;
	let judge: SessionUser;
	let classroomId: string;

	const students = () => listStudentsForTeacher(db, classroomId);
	const auditActions = async (subjectId: string) =>
		(
			await db
				.selectFrom('audit_log')
				.select(['action', 'actor_user_id', 'detail'])
				.where('subject_id', '=', subjectId)
				.orderBy('created_at')
				.orderBy('action')
				.execute()
		).map((r) => ({ ...r, detail: JSON.parse(r.detail) as unknown }));

	beforeAll(async () => {
		db = await freshDatabase(url);
		schoolId = await addSchool(db);
		teacher = await addUser(db, 'teacher');
		otherTeacher = await addUser(db, 'teacher');
		admin = await addUser(db, 'organizer', { isAdmin: true });
		organizer = await addUser(db, 'organizer');
		judge = await addUser(db, 'judge');
		for (const t of [teacher, otherTeacher]) await setTeacherSchools(db, admin, t.id, [schoolId]);
		classroomId = await createClassroom(db, teacher, { name: ' 四年级二班 ', schoolId });
	});
	afterAll(() => db.destroy());

	describe('creating a class', () => {
		it('gives the class a six-character code from the unambiguous alphabet', async () => {
			const classroom = await getManagedClassroom(db, teacher, classroomId);
			expect(classroom).toMatchObject({
				id: classroomId,
				name: '四年级二班',
				teacher_id: teacher.id,
				school_id: schoolId
			});
			expect(classroom.code).toMatch(CODE);
			expect(await auditActions(classroomId)).toEqual([
				{ action: 'classroom.create', actor_user_id: teacher.id, detail: {} }
			]);
		});

		it('draws again when the code is already taken', async () => {
			const taken = (await getManagedClassroom(db, teacher, classroomId)).code;
			vi.mocked(roster.newClassCode).mockReturnValueOnce(taken).mockReturnValueOnce(taken);
			const id = await createClassroom(db, teacher, { name: 'Second', schoolId });
			const second = await getManagedClassroom(db, teacher, id);
			expect(second.code).toMatch(CODE);
			expect(second.code).not.toBe(taken);
			const codes = await db.selectFrom('classroom').select('code').execute();
			expect(new Set(codes.map((c) => c.code)).size).toBe(codes.length);
		});

		it('refuses a bad name or an unknown school and writes nothing', async () => {
			const before = await countRows(db, 'classroom');
			expect(await serviceError(createClassroom(db, teacher, { name: '  ', schoolId }))).toBe(
				'classroom.error.name'
			);
			expect(
				await serviceError(createClassroom(db, teacher, { name: 'x'.repeat(61), schoolId }))
			).toBe('classroom.error.name');
			expect(
				await serviceError(createClassroom(db, teacher, { name: 'Ok', schoolId: 'nope' }))
			).toBe('classroom.error.school');
			expect(await countRows(db, 'classroom')).toBe(before);
		});

		it('lets only teachers create classes', async () => {
			const before = await countRows(db, 'classroom');
			for (const actor of [judge, admin, organizer]) {
				expect(await serviceError(createClassroom(db, actor, { name: 'Nope', schoolId }))).toBe(
					'auth.error.forbidden'
				);
			}
			expect(await countRows(db, 'classroom')).toBe(before);
		});
	});

	describe('adding students', () => {
		it('turns a pasted list into children with unique pseudonyms, avatars and picture passwords', async () => {
			const { added, rejected } = await addStudents(
				db,
				teacher,
				classroomId,
				'王小明\n李红，张伟、Marie Curie\r\n\n王小明\nZoé;Li;Li '
			);
			expect(rejected).toEqual([]);
			// Namesakes are two children, each told apart in the summary.
			expect(added.map((a) => [a.firstName, a.isNamesake])).toEqual([
				['王小明', false],
				['李红', false],
				['张伟', false],
				['Marie Curie', false],
				['王小明', true],
				['Zoé', false],
				['Li', false],
				['Li', true]
			]);
			const rows = await students();
			expect(rows.map((s) => s.first_name).sort()).toEqual(
				['王小明', '王小明', '李红', '张伟', 'Marie Curie', 'Zoé', 'Li', 'Li'].sort()
			);
			expect(new Set(rows.map((s) => s.pseudonym)).size).toBe(8);
			expect(new Set(rows.map((s) => s.avatar)).size).toBe(8);
			expect(added.map((a) => a.pseudonym).sort()).toEqual(rows.map((s) => s.pseudonym).sort());
			for (const s of rows) {
				expect(s.pseudonym).toMatch(/^\S+ \d+$/);
				expect(s.secret_kind).toBe('picture');
				expect(parsePictureSequence(s.secret)).not.toBeNull();
			}
			// A pasted full name never reaches the public pseudonym.
			const marie = rows.find((s) => s.first_name === 'Marie Curie')!;
			expect(marie.pseudonym).toMatch(/^Marie \d+$/);
			// The child-facing picker shows neither first names nor secrets.
			const picker = await listStudentsForJoin(db, classroomId);
			expect(Object.keys(picker[0]!).sort()).toEqual(['avatar', 'id', 'pseudonym', 'secret_kind']);
		});

		it('keeps pseudonyms and avatars unique across later pastes, namesakes of earlier ones too', async () => {
			const names = Array.from({ length: 40 }, () => 'Li').map((n, i) => `${n} ${i}`);
			const { added } = await addStudents(db, teacher, classroomId, names.join('\n'));
			expect(added).toHaveLength(40);
			const again = await addStudents(db, teacher, classroomId, '张伟');
			expect(again.added).toEqual([
				{ firstName: '张伟', pseudonym: expect.stringMatching(/^伟 \d+$/), isNamesake: true }
			]);
			const rows = await students();
			expect(rows).toHaveLength(49);
			expect(new Set(rows.map((s) => s.pseudonym)).size).toBe(49);
			expect(new Set(rows.map((s) => s.avatar)).size).toBe(49);
		});

		it('adds the good lines of a paste and hands back the bad ones', async () => {
			const before = (await students()).length;
			const long = 'y'.repeat(roster.MAX_NAME_LENGTH + 1);
			const { added, rejected } = await addStudents(db, teacher, classroomId, `Ann\n${long}\nBen`);
			expect(added.map((a) => a.firstName)).toEqual(['Ann', 'Ben']);
			expect(rejected).toEqual([{ position: 2, name: long, reason: 'tooLong' }]);
			expect(await students()).toHaveLength(before + 2);
			// Only bad lines: nobody added, the line still pointed at.
			const none = await addStudents(db, teacher, classroomId, long);
			expect(none).toEqual({
				added: [],
				rejected: [{ position: 1, name: long, reason: 'tooLong' }]
			});
			expect(await students()).toHaveLength(before + 2);
		});

		it('refuses an empty or oversized paste and adds no one', async () => {
			const before = (await students()).length;
			expect(await rosterProblem(addStudents(db, teacher, classroomId, ' \n，\n '))).toEqual({
				kind: 'empty'
			});
			const many = Array.from({ length: roster.MAX_STUDENTS_PER_PASTE + 1 }, (_, i) => `Kid${i}`);
			expect(await rosterProblem(addStudents(db, teacher, classroomId, many.join('\n')))).toEqual({
				kind: 'tooMany',
				max: roster.MAX_STUDENTS_PER_PASTE
			});
			expect(await students()).toHaveLength(before);
		});

		it('shows a locked-out child on the roster and unlocks them with the same pictures', async () => {
			const kid = (await students())[0]!;
			const now = Date.now();
			const failures = Array.from({ length: LIMITS.student }, (_, i) => now - 60_000 + i * 1000);
			for (const at of failures) await recordFailure(db, [{ kind: 'student', key: kid.id }], at);
			const roster = await listRoster(db, teacher, classroomId, now);
			const locked = roster.filter((s) => s.lockedUntil !== null);
			expect(locked.map((s) => s.id)).toEqual([kid.id]);
			// The first failure leaves the window 15 minutes after it happened: 14 minutes from now.
			expect(locked[0]!.lockedUntil).toBe(failures[0]! + WINDOW_MS);
			expect(await serviceError(unlockStudent(db, otherTeacher, classroomId, kid.id))).toBe(
				'classroom.error.notFound'
			);
			await unlockStudent(db, teacher, classroomId, kid.id);
			const after = await listRoster(db, teacher, classroomId, now);
			expect(after.every((s) => s.lockedUntil === null)).toBe(true);
			expect(after.find((s) => s.id === kid.id)!.secret).toBe(kid.secret);
			const audit = await auditActions(kid.id);
			expect(audit.map((a) => a.action)).toContain('student.unlock');
		});
	});

	describe('who may manage a class', () => {
		it('hides the class from another teacher as if it did not exist', async () => {
			const kid = (await students())[0]!;
			const before = await students();
			const { token } = await createSession(db, { kind: 'student', studentId: kid.id });
			const refusals = [
				() => getManagedClassroom(db, otherTeacher, classroomId),
				() => addStudents(db, otherTeacher, classroomId, 'Intruder'),
				() => resetStudentSecret(db, otherTeacher, classroomId, kid.id, 'pin', '1111'),
				() => eraseStudent({ db, store }, otherTeacher, classroomId, kid.id),
				() => endClass(db, otherTeacher, classroomId)
			];
			for (const refused of refusals) {
				expect(await serviceError(refused())).toBe('classroom.error.notFound');
			}
			expect(await validateSessionToken(db, token)).not.toBeNull();
			expect(await students()).toEqual(before);
			const theirs = await listMyClassrooms(db, otherTeacher);
			expect(theirs.map((c) => c.id)).not.toContain(classroomId);
			const mine = await listMyClassrooms(db, teacher);
			expect(mine.map((c) => c.id)).toContain(classroomId);
			expect(Number(mine.find((c) => c.id === classroomId)!.student_count)).toBe(before.length);
		});

		it('answers notFound for a class that does not exist', async () => {
			expect(await serviceError(getManagedClassroom(db, teacher, 'no-such-class'))).toBe(
				'classroom.error.notFound'
			);
		});

		it('lets an organizer admin manage any class, but not a plain organizer or a judge', async () => {
			expect((await getManagedClassroom(db, admin, classroomId)).id).toBe(classroomId);
			expect((await listMyClassrooms(db, admin)).map((c) => c.id)).toContain(classroomId);
			expect((await addStudents(db, admin, classroomId, 'Added By Admin')).added).toHaveLength(1);
			for (const actor of [organizer, judge]) {
				expect(await serviceError(getManagedClassroom(db, actor, classroomId))).toBe(
					'classroom.error.notFound'
				);
				expect(await serviceError(listMyClassrooms(db, actor))).toBe('auth.error.forbidden');
			}
		});
	});

	describe('secrets, removal and end of class', () => {
		const studentRow = async (id: string) => (await students()).find((s) => s.id === id) ?? null;

		it('resets a child to a new picture password', async () => {
			const kid = (await students())[0]!;
			let secret = kid.secret;
			// One draw in 1,728 repeats the old password; a few tries make that vanish.
			for (let i = 0; i < 5 && secret === kid.secret; i++) {
				await resetStudentSecret(db, teacher, classroomId, kid.id, 'picture');
				secret = (await studentRow(kid.id))!.secret;
			}
			expect(secret).not.toBe(kid.secret);
			expect(parsePictureSequence(secret)).not.toBeNull();
			expect((await studentRow(kid.id))!.secret_kind).toBe('picture');
		});

		it('resets to a random PIN or to the PIN the teacher chose', async () => {
			const [a, b] = await students();
			await resetStudentSecret(db, teacher, classroomId, a!.id, 'pin');
			expect(await studentRow(a!.id)).toMatchObject({
				secret_kind: 'pin',
				secret: expect.stringMatching(/^\d{4}$/)
			});
			await resetStudentSecret(db, teacher, classroomId, b!.id, 'pin', ' 1357 ');
			expect(await studentRow(b!.id)).toMatchObject({ secret_kind: 'pin', secret: '1357' });
		});

		it('refuses an invalid PIN and changes nothing', async () => {
			const kid = (await students())[2]!;
			const { token } = await createSession(db, { kind: 'student', studentId: kid.id });
			const auditBefore = await countRows(db, 'audit_log');
			for (const bad of ['abcd', '123', '12345', '１２３４']) {
				expect(
					await serviceError(resetStudentSecret(db, teacher, classroomId, kid.id, 'pin', bad))
				).toBe('classroom.error.pin');
			}
			expect(await studentRow(kid.id)).toEqual(kid);
			expect(await validateSessionToken(db, token)).not.toBeNull();
			expect(await countRows(db, 'audit_log')).toBe(auditBefore);
		});

		it('signs the child out when their secret is reset, and only that child', async () => {
			const rows = await students();
			const kid = rows[3]!;
			const classmate = rows[4]!;
			const { token } = await createSession(db, { kind: 'student', studentId: kid.id });
			const other = await createSession(db, { kind: 'student', studentId: classmate.id });
			await resetStudentSecret(db, teacher, classroomId, kid.id, 'picture');
			expect(await validateSessionToken(db, token)).toBeNull();
			expect(await validateSessionToken(db, other.token)).not.toBeNull();
		});

		it('refuses a child who belongs to another class', async () => {
			const elsewhere = await createClassroom(db, otherTeacher, { name: 'Elsewhere', schoolId });
			await addStudents(db, otherTeacher, elsewhere, 'Stranger');
			const [stranger] = await listStudentsForTeacher(db, elsewhere);
			expect(
				await serviceError(resetStudentSecret(db, teacher, classroomId, stranger!.id, 'picture'))
			).toBe('classroom.error.studentNotFound');
			expect(
				await serviceError(eraseStudent({ db, store }, teacher, classroomId, stranger!.id))
			).toBe('classroom.error.studentNotFound');
			expect(await listStudentsForTeacher(db, elsewhere)).toEqual([stranger]);
		});

		it('removes a student together with their sessions', async () => {
			const kid = (await students()).at(-1)!;
			await createSession(db, { kind: 'student', studentId: kid.id });
			const before = (await students()).length;
			await eraseStudent({ db, store }, teacher, classroomId, kid.id);
			expect(await studentRow(kid.id)).toBeNull();
			expect(await students()).toHaveLength(before - 1);
			const left = await db
				.selectFrom('session')
				.select('id')
				.where('student_id', '=', kid.id)
				.execute();
			expect(left).toEqual([]);
		});

		it('"end class" signs out every child of this class and reports how many', async () => {
			const kids = (await students()).slice(0, 3);
			const tokens = await Promise.all(
				kids.map(async (k) => (await createSession(db, { kind: 'student', studentId: k.id })).token)
			);
			const signedIn = await db
				.selectFrom('session')
				.innerJoin('student', 'student.id', 'session.student_id')
				.select('session.id')
				.where('student.classroom_id', '=', classroomId)
				.execute();
			expect(await endClass(db, teacher, classroomId)).toBe(signedIn.length);
			for (const token of tokens) expect(await validateSessionToken(db, token)).toBeNull();
			expect(await endClass(db, teacher, classroomId)).toBe(0);
		});

		it('writes an audit row for every change, naming who did it', async () => {
			const rows = await db
				.selectFrom('audit_log')
				.select(['action', 'actor_user_id', 'subject_type', 'subject_id'])
				.where((eb) =>
					eb.or([eb('subject_id', '=', classroomId), eb('subject_type', '=', 'student')])
				)
				.execute();
			const actions = new Set(rows.map((r) => r.action));
			expect([...actions].sort()).toEqual([
				'classroom.create',
				'classroom.end',
				'student.create',
				'student.erase',
				'student.resetSecret',
				'student.unlock'
			]);
			const studentCreations = rows.filter(
				(r) => r.action === 'student.create' && r.subject_id === classroomId
			);
			expect(studentCreations.map((r) => r.actor_user_id).sort()).toEqual(
				[teacher.id, teacher.id, teacher.id, teacher.id, admin.id].sort()
			);
			for (const row of rows) {
				expect(row.subject_type).toBe(
					row.action.startsWith('classroom.') ||
						row.action === 'student.create' ||
						row.action === 'student.erase'
						? 'classroom'
						: 'student'
				);
			}
			const ends = rows.filter((r) => r.action === 'classroom.end');
			expect(ends).toHaveLength(2);
			const resets = await db
				.selectFrom('audit_log')
				.select('detail')
				.where('action', '=', 'student.resetSecret')
				.execute();
			expect(resets.map((r) => JSON.parse(r.detail).kind).sort()).toEqual(
				expect.arrayContaining(['picture', 'pin'])
			);
			// Refused actions leave no trace.
			const byOthers = await db
				.selectFrom('audit_log')
				.select('action')
				.where('actor_user_id', '=', otherTeacher.id)
				.where('subject_id', '=', classroomId)
				.execute();
			expect(byOthers).toEqual([]);
		});
	});
});
