// Adult accounts on both dialects: who may create them, what is refused, disabling, and the
// demo seed the README and the e2e tests rely on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/lib/server/auth/actor.ts';
import { findClassForJoin, signInStudent } from '../../src/lib/server/sign-in/sign-in.service.ts';
import { verifyPassword } from '../../src/lib/server/auth/password.ts';
import {
	createSession,
	validateSessionToken,
	type SessionUser
} from '../../src/lib/server/auth/session.ts';
import { listStudentsForJoin } from '../../src/lib/server/classrooms/classroom.repository.ts';
import type { Db } from '../../src/lib/server/db/database.ts';
import { DEMO, seedDemo } from '../../src/lib/server/db/seed.ts';
import {
	findUserByEmail,
	findUserById,
	setUserDisabled
} from '../../src/lib/server/users/user.repository.ts';
import {
	createUser,
	setDisabled,
	type NewUserInput
} from '../../src/lib/server/users/user.service.ts';
import { DomainError } from '../../src/lib/server/errors.ts';
import { freshDatabase, testDatabases } from './helpers/databases.ts';
import { addUser, countRows } from './helpers/fixtures.ts';

async function userError(promise: Promise<unknown>): Promise<string> {
	try {
		await promise;
	} catch (err) {
		expect(err).toBeInstanceOf(DomainError);
		return (err as DomainError).code;
	}
	throw new Error('expected the call to be refused');
}

const valid: NewUserInput = {
	email: 'new.teacher@school.test',
	displayName: 'New Teacher',
	role: 'teacher',
	isAdmin: false,
	password: 'long enough password'
};

describe.each(testDatabases())('users on $name', ({ url }) => {
	let db: Db;
	let admin: SessionUser;

	const auditFor = (subjectId: string) =>
		db
			.selectFrom('audit_log')
			.select(['action', 'actor_user_id', 'detail'])
			.where('subject_id', '=', subjectId)
			.execute();

	beforeAll(async () => {
		db = await freshDatabase(url);
		admin = await addUser(db, 'organizer', { isAdmin: true });
	});
	afterAll(() => db.destroy());

	describe('createUser', () => {
		it('creates an account from the command line with a normalised email and a working password', async () => {
			const id = await createUser(db, systemActor('cli'), {
				...valid,
				email: '  Ann.Lee@School.TEST ',
				displayName: '  Ann Lee '
			});
			const row = await findUserByEmail(db, 'ann.lee@school.test');
			expect(row).toMatchObject({
				id,
				email: 'ann.lee@school.test',
				display_name: 'Ann Lee',
				role: 'teacher',
				is_admin: 0,
				disabled_at: null
			});
			expect(row!.password_hash).toMatch(/^\$argon2id\$/);
			expect(await verifyPassword(row!.password_hash, valid.password)).toBe(true);
			expect(await auditFor(id)).toEqual([
				{
					action: 'user.create',
					actor_user_id: null,
					detail: JSON.stringify({ role: 'teacher', isAdmin: false, via: 'cli' })
				}
			]);
		});

		it('refuses invalid input with a reason and inserts nothing', async () => {
			const before = await countRows(db, 'app_user');
			const cases: [Partial<NewUserInput>, string][] = [
				[{ email: 'not-an-email' }, 'users.error.email'],
				[{ email: 'a b@school.test' }, 'users.error.email'],
				[{ email: 'ann@localhost' }, 'users.error.email'],
				[{ email: '' }, 'users.error.email'],
				[{ displayName: '   ' }, 'users.error.name'],
				[{ displayName: 'x'.repeat(81) }, 'users.error.name'],
				[{ role: 'student' }, 'users.error.role'],
				[{ role: 'admin' }, 'users.error.role'],
				[{ role: 'Teacher' }, 'users.error.role'],
				[{ password: 'short pw!' }, 'users.error.passwordShort'],
				[{ password: 'p'.repeat(257) }, 'users.error.passwordLong'],
				[{ email: 'ANN.LEE@school.test' }, 'users.error.emailTaken'],
				[{ email: ' ann.lee@SCHOOL.test' }, 'users.error.emailTaken']
			];
			for (const [change, code] of cases) {
				expect(await userError(createUser(db, admin, { ...valid, ...change })), code).toBe(code);
			}
			expect(await countRows(db, 'app_user')).toBe(before);
		});

		it('lets only organizer admins create accounts', async () => {
			const before = await countRows(db, 'app_user');
			const teacher = await addUser(db, 'teacher');
			const judge = await addUser(db, 'judge');
			const organizer = await addUser(db, 'organizer');
			const forged = { ...teacher, isAdmin: true };
			for (const actor of [teacher, judge, organizer, forged]) {
				const input = { ...valid, role: 'organizer', isAdmin: true, email: `x-${actor.id}@a.test` };
				expect(await userError(createUser(db, actor, input))).toBe('auth.error.forbidden');
			}
			expect(await countRows(db, 'app_user')).toBe(before + 3);
		});

		it('grants admin rights to organizers only', async () => {
			const teacherId = await createUser(db, admin, {
				...valid,
				email: 'wannabe@school.test',
				isAdmin: true
			});
			const organizerId = await createUser(db, admin, {
				...valid,
				email: 'boss@school.test',
				role: 'organizer',
				isAdmin: true
			});
			expect(await findUserById(db, teacherId)).toMatchObject({ role: 'teacher', is_admin: 0 });
			expect(await findUserById(db, organizerId)).toMatchObject({ role: 'organizer', is_admin: 1 });
			// The audit trail records what was granted, not what was asked for.
			const [audit] = await auditFor(teacherId);
			expect(audit).toMatchObject({ action: 'user.create', actor_user_id: admin.id });
			expect(JSON.parse(audit!.detail)).toEqual({ role: 'teacher', isAdmin: false });
		});
	});

	describe('setDisabled', () => {
		it('refuses non-admins, the actor themself and unknown users', async () => {
			const teacher = await addUser(db, 'teacher');
			const organizer = await addUser(db, 'organizer');
			expect(await userError(setDisabled(db, organizer, teacher.id, true))).toBe(
				'auth.error.forbidden'
			);
			expect(await userError(setDisabled(db, teacher, teacher.id, true))).toBe(
				'auth.error.forbidden'
			);
			expect(await userError(setDisabled(db, admin, admin.id, true))).toBe('users.error.self');
			expect(await userError(setDisabled(db, admin, 'no-such-user', true))).toBe(
				'users.error.notFound'
			);
			expect(await findUserById(db, teacher.id)).toMatchObject({ disabled_at: null });
			expect(await findUserById(db, admin.id)).toMatchObject({ disabled_at: null });
		});

		it('disables an account, ends its sessions, and enables it again', async () => {
			const teacher = await addUser(db, 'teacher');
			const tokens = [
				(await createSession(db, { kind: 'adult', userId: teacher.id })).token,
				(await createSession(db, { kind: 'adult', userId: teacher.id })).token
			];
			const { token: adminToken } = await createSession(db, { kind: 'adult', userId: admin.id });

			await setDisabled(db, admin, teacher.id, true);
			expect((await findUserById(db, teacher.id))!.disabled_at).toEqual(expect.any(Number));
			const left = await db
				.selectFrom('session')
				.select('id')
				.where('user_id', '=', teacher.id)
				.execute();
			expect(left).toEqual([]);
			for (const token of tokens) expect(await validateSessionToken(db, token)).toBeNull();
			expect(await validateSessionToken(db, adminToken)).not.toBeNull();

			await setDisabled(db, admin, teacher.id, false);
			expect(await findUserById(db, teacher.id)).toMatchObject({ disabled_at: null });
			expect((await auditFor(teacher.id)).map((a) => [a.action, a.actor_user_id])).toEqual([
				['user.disable', admin.id],
				['user.enable', admin.id]
			]);
		});

		it('disables another admin while one active admin remains', async () => {
			const second = await addUser(db, 'organizer', { isAdmin: true });
			await setDisabled(db, admin, second.id, true);
			expect((await findUserById(db, second.id))!.disabled_at).not.toBeNull();
		});

		it('never disables the last active admin', async () => {
			// The acting admin normally counts as the remaining one, so this guard bites when the
			// actor's own account was disabled meanwhile (a stale session in another tab).
			await db
				.updateTable('app_user')
				.set({ disabled_at: null })
				.where('is_admin', '=', 1)
				.execute();
			const stale = await addUser(db, 'organizer', { isAdmin: true });
			await db
				.updateTable('app_user')
				.set({ disabled_at: Date.now() })
				.where('is_admin', '=', 1)
				.where('id', '<>', admin.id)
				.execute();
			expect(await userError(setDisabled(db, stale, admin.id, true))).toBe('users.error.lastAdmin');
			expect(await findUserById(db, admin.id)).toMatchObject({ disabled_at: null });
			// Once the actor's own account is active again, it is the admin that remains.
			await setUserDisabled(db, stale.id, null);
			await setDisabled(db, stale, admin.id, true);
			expect((await findUserById(db, admin.id))!.disabled_at).not.toBeNull();
			await setUserDisabled(db, admin.id, null);
		});
	});

	describe('seedDemo', () => {
		it('loads the demo once; a second run changes nothing', async () => {
			const tables = ['app_user', 'school', 'classroom', 'student', 'audit_log'] as const;
			const count = async () =>
				Object.fromEntries(await Promise.all(tables.map(async (t) => [t, await countRows(db, t)])));
			const before = await count();

			expect(await seedDemo(db)).toEqual({ created: true });
			const after = await count();
			expect(after).toEqual({
				...before,
				app_user: before.app_user + DEMO.adults.length,
				school: before.school + 1,
				classroom: before.classroom + 1,
				student: before.student + DEMO.students.length
			});

			expect(await seedDemo(db)).toEqual({ created: false });
			expect(await count()).toEqual(after);
		});

		it('gives every demo adult the printed password and role', async () => {
			for (const adult of DEMO.adults) {
				const row = await findUserByEmail(db, adult.email);
				expect(row).toMatchObject({
					role: adult.role,
					is_admin: adult.isAdmin ? 1 : 0,
					disabled_at: null
				});
				expect(await verifyPassword(row!.password_hash, adult.password), adult.email).toBe(true);
			}
			const teacher = await findUserByEmail(db, DEMO.adults[1].email);
			expect(await verifyPassword(teacher!.password_hash, DEMO.adults[0].password)).toBe(false);
		});

		it('lets every demo child sign in with the printed secret', async () => {
			const classroom = await findClassForJoin(
				db,
				DEMO.classroom.code.toLowerCase(),
				'198.51.100.7'
			);
			const picker = await listStudentsForJoin(db, classroom!.id);
			expect(picker.map((s) => s.pseudonym).sort()).toEqual(
				DEMO.students.map((s) => s.pseudonym).sort()
			);
			for (const demo of DEMO.students) {
				const student = picker.find((s) => s.pseudonym === demo.pseudonym)!;
				expect(student.secret_kind).toBe(demo.kind);
				const result = await signInStudent(db, {
					classroomId: classroom!.id,
					studentId: student.id,
					secret: demo.secret,
					ip: '198.51.100.7',
					deviceId: 'demo-pc'
				});
				expect(result, demo.pseudonym).toMatchObject({ kind: 'student' });
			}
		});
	});
});
