import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { randomBytes } from 'node:crypto';
import { recordAudit } from '../audit/audit.repository.ts';
import { hashPassword, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../auth/password.ts';
import { clearFailures } from '../auth/rate-limit.ts';
import { invalidateUserSessions, type SessionUser } from '../auth/session.ts';
import { writeTransaction, type Db } from '../db/database.ts';
import { DomainError } from '../errors.ts';
import { newId } from '../ids.ts';
import * as repo from './password-reset.repository.ts';
import { findUserById, setUserPasswordHash } from './user.repository.ts';

/** Long enough to reach someone by chat or on paper the same day, short enough to go stale. */
export const RESET_LINK_TTL_MS = 24 * 3600_000;
const TOKEN = /^[a-z2-7]{32}$/;

function hashToken(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

/**
 * An admin makes a one-time link for any adult who lost their password; it replaces the
 * person's earlier unused links. The token is returned once and only its hash is stored.
 */
export async function issuePasswordReset(
	db: Db,
	actor: SessionUser,
	userId: string,
	now = Date.now()
): Promise<{ token: string; expiresAt: number; email: string }> {
	if (!(actor.role === 'organizer' && actor.isAdmin)) throw DomainError.forbidden();
	const user = await findUserById(db, userId);
	if (!user) throw DomainError.notFound('users.error.notFound');
	if (user.disabled_at !== null) throw DomainError.invalid('passwordReset.error.disabled');
	const token = encodeBase32LowerCaseNoPadding(randomBytes(20));
	const expiresAt = now + RESET_LINK_TTL_MS;
	await writeTransaction(db, async (trx) => {
		await repo.deleteUnusedResets(trx, userId);
		await repo.insertPasswordReset(trx, {
			id: newId(),
			userId,
			tokenHash: hashToken(token),
			createdBy: actor.id,
			createdAt: now,
			expiresAt
		});
		await recordAudit(trx, {
			actorUserId: actor.id,
			action: 'user.resetLink',
			subjectType: 'user',
			subjectId: userId
		});
	});
	return { token, expiresAt, email: user.email };
}

/** Whose password a link resets, or a 410 when it is unknown, used or expired. */
export async function openPasswordReset(db: Db, token: string, now = Date.now()) {
	const row = TOKEN.test(token) ? await repo.findUsableReset(db, hashToken(token), now) : undefined;
	if (!row || row.disabled_at !== null) throw new DomainError(410, 'passwordReset.error.invalid');
	return { id: row.id, userId: row.user_id, email: row.email, displayName: row.display_name };
}

/**
 * Sets the new password and uses the link up; every session of the account ends, so whoever
 * had the old password is signed out everywhere.
 */
export async function completePasswordReset(
	db: Db,
	token: string,
	input: { password: string; confirm: string },
	now = Date.now()
): Promise<{ email: string }> {
	const reset = await openPasswordReset(db, token, now);
	if (input.password.length < MIN_PASSWORD_LENGTH)
		throw DomainError.invalid('users.error.passwordShort');
	if (input.password.length > MAX_PASSWORD_LENGTH)
		throw DomainError.invalid('users.error.passwordLong');
	if (input.password !== input.confirm) throw DomainError.invalid('passwordReset.error.mismatch');
	// Hashed before the transaction: argon2 takes a while and must not hold the write lock.
	const passwordHash = await hashPassword(input.password);
	await writeTransaction(db, async (trx) => {
		if (!(await repo.markResetUsed(trx, reset.id, now)))
			throw new DomainError(410, 'passwordReset.error.invalid');
		await setUserPasswordHash(trx, reset.userId, passwordHash);
		await invalidateUserSessions(trx, reset.userId);
		// Whoever forgot it may have locked the account guessing: the new password must work now.
		await clearFailures(trx, [{ kind: 'email', key: reset.email }]);
		await recordAudit(trx, {
			actorUserId: null,
			action: 'user.passwordReset',
			subjectType: 'user',
			subjectId: reset.userId
		});
	});
	return { email: reset.email };
}
