import { actsAsAdmin, auditActor, type Actor } from '../auth/actor.ts';
import { writeTransaction, type Db } from '../db/database.ts';
import type { Role } from '../db/schema.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { hashPassword, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../auth/password.ts';
import { invalidateUserSessions, type SessionUser } from '../auth/session.ts';
import { parseText } from '../../schemas/field.ts';
import { USER_FORM } from '../../schemas/user.ts';
import { normaliseText } from '../../text/normalise.ts';
import { DomainError } from '../errors.ts';
import { newId } from '../ids.ts';
import * as users from './user.repository.ts';

export const ROLES: readonly Role[] = ['organizer', 'teacher', 'judge'];
const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,255}\.[^\s@]{2,}$/;

/** Message keys, so the page shows the reason in the reader's language. */
export type UserError =
	| 'users.error.email'
	| 'users.error.name'
	| 'users.error.role'
	| 'users.error.passwordShort'
	| 'users.error.passwordLong'
	| 'users.error.emailTaken'
	| 'users.error.notFound'
	| 'users.error.lastAdmin'
	| 'users.error.self'
	| 'auth.error.forbidden';

export interface NewUserInput {
	email: string;
	displayName: string;
	role: string;
	isAdmin: boolean;
	password: string;
}

export function normaliseEmail(email: string): string {
	return email.trim().toLowerCase();
}

export function validateNewUser(input: NewUserInput): UserError | null {
	if (!EMAIL.test(normaliseEmail(input.email))) return 'users.error.email';
	if (!parseText(USER_FORM.displayName, input.displayName).ok) return 'users.error.name';
	if (!ROLES.includes(input.role as Role)) return 'users.error.role';
	if (input.password.length < MIN_PASSWORD_LENGTH) return 'users.error.passwordShort';
	if (input.password.length > MAX_PASSWORD_LENGTH) return 'users.error.passwordLong';
	return null;
}

/**
 * Creates an adult account. `actor` is null only for the command line and the seed, which
 * run with the operator's own authority.
 */
export async function createUser(db: Db, actor: Actor, input: NewUserInput) {
	if (!actsAsAdmin(actor)) throw DomainError.forbidden('auth.error.forbidden');
	const problem = validateNewUser(input);
	if (problem) throw DomainError.invalid(problem);
	const email = normaliseEmail(input.email);
	if (await users.findUserByEmail(db, email)) throw DomainError.conflict('users.error.emailTaken');
	const id = newId();
	const role = input.role as Role;
	// Only organizers can administer; the flag means nothing on other roles.
	const isAdmin = role === 'organizer' && input.isAdmin;
	await users.insertUser(db, {
		id,
		email,
		displayName: normaliseText(input.displayName),
		role,
		isAdmin,
		passwordHash: await hashPassword(input.password)
	});
	const { actorUserId, via } = auditActor(actor);
	await recordAudit(db, {
		actorUserId,
		action: 'user.create',
		subjectType: 'user',
		subjectId: id,
		detail: { role, isAdmin, ...(via ? { via } : {}) }
	});
	return id;
}

export async function setDisabled(db: Db, actor: SessionUser, userId: string, disabled: boolean) {
	if (!(actor.role === 'organizer' && actor.isAdmin))
		throw DomainError.forbidden('auth.error.forbidden');
	if (actor.id === userId) throw DomainError.invalid('users.error.self');
	// One locked transaction, so two admins disabling each other cannot leave none.
	await writeTransaction(db, async (trx) => {
		const target = await users.findUserById(trx, userId);
		if (!target) throw DomainError.notFound('users.error.notFound');
		if (disabled && target.is_admin === 1 && (await users.countActiveAdmins(trx, userId)) === 0)
			throw DomainError.conflict('users.error.lastAdmin');
		await users.setUserDisabled(trx, userId, disabled ? Date.now() : null);
		if (disabled) await invalidateUserSessions(trx, userId);
		await recordAudit(trx, {
			actorUserId: actor.id,
			action: disabled ? 'user.disable' : 'user.enable',
			subjectType: 'user',
			subjectId: userId
		});
	});
}
