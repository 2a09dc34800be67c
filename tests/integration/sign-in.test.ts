// Sign-in for adults (email + password) and children (class code → avatar → secret), with the
// failure-only rate limits: a class at the bell gets in, a guessing loop does not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../../src/lib/server/errors.ts';
import * as service from '../../src/lib/server/sign-in/sign-in.service.ts';
import { SLOW_ANSWER_MS, type Pause } from '../../src/lib/server/auth/code-guessing.ts';
import { hashPassword } from '../../src/lib/server/auth/password.ts';
import {
	countFailures,
	LIMITS,
	recordFailure,
	WINDOW_MS,
	type Bucket
} from '../../src/lib/server/auth/rate-limit.ts';
import { validateSessionToken, type SessionUser } from '../../src/lib/server/auth/session.ts';
import type { Db } from '../../src/lib/server/db/database.ts';
import { setUserDisabled } from '../../src/lib/server/users/user.repository.ts';
import { freshDatabase, testDatabases } from './helpers/databases.ts';
import {
	addClassroom,
	addSchool,
	addUser,
	countRows,
	wrongSecret,
	type TestClassroom
} from './helpers/fixtures.ts';

const PASSWORD = 'correct horse battery';
// One argon2 hash shared by every adult in this file: hashing is the slow part.
let passwordHash: Promise<string> | undefined;
const sharedHash = () => (passwordHash ??= hashPassword(PASSWORD));

let ipCounter = 0;
/** A fresh address per test, so one test's failures never throttle another. */
const newIp = () => `203.0.113.${++ipCounter}`;

// The service throws a DomainError to refuse; these wrappers make each outcome one value to
// compare, and check the refusal's status on the way: 429 while a limit holds, else 400.
type SignInResult = ({ ok: true } & service.SignedIn) | { ok: false; error: DomainError['code'] };

const TOO_MANY = new Set([
	'auth.error.tooManyAttempts',
	'auth.error.joinTooManyTries',
	'auth.error.childLocked',
	'security.join.codeBudget'
]);

async function asResult<T>(
	run: Promise<T>
): Promise<{ ok: true; value: T } | { ok: false; error: DomainError['code'] }> {
	try {
		return { ok: true, value: await run };
	} catch (err) {
		if (!(err instanceof DomainError)) throw err;
		expect(err.status, err.code).toBe(TOO_MANY.has(err.code) ? 429 : 400);
		return { ok: false, error: err.code };
	}
}

async function signInAdult(...args: Parameters<typeof service.signInAdult>): Promise<SignInResult> {
	const r = await asResult(service.signInAdult(...args));
	return r.ok ? { ok: true, ...r.value } : r;
}

async function signInStudent(
	...args: Parameters<typeof service.signInStudent>
): Promise<SignInResult> {
	const r = await asResult(service.signInStudent(...args));
	return r.ok ? { ok: true, ...r.value } : r;
}

async function findClassForJoin(...args: Parameters<typeof service.findClassForJoin>) {
	const r = await asResult(service.findClassForJoin(...args));
	return r.ok ? { ok: true as const, classroom: r.value } : r;
}

function expectOk(result: SignInResult): asserts result is Extract<SignInResult, { ok: true }> {
	expect(result).toMatchObject({ ok: true });
}

async function failures(db: Db, bucket: Bucket): Promise<number> {
	return (await countFailures(db, [bucket])).get(`${bucket.kind}:${bucket.key}`)!;
}

describe.each(testDatabases())('sign-in on $name', ({ url }) => {
	let db: Db;
	let schoolId: string;
	let teacher: SessionUser;

	const adultWith = async (email?: string) =>
		addUser(db, 'teacher', { passwordHash: await sharedHash(), email });

	beforeAll(async () => {
		db = await freshDatabase(url);
		schoolId = await addSchool(db);
		teacher = await adultWith('li.na@school.test');
	});
	afterAll(() => db.destroy());

	describe('adults', () => {
		it('signs in with the right password and the session names the user', async () => {
			const result = await signInAdult(db, {
				email: teacher.email,
				password: PASSWORD,
				ip: newIp()
			});
			expectOk(result);
			expect(result.kind).toBe('adult');
			const session = await validateSessionToken(db, result.token);
			expect(session?.user).toMatchObject({ id: teacher.id, role: 'teacher' });
		});

		it('answers wrongPassword alike for a wrong password, an unknown email and a disabled account', async () => {
			const ip = newIp();
			const sessionsBefore = await countRows(db, 'session');
			expect(
				await signInAdult(db, { email: teacher.email, password: 'not the password', ip })
			).toEqual({ ok: false, error: 'auth.error.wrongPassword' });
			expect(
				await signInAdult(db, { email: 'nobody@school.test', password: PASSWORD, ip })
			).toEqual({ ok: false, error: 'auth.error.wrongPassword' });
			expect(await signInAdult(db, { email: '', password: '', ip })).toEqual({
				ok: false,
				error: 'auth.error.wrongPassword'
			});
			expect(
				await signInAdult(db, { email: teacher.email, password: PASSWORD.repeat(20), ip })
			).toEqual({ ok: false, error: 'auth.error.wrongPassword' });

			const leaver = await adultWith();
			await setUserDisabled(db, leaver.id, Date.now());
			expect(await signInAdult(db, { email: leaver.email, password: PASSWORD, ip })).toEqual({
				ok: false,
				error: 'auth.error.wrongPassword'
			});
			expect(await countRows(db, 'session')).toBe(sessionsBefore);
			expect(await failures(db, { kind: 'ip', key: ip })).toBe(5);
		});

		it('treats the email case-insensitively and ignores surrounding spaces', async () => {
			const result = await signInAdult(db, {
				email: '  Li.NA@School.TEST ',
				password: PASSWORD,
				ip: newIp()
			});
			expectOk(result);
			expect((await validateSessionToken(db, result.token))?.user?.id).toBe(teacher.id);
		});

		it('refuses even the right password once an account has had too many failures', async () => {
			const target = await adultWith();
			const other = await adultWith();
			for (let i = 0; i < LIMITS.email; i++) {
				// Spread over addresses: the account's own bucket must stop it, not the IP's.
				const result = await signInAdult(db, {
					email: target.email,
					password: `guess-${i}`,
					ip: newIp()
				});
				expect(result).toEqual({ ok: false, error: 'auth.error.wrongPassword' });
			}
			const ip = newIp();
			const sessionsBefore = await countRows(db, 'session');
			expect(await signInAdult(db, { email: target.email, password: PASSWORD, ip })).toEqual({
				ok: false,
				error: 'auth.error.tooManyAttempts'
			});
			expect(
				await signInAdult(db, { email: target.email.toUpperCase(), password: PASSWORD, ip })
			).toEqual({ ok: false, error: 'auth.error.tooManyAttempts' });
			expect(await countRows(db, 'session')).toBe(sessionsBefore);
			// Another account from the same address is not affected.
			expectOk(await signInAdult(db, { email: other.email, password: PASSWORD, ip }));
		});

		it('forgets failures older than the window', async () => {
			const user = await adultWith();
			const old = Date.now() - WINDOW_MS - 1000;
			for (let i = 0; i < LIMITS.email; i++) {
				await recordFailure(db, [{ kind: 'email', key: user.email }], old);
			}
			expectOk(await signInAdult(db, { email: user.email, password: PASSWORD, ip: newIp() }));
		});

		it('never counts successes: many sign-ins in a row from one IP all get in', async () => {
			const ip = newIp();
			const user = await adultWith();
			for (let i = 0; i < LIMITS.email - 1; i++) {
				await signInAdult(db, { email: user.email, password: 'wrong!', ip });
			}
			for (let i = 0; i < LIMITS.email + 2; i++) {
				const result = await signInAdult(db, { email: user.email, password: PASSWORD, ip });
				expect(result, `sign-in #${i + 1}`).toMatchObject({ ok: true });
			}
			// A success clears the account's failures; the address keeps its own, unchanged.
			expect(await failures(db, { kind: 'email', key: user.email })).toBe(0);
			expect(await failures(db, { kind: 'ip', key: ip })).toBe(LIMITS.email - 1);
		});

		it('stops one address at the generous per-IP ceiling', async () => {
			const ip = newIp();
			const buckets = Array.from({ length: LIMITS.ip }, () => ({ kind: 'ip' as const, key: ip }));
			await recordFailure(db, buckets);
			expect(await signInAdult(db, { email: teacher.email, password: PASSWORD, ip })).toEqual({
				ok: false,
				error: 'auth.error.tooManyAttempts'
			});
			expectOk(await signInAdult(db, { email: teacher.email, password: PASSWORD, ip: newIp() }));
		});
	});

	describe('children', () => {
		let classroom: TestClassroom;
		/** Forty children, kept clear of the lockouts the other tests cause. */
		let bellClass: TestClassroom;
		let otherClassroom: TestClassroom;

		beforeAll(async () => {
			classroom = await addClassroom(db, teacher.id, schoolId, 6);
			bellClass = await addClassroom(db, teacher.id, schoolId, 40);
			otherClassroom = await addClassroom(db, teacher.id, schoolId, 2);
		});

		const signIn = (
			student: { id: string; secret: string },
			ip: string,
			deviceId: string,
			secret = student.secret,
			classroomId = classroom.id
		) => signInStudent(db, { classroomId, studentId: student.id, secret, ip, deviceId });

		it('finds the class from a code typed in lower case with spaces or a dash', async () => {
			const ip = newIp();
			const code = classroom.code;
			for (const typed of [
				code.toLowerCase(),
				` ${code.slice(0, 3)} ${code.slice(3)} `,
				`${code.slice(0, 3)}-${code.slice(3).toLowerCase()}`
			]) {
				const result = await findClassForJoin(db, typed, ip);
				expect(result).toMatchObject({ ok: true, classroom: { id: classroom.id, code } });
			}
			expect(await failures(db, { kind: 'codeIp', key: ip })).toBe(0);
		});

		/** Records the pauses an unknown code would cost instead of sleeping through them. */
		const recordPauses = () => {
			const pauses: { line: string; ms: number }[] = [];
			const pause: Pause = async (line, ms) => void pauses.push({ line, ms });
			return { pauses, pause };
		};

		it('answers unknown codes at once while a browser is within its budget', async () => {
			const ip = newIp();
			const { pauses, pause } = recordPauses();
			const unknown = classroom.code === 'ZZZZZZ' ? 'YYYYYY' : 'ZZZZZZ';
			for (const typed of [unknown, 'not a code!']) {
				expect(await findClassForJoin(db, typed, ip, { deviceId: 'typo-pc', pause })).toEqual({
					ok: false,
					error: 'auth.error.unknownClassCode'
				});
			}
			expect(pauses).toEqual([]);
			expect(await failures(db, { kind: 'codeDevice', key: 'typo-pc' })).toBe(2);
			expect(await failures(db, { kind: 'codeIp', key: ip })).toBe(2);
			// Unknown codes do not count towards the address's general ceiling.
			expect(await failures(db, { kind: 'ip', key: ip })).toBe(0);
			// Naming the real code clears this browser's count, not the address's.
			expect(
				await findClassForJoin(db, classroom.code, ip, { deviceId: 'typo-pc', pause })
			).toMatchObject({ ok: true });
			expect(await failures(db, { kind: 'codeDevice', key: 'typo-pc' })).toBe(0);
			expect(await failures(db, { kind: 'codeIp', key: ip })).toBe(2);
		});

		it('slows a guessing loop down but never refuses a code that exists', async () => {
			const ip = newIp();
			const { pauses, pause } = recordPauses();
			const guess = (i: number, deviceId: string | null) =>
				findClassForJoin(db, `QQ${String(i).padStart(4, '2')}`.slice(0, 6), ip, {
					deviceId,
					pause
				});
			// One browser past its own budget: told so, and made to wait.
			for (let i = 0; i < LIMITS.codeDevice; i++) {
				expect(await guess(i, 'robot')).toMatchObject({ error: 'auth.error.unknownClassCode' });
			}
			expect(pauses).toEqual([]);
			expect(await guess(99, 'robot')).toEqual({ ok: false, error: 'security.join.codeBudget' });
			expect(pauses).toEqual([{ line: ip, ms: SLOW_ANSWER_MS }]);
			// The same browser typing the real code gets straight in, with no pause.
			expect(
				await findClassForJoin(db, classroom.code, ip, { deviceId: 'robot', pause })
			).toMatchObject({
				ok: true
			});
			expect(pauses).toHaveLength(1);
			// A script inventing a new cookie per guess: past the address's budget, every unknown
			// code waits in the address's line, whatever the cookie.
			for (let i = LIMITS.codeDevice + 1; i < LIMITS.codeIp; i++) await guess(i, `fresh-${i}`);
			pauses.length = 0;
			expect(await guess(500, 'fresh-new')).toEqual({
				ok: false,
				error: 'auth.error.unknownClassCode'
			});
			expect(await guess(501, null)).toEqual({ ok: false, error: 'security.join.codeBudget' });
			expect(pauses).toEqual([
				{ line: ip, ms: SLOW_ANSWER_MS },
				{ line: ip, ms: SLOW_ANSWER_MS }
			]);
			// Every real code still answers at once from that address, with or without a cookie.
			for (const deviceId of [null, 'pc-1', 'fresh-new']) {
				expect(await findClassForJoin(db, classroom.code, ip, { deviceId, pause })).toMatchObject({
					ok: true,
					classroom: { id: classroom.id }
				});
				expect(
					await findClassForJoin(db, otherClassroom.code.toLowerCase(), ip, { deviceId, pause })
				).toMatchObject({ ok: true, classroom: { id: otherClassroom.id } });
			}
			expect(pauses).toHaveLength(2);
		});

		it('lets 40 children behind one IP in when 31 of them mistype the class code first', async () => {
			const ip = newIp();
			const { pause } = recordPauses();
			const typo = (code: string) => `${code.slice(0, 5)}${code[5] === 'A' ? 'B' : 'A'}`;
			const results = await Promise.all(
				bellClass.students.map(async (kid, i) => {
					const deviceId = `bell-pc-${i}`;
					if (i < 31) {
						const wrong = await findClassForJoin(db, typo(bellClass.code), ip, { deviceId, pause });
						expect(wrong).toMatchObject({ ok: false, error: 'auth.error.unknownClassCode' });
					}
					const found = await findClassForJoin(db, bellClass.code.toLowerCase(), ip, {
						deviceId,
						pause
					});
					expect(found, `child ${i + 1}`).toMatchObject({ ok: true });
					return signIn(kid, ip, deviceId, kid.secret, bellClass.id);
				})
			);
			expect(results.filter((r) => r.ok)).toHaveLength(40);
			expect(await failures(db, { kind: 'codeIp', key: ip })).toBe(31);
			// The next class of that school, after the bell, is not slowed either.
			const { pauses, pause: next } = recordPauses();
			expect(
				await findClassForJoin(db, otherClassroom.code, ip, { deviceId: 'pc-next', pause: next })
			).toMatchObject({ ok: true });
			expect(pauses).toEqual([]);
		});

		it('signs a child in with the right secret and refuses a wrong one', async () => {
			const ip = newIp();
			const kid = classroom.students[0]!;
			expect(await signIn(kid, ip, 'device-a', wrongSecret(kid.secret))).toEqual({
				ok: false,
				error: 'auth.error.wrongSecret'
			});
			expect(await failures(db, { kind: 'student', key: kid.id })).toBe(1);

			const result = await signIn(kid, ip, 'device-a');
			expectOk(result);
			expect(result.kind).toBe('student');
			const session = await validateSessionToken(db, result.token);
			expect(session?.student).toMatchObject({ id: kid.id, classroomId: classroom.id });
			// Getting in clears the child's own mistakes, but not the device's: otherwise a
			// script knowing one real secret could sign in between guesses to dodge the limit.
			expect(await failures(db, { kind: 'student', key: kid.id })).toBe(0);
			expect(await failures(db, { kind: 'device', key: 'device-a' })).toBe(1);
		});

		it('refuses a secret that only matches after truncation or with different case', async () => {
			const kid = classroom.students[1]!;
			const ip = newIp();
			for (const near of [kid.secret.toUpperCase(), `${kid.secret} `, kid.secret.slice(0, -1)]) {
				expect(await signIn(kid, ip, 'device-near', near)).toEqual({
					ok: false,
					error: 'auth.error.wrongSecret'
				});
			}
		});

		it('locks one child after too many wrong tries while a classmate on the same IP gets in', async () => {
			const ip = newIp();
			const kid = classroom.students[2]!;
			const classmate = classroom.students[3]!;
			for (let i = 0; i < LIMITS.student; i++) {
				expect(await signIn(kid, ip, `device-${i}`, wrongSecret(kid.secret, i))).toEqual({
					ok: false,
					error: 'auth.error.wrongSecret'
				});
			}
			expect(await signIn(kid, newIp(), 'fresh-device')).toEqual({
				ok: false,
				error: 'auth.error.childLocked'
			});
			expectOk(await signIn(classmate, ip, 'device-0'));
		});

		it('lets a whole class behind one school IP sign in at the bell', async () => {
			const ip = newIp();
			const results = await Promise.all(
				bellClass.students.map(async (kid, i) => {
					const deviceId = `pc-${i}`;
					// Every other child mistypes once first.
					if (i % 2 === 0) {
						const typo = await signIn(kid, ip, deviceId, wrongSecret(kid.secret, i), bellClass.id);
						expect(typo).toEqual({ ok: false, error: 'auth.error.wrongSecret' });
					}
					return { kid, result: await signIn(kid, ip, deviceId, kid.secret, bellClass.id) };
				})
			);
			for (const { kid, result } of results) {
				expect(result, kid.pseudonym).toMatchObject({ ok: true, kind: 'student' });
			}
			const tokens = results.map(({ result }) => (result.ok ? result.token : ''));
			expect(new Set(tokens).size).toBe(bellClass.students.length);
			for (const { kid, result } of results) {
				const session = await validateSessionToken(db, result.ok ? result.token : undefined);
				expect(session?.student?.id).toBe(kid.id);
			}
			expect(await failures(db, { kind: 'classIp', key: `${bellClass.id}:${ip}` })).toBe(
				bellClass.students.length / 2
			);
		});

		it('stops a guessing loop on one device before it gets through the class', async () => {
			const ip = newIp();
			let wrongTries = 0;
			const studentsTried = new Set<string>();
			let stoppedWith: SignInResult | undefined;
			// A script careful to stay under the per-child lock: nine guesses each, then the next.
			loop: for (const kid of bellClass.students) {
				for (let guess = 0; guess < LIMITS.student - 1; guess++) {
					const result = await signIn(
						kid,
						ip,
						'robot',
						wrongSecret(kid.secret, 100 + guess),
						bellClass.id
					);
					if (result.ok || result.error !== 'auth.error.wrongSecret') {
						stoppedWith = result;
						break loop;
					}
					wrongTries++;
					studentsTried.add(kid.id);
				}
			}
			expect(stoppedWith).toEqual({ ok: false, error: 'auth.error.joinTooManyTries' });
			expect(wrongTries).toBe(LIMITS.device);
			expect(studentsTried.size).toBeLessThan(bellClass.students.length / 10);
			expect(await failures(db, { kind: 'classIp', key: `${bellClass.id}:${ip}` })).toBeLessThan(
				LIMITS.classIp
			);
			// The device stays blocked even on a child it has not tried yet...
			const untried = bellClass.students.find((s) => !studentsTried.has(s.id))!;
			expect(await signIn(untried, ip, 'robot', untried.secret, bellClass.id)).toEqual({
				ok: false,
				error: 'auth.error.joinTooManyTries'
			});
			// ...while the children on the other PCs of that room still get in.
			expectOk(await signIn(untried, ip, 'pc-other', untried.secret, bellClass.id));
		});

		it('does not sign in a child of another classroom through this one', async () => {
			const stranger = otherClassroom.students[0]!;
			expect(await signIn(stranger, newIp(), 'device-x')).toEqual({
				ok: false,
				error: 'auth.error.unknownStudent'
			});
			expect(await signIn({ id: 'no-such-student', secret: 'x' }, newIp(), 'device-x')).toEqual({
				ok: false,
				error: 'auth.error.unknownStudent'
			});
			expectOk(await signIn(stranger, newIp(), 'device-x', stranger.secret, otherClassroom.id));
		});
	});
});
