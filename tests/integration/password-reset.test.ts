// Admin-issued one-time password reset links, on both dialects: who may make them, the new
// password working, old sessions ending, and a link never working twice or after it expires.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAdult } from '../../src/lib/server/sign-in/sign-in.service.ts';
import {
	createSession,
	validateSessionToken,
	type SessionUser
} from '../../src/lib/server/auth/session.ts';
import type { Db } from '../../src/lib/server/db/database.ts';
import { DomainError } from '../../src/lib/server/errors.ts';
import { setUserDisabled } from '../../src/lib/server/users/user.repository.ts';
import {
	completePasswordReset,
	issuePasswordReset,
	openPasswordReset,
	RESET_LINK_TTL_MS
} from '../../src/lib/server/users/password-reset.service.ts';
import { freshDatabase, testDatabases } from './helpers/databases.ts';
import { addUser } from './helpers/fixtures.ts';

async function refusal(promise: Promise<unknown>): Promise<{ status: number; code: string }> {
	try {
		await promise;
	} catch (err) {
		expect(err).toBeInstanceOf(DomainError);
		return { status: (err as DomainError).status, code: (err as DomainError).code };
	}
	throw new Error('expected the call to be refused');
}

const NEW_PASSWORD = 'a brand new password';

describe.each(testDatabases())('password reset links on $name', ({ url }) => {
	let db: Db;
	let admin: SessionUser;
	let organizer: SessionUser;
	let teacher: SessionUser;

	beforeAll(async () => {
		db = await freshDatabase(url);
		admin = await addUser(db, 'organizer', { isAdmin: true });
		organizer = await addUser(db, 'organizer');
		teacher = await addUser(db, 'teacher');
	});
	afterAll(() => db.destroy());

	it('lets only an admin make a link', async () => {
		for (const actor of [organizer, teacher]) {
			expect(await refusal(issuePasswordReset(db, actor, teacher.id))).toEqual({
				status: 403,
				code: 'error.forbidden'
			});
		}
		expect((await refusal(issuePasswordReset(db, admin, 'nobody'))).status).toBe(404);
		const links = await db.selectFrom('password_reset').select('id').execute();
		expect(links).toHaveLength(0);
	});

	it('sets the new password, ends every old session and works only once', async () => {
		const old = await createSession(db, { kind: 'adult', userId: teacher.id });
		const { token, email } = await issuePasswordReset(db, admin, teacher.id);
		expect(email).toBe(teacher.email);
		// Only the hash is stored.
		const rows = await db.selectFrom('password_reset').select('token_hash').execute();
		expect(rows.map((r) => r.token_hash)).not.toContain(token);
		expect((await openPasswordReset(db, token)).email).toBe(teacher.email);

		expect(
			await refusal(completePasswordReset(db, token, { password: 'short', confirm: 'short' }))
		).toMatchObject({ code: 'users.error.passwordShort' });
		expect(
			await refusal(
				completePasswordReset(db, token, { password: NEW_PASSWORD, confirm: 'something else' })
			)
		).toMatchObject({ code: 'passwordReset.error.mismatch' });

		await completePasswordReset(db, token, { password: NEW_PASSWORD, confirm: NEW_PASSWORD });
		expect(await validateSessionToken(db, old.token)).toBeNull();
		const signIn = await signInAdult(db, {
			email: teacher.email,
			password: NEW_PASSWORD,
			ip: '10.0.0.9'
		});
		expect(signIn.kind).toBe('adult');

		expect(await refusal(openPasswordReset(db, token))).toEqual({
			status: 410,
			code: 'passwordReset.error.invalid'
		});
		expect(
			await refusal(
				completePasswordReset(db, token, {
					password: 'another password!',
					confirm: 'another password!'
				})
			)
		).toMatchObject({ status: 410 });
	});

	it('expires, and a newer link replaces an older unused one', async () => {
		const now = Date.now();
		const first = await issuePasswordReset(db, admin, organizer.id, now);
		const second = await issuePasswordReset(db, admin, organizer.id, now);
		expect((await refusal(openPasswordReset(db, first.token, now))).status).toBe(410);
		expect((await openPasswordReset(db, second.token, now)).userId).toBe(organizer.id);
		expect(
			(await refusal(openPasswordReset(db, second.token, now + RESET_LINK_TTL_MS + 1))).status
		).toBe(410);
		// Garbage never reaches the database as a valid token.
		expect((await refusal(openPasswordReset(db, '../../etc'))).status).toBe(410);
	});

	it('refuses a link for a disabled account', async () => {
		const judge = await addUser(db, 'judge');
		await setUserDisabled(db, judge.id, Date.now());
		expect(await refusal(issuePasswordReset(db, admin, judge.id))).toMatchObject({
			code: 'passwordReset.error.disabled'
		});
	});
});
