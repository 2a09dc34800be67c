// Lucia-style sessions on both dialects: tokens, sliding and absolute expiry, and every way a
// session ends (sign-out, disabled account, "end class", a deleted child, the sweeper).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	createSession,
	deleteExpiredSessions,
	invalidateClassroomSessions,
	invalidateSession,
	SESSION_POLICY,
	validateSessionToken,
	type SessionUser
} from '../../src/lib/server/auth/session.ts';
import { deleteStudent } from '../../src/lib/server/classrooms/classroom.repository.ts';
import type { Db } from '../../src/lib/server/db/database.ts';
import { setUserDisabled } from '../../src/lib/server/users/user.repository.ts';
import { freshDatabase, testDatabases } from './helpers/databases.ts';
import { addClassroom, addSchool, addUser, type TestClassroom } from './helpers/fixtures.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe.each(testDatabases())('sessions on $name', ({ url }) => {
	let db: Db;
	let teacher: SessionUser;
	let classA: TestClassroom;
	let classB: TestClassroom;

	const sessionRows = (where: { user_id?: string; student_id?: string }) => {
		let q = db.selectFrom('session').selectAll();
		if (where.user_id) q = q.where('user_id', '=', where.user_id);
		if (where.student_id) q = q.where('student_id', '=', where.student_id);
		return q.execute();
	};
	const adult = (user = teacher) => ({ kind: 'adult' as const, userId: user.id });
	const child = (studentId: string) => ({ kind: 'student' as const, studentId });

	beforeAll(async () => {
		db = await freshDatabase(url);
		teacher = await addUser(db, 'teacher');
		const schoolId = await addSchool(db);
		classA = await addClassroom(db, teacher.id, schoolId, 3);
		classB = await addClassroom(db, teacher.id, schoolId, 2);
	});
	afterAll(() => db.destroy());

	it('creates an adult session whose token leads back to the user', async () => {
		const now = Date.now();
		const { token, expiresAt, kind } = await createSession(db, adult(), now);
		expect(kind).toBe('adult');
		expect(token).toMatch(/^[a-z2-7]{16}\.[a-z2-7]{32}$/);
		expect(expiresAt).toBe(now + SESSION_POLICY.adult.idle);

		const session = await validateSessionToken(db, token, now + MINUTE);
		expect(session).toMatchObject({
			kind: 'adult',
			expiresAt,
			refreshed: false,
			student: null,
			user: {
				id: teacher.id,
				email: teacher.email,
				displayName: teacher.displayName,
				role: 'teacher',
				isAdmin: false
			}
		});
		expect(session?.id).toBe(token.split('.')[0]);
	});

	it('stores only a hash of the secret half of the token', async () => {
		const { token } = await createSession(db, adult());
		const [id, secret] = token.split('.') as [string, string];
		const row = await db
			.selectFrom('session')
			.selectAll()
			.where('id', '=', id)
			.executeTakeFirstOrThrow();
		expect(row.secret_hash).toMatch(/^[0-9a-f]{64}$/);
		expect(Object.values(row).join(' ')).not.toContain(secret);
	});

	it('creates a student session whose token leads back to the child', async () => {
		const now = Date.now();
		const kid = classA.students[0]!;
		const { token, expiresAt, kind } = await createSession(db, child(kid.id), now);
		expect(kind).toBe('student');
		expect(expiresAt).toBe(now + SESSION_POLICY.student.idle);
		const session = await validateSessionToken(db, token, now + 1000);
		expect(session).toMatchObject({
			kind: 'student',
			user: null,
			student: {
				id: kid.id,
				classroomId: classA.id,
				pseudonym: kid.pseudonym,
				avatar: 'leaf-green'
			}
		});
	});

	it('answers null, without throwing, for malformed and forged tokens', async () => {
		const { token } = await createSession(db, adult());
		const [id, secret] = token.split('.') as [string, string];
		const otherSecret = secret.startsWith('a') ? 'b' + secret.slice(1) : 'a' + secret.slice(1);
		const unknownId = id.startsWith('a') ? 'b' + id.slice(1) : 'a' + id.slice(1);
		const bad: (string | undefined)[] = [
			undefined,
			'',
			'x',
			'.',
			'a'.repeat(10 * 1024),
			`${token}.${token}`,
			`${token} `,
			token.toUpperCase(),
			`${id}.`,
			`.${secret}`,
			`${id};${secret}`,
			`${unknownId}.${secret}`,
			`${id}.${otherSecret}`,
			`${id}.${'z'.repeat(10_000)}`,
			"' or 1=1 --.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
		];
		for (const candidate of bad) {
			await expect(validateSessionToken(db, candidate)).resolves.toBeNull();
		}
		// The forged attempts did not end the real session.
		expect(await validateSessionToken(db, token)).not.toBeNull();
	});

	it('slides an adult session forward only when fewer than five days are left', async () => {
		const t0 = Date.now();
		const { token } = await createSession(db, adult(), t0);
		const id = token.split('.')[0]!;

		const early = await validateSessionToken(db, token, t0 + 4 * DAY);
		expect(early).toMatchObject({ refreshed: false, expiresAt: t0 + 10 * DAY });

		const later = await validateSessionToken(db, token, t0 + 6 * DAY);
		expect(later).toMatchObject({ refreshed: true, expiresAt: t0 + 16 * DAY });
		const [row] = await db.selectFrom('session').selectAll().where('id', '=', id).execute();
		expect(row?.expires_at).toBe(t0 + 16 * DAY);

		// Ten idle days after the last use, it is over and the row is gone.
		expect(await validateSessionToken(db, token, t0 + 16 * DAY - 1)).not.toBeNull();
		expect(await validateSessionToken(db, token, t0 + 26 * DAY)).toBeNull();
		expect(await db.selectFrom('session').select('id').where('id', '=', id).execute()).toEqual([]);
	});

	it('ends an adult session after ten idle days', async () => {
		const t0 = Date.now();
		const { token } = await createSession(db, adult(), t0);
		const { token: other } = await createSession(db, adult(), t0);
		expect(await validateSessionToken(db, token, t0 + 10 * DAY - 1)).not.toBeNull();
		expect(await validateSessionToken(db, other, t0 + 10 * DAY)).toBeNull();
	});

	it('ends an adult session at its absolute limit however active the user is', async () => {
		const t0 = Date.now();
		const { token } = await createSession(db, adult(), t0);
		const limit = t0 + SESSION_POLICY.adult.absolute;
		for (let t = t0 + 6 * DAY; t < limit; t += 6 * DAY) {
			const session = await validateSessionToken(db, token, t);
			expect(session).not.toBeNull();
			expect(session!.expiresAt).toBeLessThanOrEqual(limit);
		}
		expect(await validateSessionToken(db, token, limit)).toBeNull();
	});

	it('ends a student session after 30 idle minutes', async () => {
		const t0 = Date.now();
		const kid = classA.students[0]!.id;
		const { token: active } = await createSession(db, child(kid), t0);
		const { token: idle } = await createSession(db, child(kid), t0);

		const session = await validateSessionToken(db, active, t0 + 29 * MINUTE);
		expect(session).toMatchObject({ refreshed: true, expiresAt: t0 + 59 * MINUTE });
		expect(await validateSessionToken(db, idle, t0 + 30 * MINUTE)).toBeNull();
		// The refreshed one lives on, but not past 30 minutes after its last use.
		expect(await validateSessionToken(db, active, t0 + 58 * MINUTE)).not.toBeNull();
		expect(await validateSessionToken(db, active, t0 + 58 * MINUTE + 30 * MINUTE)).toBeNull();
	});

	it('ends a student session four hours after sign-in even with constant activity', async () => {
		const t0 = Date.now();
		const { token } = await createSession(db, child(classA.students[1]!.id), t0);
		const limit = t0 + 4 * HOUR;
		for (let t = t0 + 10 * MINUTE; t < limit; t += 10 * MINUTE) {
			const session = await validateSessionToken(db, token, t);
			expect(session, `still signed in at +${(t - t0) / MINUTE} min`).not.toBeNull();
			expect(session!.expiresAt).toBeLessThanOrEqual(limit);
		}
		expect(await validateSessionToken(db, token, limit)).toBeNull();
	});

	it('refuses the session of a disabled user and deletes it', async () => {
		const judge = await addUser(db, 'judge');
		const { token } = await createSession(db, adult(judge));
		expect(await validateSessionToken(db, token)).not.toBeNull();
		await setUserDisabled(db, judge.id, Date.now());
		expect(await validateSessionToken(db, token)).toBeNull();
		expect(await sessionRows({ user_id: judge.id })).toEqual([]);
	});

	it('signs out the one session on sign-out', async () => {
		const { token } = await createSession(db, adult());
		const { token: otherDevice } = await createSession(db, adult());
		await invalidateSession(db, token.split('.')[0]!);
		expect(await validateSessionToken(db, token)).toBeNull();
		expect(await validateSessionToken(db, otherDevice)).not.toBeNull();
	});

	it('"end class" signs out every child of that class and nobody else', async () => {
		const tokensA = await Promise.all(
			classA.students.map((s) => createSession(db, child(s.id)).then((r) => r.token))
		);
		const tokensB = await Promise.all(
			classB.students.map((s) => createSession(db, child(s.id)).then((r) => r.token))
		);
		const { token: teacherToken } = await createSession(db, adult());
		const before = await db
			.selectFrom('session')
			.innerJoin('student', 'student.id', 'session.student_id')
			.select('session.id')
			.where('student.classroom_id', '=', classA.id)
			.execute();

		const signedOut = await invalidateClassroomSessions(db, classA.id);
		expect(signedOut).toBe(before.length);
		expect(signedOut).toBeGreaterThanOrEqual(classA.students.length);
		for (const token of tokensA) expect(await validateSessionToken(db, token)).toBeNull();
		for (const token of tokensB) expect(await validateSessionToken(db, token)).not.toBeNull();
		expect(await validateSessionToken(db, teacherToken)).not.toBeNull();
		expect(await invalidateClassroomSessions(db, classA.id)).toBe(0);
	});

	it('deletes a child’s sessions with the child', async () => {
		const kid = classB.students[1]!.id;
		const { token } = await createSession(db, child(kid));
		await createSession(db, child(kid));
		expect((await sessionRows({ student_id: kid })).length).toBeGreaterThanOrEqual(2);
		const classmate = await createSession(db, child(classB.students[0]!.id));
		await deleteStudent(db, kid);
		expect(await sessionRows({ student_id: kid })).toEqual([]);
		expect(await validateSessionToken(db, token)).toBeNull();
		expect(await validateSessionToken(db, classmate.token)).not.toBeNull();
	});

	it('sweeps sessions past their idle or absolute expiry and keeps the rest', async () => {
		await db.deleteFrom('session').execute();
		const now = Date.now();
		const kid = classA.students[2]!.id;
		const { token: idleGone } = await createSession(db, adult(), now - 11 * DAY);
		const { token: alive } = await createSession(db, adult(), now - DAY);
		const { token: childAlive } = await createSession(db, child(kid), now - 10 * MINUTE);
		const { token: childIdle } = await createSession(db, child(kid), now - 31 * MINUTE);
		// Idle expiry still ahead, absolute limit passed (as after a long chain of refreshes).
		const { token: absoluteGone } = await createSession(db, child(kid), now - 5 * HOUR);
		await db
			.updateTable('session')
			.set({ expires_at: now + 20 * MINUTE })
			.where('id', '=', absoluteGone.split('.')[0]!)
			.execute();

		await deleteExpiredSessions(db, now);
		const left = await db.selectFrom('session').select('id').orderBy('id').execute();
		expect(left.map((r) => r.id)).toEqual([alive, childAlive].map((t) => t.split('.')[0]!).sort());
		for (const gone of [idleGone, childIdle, absoluteGone]) {
			expect(await validateSessionToken(db, gone, now)).toBeNull();
		}
	});
});
