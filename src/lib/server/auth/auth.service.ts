import { constantTimeEqual } from '@oslojs/crypto/subtle';
import * as classrooms from '../classrooms/classroom.repository.ts';
import { normaliseClassCode } from '../classrooms/roster.ts';
import type { Db } from '../db/database.ts';
import { findUserByEmail } from '../users/user.repository.ts';
import { normaliseEmail } from '../users/user.service.ts';
import { getDummyHash, MAX_PASSWORD_LENGTH, verifyPassword } from './password.ts';
import { checkLimits, clearFailures, recordFailure, type Bucket } from './rate-limit.ts';
import { createSession } from './session.ts';

export type SignInError =
	| 'auth.error.wrongPassword'
	| 'auth.error.tooManyAttempts'
	| 'auth.error.joinTooManyTries'
	| 'auth.error.unknownClassCode'
	| 'auth.error.wrongSecret'
	| 'auth.error.childLocked'
	| 'auth.error.unknownStudent';

export type SignInResult =
	| { ok: true; token: string; expiresAt: number; kind: 'adult' | 'student' }
	| { ok: false; error: SignInError };

export async function signInAdult(
	db: Db,
	input: { email: string; password: string; ip: string }
): Promise<SignInResult> {
	const email = normaliseEmail(input.email).slice(0, 320);
	const buckets: Bucket[] = [
		{ kind: 'email', key: email },
		{ kind: 'ip', key: input.ip }
	];
	// Checked before hashing: a guessing loop must not cost us an argon2 run per try.
	if (await checkLimits(db, buckets)) return { ok: false, error: 'auth.error.tooManyAttempts' };
	const user = await findUserByEmail(db, email);
	const password = input.password.slice(0, MAX_PASSWORD_LENGTH + 1);
	const valid = user
		? await verifyPassword(user.password_hash, password)
		: (await verifyPassword(await getDummyHash(), password), false);
	if (!user || !valid || user.disabled_at !== null) {
		await recordFailure(db, buckets);
		return { ok: false, error: 'auth.error.wrongPassword' };
	}
	await clearFailures(db, [buckets[0]!]);
	const session = await createSession(db, { kind: 'adult', userId: user.id });
	return { ok: true, ...session };
}

/** Step one of a child's sign-in: the class code (typed or from the QR code). */
export async function findClassForJoin(db: Db, rawCode: string, ip: string) {
	const buckets: Bucket[] = [
		{ kind: 'codeIp', key: ip },
		{ kind: 'ip', key: ip }
	];
	// Children get their own wording (ask your teacher); adults at /login get tooManyAttempts.
	if (await checkLimits(db, buckets))
		return { ok: false as const, error: 'auth.error.joinTooManyTries' as const };
	const code = normaliseClassCode(rawCode);
	const classroom = code ? await classrooms.findClassroomByCode(db, code) : undefined;
	if (!classroom) {
		await recordFailure(db, buckets);
		return { ok: false as const, error: 'auth.error.unknownClassCode' as const };
	}
	return { ok: true as const, classroom };
}

function secretsEqual(a: string, b: string): boolean {
	const enc = new TextEncoder();
	const x = enc.encode(a);
	const y = enc.encode(b);
	return x.length === y.length && constantTimeEqual(x, y);
}

export async function signInStudent(
	db: Db,
	input: { classroomId: string; studentId: string; secret: string; ip: string; deviceId: string }
): Promise<SignInResult> {
	const student = await classrooms.findStudentInClassroom(db, input.classroomId, input.studentId);
	if (!student) return { ok: false, error: 'auth.error.unknownStudent' };
	const studentBucket: Bucket = { kind: 'student', key: student.id };
	const deviceBucket: Bucket = { kind: 'device', key: input.deviceId };
	const buckets: Bucket[] = [
		studentBucket,
		deviceBucket,
		{ kind: 'classIp', key: `${input.classroomId}:${input.ip}` },
		{ kind: 'ip', key: input.ip }
	];
	const blocked = await checkLimits(db, buckets);
	if (blocked) {
		return {
			ok: false,
			error: blocked.kind === 'student' ? 'auth.error.childLocked' : 'auth.error.joinTooManyTries'
		};
	}
	if (!secretsEqual(student.secret, input.secret.slice(0, 64))) {
		await recordFailure(db, buckets);
		return { ok: false, error: 'auth.error.wrongSecret' };
	}
	// Only the child's own count resets: clearing the device's too would let a script that
	// knows one real secret sign in between guesses to dodge the device limit.
	await clearFailures(db, [studentBucket]);
	const session = await createSession(db, { kind: 'student', studentId: student.id });
	return { ok: true, ...session };
}
