import { sha256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { compiledOnce } from '../db/compiled.ts';
import type { Db } from '../db/database.ts';
import type { Database, Role } from '../db/schema.ts';

export const SESSION_COOKIE = 'sprout_session';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/**
 * Adults keep a sliding ten-day session. Children share classroom PCs, so theirs end after
 * 30 idle minutes and, whatever happens, four hours after sign-in.
 */
export const SESSION_POLICY = {
	adult: { idle: 10 * DAY, absolute: 60 * DAY, refreshWhenLeft: 5 * DAY },
	student: { idle: 30 * MINUTE, absolute: 4 * 60 * MINUTE, refreshWhenLeft: 25 * MINUTE }
} as const;

export type SessionSubject =
	{ kind: 'adult'; userId: string } | { kind: 'student'; studentId: string };

export interface SessionUser {
	id: string;
	email: string;
	displayName: string;
	role: Role;
	isAdmin: boolean;
}

export interface SessionStudent {
	id: string;
	classroomId: string;
	pseudonym: string;
	avatar: string;
}

export interface ValidSession {
	id: string;
	expiresAt: number;
	kind: 'adult' | 'student';
	user: SessionUser | null;
	student: SessionStudent | null;
	/** True when the expiry moved and the cookie should be re-sent. */
	refreshed: boolean;
}

const TOKEN = /^([a-z2-7]{16})\.([a-z2-7]{32})$/;

function hashSecret(secret: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(secret)));
}

export async function createSession(
	db: Db,
	subject: SessionSubject,
	now = Date.now()
): Promise<{ token: string; expiresAt: number; kind: SessionSubject['kind'] }> {
	const id = encodeBase32LowerCaseNoPadding(randomBytes(10));
	const secret = encodeBase32LowerCaseNoPadding(randomBytes(20));
	const policy = SESSION_POLICY[subject.kind];
	const expiresAt = now + policy.idle;
	await db
		.insertInto('session')
		.values({
			id,
			secret_hash: hashSecret(secret),
			user_id: subject.kind === 'adult' ? subject.userId : null,
			student_id: subject.kind === 'student' ? subject.studentId : null,
			expires_at: expiresAt,
			absolute_expires_at: now + policy.absolute,
			created_at: now
		})
		.execute();
	return { token: `${id}.${secret}`, expiresAt, kind: subject.kind };
}

// Every request with a cookie runs this: built once, only re-bound (db/compiled.ts).
const sessionQuery = compiledOnce((db: Kysely<Database>, id: string) =>
	db
		.selectFrom('session')
		.leftJoin('app_user', 'app_user.id', 'session.user_id')
		.leftJoin('student', 'student.id', 'session.student_id')
		.select([
			'session.id',
			'session.secret_hash',
			'session.expires_at',
			'session.absolute_expires_at',
			'session.user_id',
			'session.student_id',
			'app_user.email',
			'app_user.display_name',
			'app_user.role',
			'app_user.is_admin',
			'app_user.disabled_at',
			'student.classroom_id',
			'student.pseudonym',
			'student.avatar'
		])
		.where('session.id', '=', id)
);

/**
 * Returns the session behind a cookie value, or null for anything malformed, unknown,
 * expired, or belonging to a disabled account. Never throws on bad input.
 */
export async function validateSessionToken(
	db: Db,
	token: string | undefined,
	now = Date.now()
): Promise<ValidSession | null> {
	const match = token ? TOKEN.exec(token) : null;
	if (!match) return null;
	const [, id, secret] = match as unknown as [string, string, string];
	const row = (await sessionQuery(db, id)).rows[0];
	if (!row) return null;
	const expected = new TextEncoder().encode(row.secret_hash);
	if (!constantTimeEqual(expected, new TextEncoder().encode(hashSecret(secret)))) return null;
	const gone =
		(row.user_id && (row.disabled_at !== null || row.role === null)) ||
		(row.student_id && row.classroom_id === null);
	if (now >= row.expires_at || now >= row.absolute_expires_at || gone) {
		await invalidateSession(db, id);
		return null;
	}
	const kind = row.user_id ? 'adult' : 'student';
	const policy = SESSION_POLICY[kind];
	let expiresAt = row.expires_at;
	let refreshed = false;
	if (expiresAt - now < policy.refreshWhenLeft) {
		expiresAt = Math.min(now + policy.idle, row.absolute_expires_at);
		refreshed = true;
		await db.updateTable('session').set({ expires_at: expiresAt }).where('id', '=', id).execute();
	}
	return {
		id,
		expiresAt,
		kind,
		refreshed,
		user:
			kind === 'adult'
				? {
						id: row.user_id!,
						email: row.email!,
						displayName: row.display_name!,
						role: row.role!,
						isAdmin: row.is_admin === 1
					}
				: null,
		student:
			kind === 'student'
				? {
						id: row.student_id!,
						classroomId: row.classroom_id!,
						pseudonym: row.pseudonym!,
						avatar: row.avatar!
					}
				: null
	};
}

export async function invalidateSession(db: Db, sessionId: string): Promise<void> {
	await db.deleteFrom('session').where('id', '=', sessionId).execute();
}

export async function invalidateUserSessions(db: Db, userId: string): Promise<void> {
	await db.deleteFrom('session').where('user_id', '=', userId).execute();
}

/** One child's sessions, e.g. after their secret was reset. */
export async function invalidateStudentSessions(db: Db, studentId: string): Promise<void> {
	await db.deleteFrom('session').where('student_id', '=', studentId).execute();
}

/** "End class": every child of the classroom is signed out at once. */
export async function invalidateClassroomSessions(db: Db, classroomId: string): Promise<number> {
	const result = await db
		.deleteFrom('session')
		.where('student_id', 'in', (qb) =>
			qb.selectFrom('student').select('id').where('classroom_id', '=', classroomId)
		)
		.executeTakeFirst();
	return Number(result.numDeletedRows);
}

export async function deleteExpiredSessions(db: Db, now = Date.now()): Promise<void> {
	await db
		.deleteFrom('session')
		.where((eb) => eb.or([eb('expires_at', '<=', now), eb('absolute_expires_at', '<=', now)]))
		.execute();
}
