import { constantTimeEqual } from '@oslojs/crypto/subtle';
import * as classrooms from '../classrooms/classroom.repository.ts';
import { normaliseClassCode } from '../classrooms/roster.ts';
import type { Db } from '../db/database.ts';
import { findUserByEmail } from '../users/user.repository.ts';
import { normaliseEmail } from '../users/user.service.ts';
import { getDummyHash, MAX_PASSWORD_LENGTH, verifyPassword } from '../auth/password.ts';
import { codeGuessTarpit, unknownCodePenalty, type Pause } from '../auth/code-guessing.ts';
import {
	bucketName,
	checkLimits,
	clearFailures,
	countFailures,
	recordFailure,
	type Bucket
} from '../auth/rate-limit.ts';
import { createSession } from '../auth/session.ts';
import { DomainError } from '../errors.ts';

/**
 * A new session. A refusal is thrown as a DomainError: 400 for a wrong password or secret (or an
 * unknown child or class code), 429 while a limit holds.
 */
export interface SignedIn {
	token: string;
	expiresAt: number;
	kind: 'adult' | 'student';
}

export async function signInAdult(
	db: Db,
	input: { email: string; password: string; ip: string }
): Promise<SignedIn> {
	const email = normaliseEmail(input.email).slice(0, 320);
	const buckets: Bucket[] = [
		{ kind: 'email', key: email },
		{ kind: 'ip', key: input.ip }
	];
	// Checked before hashing: a guessing loop must not cost us an argon2 run per try.
	if (await checkLimits(db, buckets)) throw DomainError.tooMany('auth.error.tooManyAttempts');
	const user = await findUserByEmail(db, email);
	const password = input.password.slice(0, MAX_PASSWORD_LENGTH + 1);
	const valid = user
		? await verifyPassword(user.password_hash, password)
		: (await verifyPassword(await getDummyHash(), password), false);
	if (!user || !valid || user.disabled_at !== null) {
		await recordFailure(db, buckets);
		throw DomainError.invalid('auth.error.wrongPassword');
	}
	await clearFailures(db, [buckets[0]!]);
	return createSession(db, { kind: 'adult', userId: user.id });
}

/**
 * Step one of a child's sign-in: the class code (typed or from the QR code). A code that exists
 * always gets through, whatever happened before on this address; unknown codes cost time, never
 * a lockout (code-guessing.ts). They count neither towards the address's general ceiling: a
 * child typing nonsense must not stop the school's adults and children signing in. Returns the
 * class; an unknown code throws (400, or 429 past the browser's budget).
 */
export async function findClassForJoin(
	db: Db,
	rawCode: string,
	ip: string,
	options: { deviceId?: string | null; pause?: Pause } = {}
) {
	const deviceBucket: Bucket | null = options.deviceId
		? { kind: 'codeDevice', key: options.deviceId }
		: null;
	const code = normaliseClassCode(rawCode);
	const classroom = code ? await classrooms.findClassroomByCode(db, code) : undefined;
	if (classroom) {
		if (deviceBucket) await clearFailures(db, [deviceBucket]);
		return classroom;
	}
	const ipBucket: Bucket = { kind: 'codeIp', key: ip };
	const buckets = deviceBucket ? [deviceBucket, ipBucket] : [ipBucket];
	await recordFailure(db, buckets);
	const counts = await countFailures(db, buckets);
	const { overBudget, pauseMs } = unknownCodePenalty({
		device: deviceBucket ? (counts.get(bucketName(deviceBucket)) ?? 0) : null,
		ip: counts.get(bucketName(ipBucket)) ?? 0
	});
	if (pauseMs > 0) await (options.pause ?? codeGuessTarpit.wait)(ip, pauseMs);
	throw overBudget
		? DomainError.tooMany('security.join.codeBudget')
		: DomainError.invalid('auth.error.unknownClassCode');
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
): Promise<SignedIn> {
	const student = await classrooms.findStudentInClassroom(db, input.classroomId, input.studentId);
	if (!student) throw DomainError.invalid('auth.error.unknownStudent');
	const studentBucket: Bucket = { kind: 'student', key: student.id };
	const deviceBucket: Bucket = { kind: 'device', key: input.deviceId };
	const buckets: Bucket[] = [
		studentBucket,
		deviceBucket,
		{ kind: 'classIp', key: `${input.classroomId}:${input.ip}` },
		{ kind: 'ip', key: input.ip }
	];
	const blocked = await checkLimits(db, buckets);
	if (blocked)
		throw DomainError.tooMany(
			blocked.kind === 'student' ? 'auth.error.childLocked' : 'auth.error.joinTooManyTries'
		);
	if (!secretsEqual(student.secret, input.secret.slice(0, 64))) {
		await recordFailure(db, buckets);
		throw DomainError.invalid('auth.error.wrongSecret');
	}
	// Only the child's own count resets: clearing the device's too would let a script that
	// knows one real secret sign in between guesses to dodge the device limit.
	await clearFailures(db, [studentBucket]);
	return createSession(db, { kind: 'student', studentId: student.id });
}
