/**
 * One-time judge invitations. The organizer passes the link on however they like (WeChat,
 * paper QR code); only the token's SHA-256 is stored. Opening the link shows a form and only the
 * form's POST uses it up: chat apps fetch links to draw previews, and that fetch must not burn
 * the invitation or sign a robot in.
 */
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { randomBytes } from 'node:crypto';
import { recordAudit } from '../audit/audit.repository.ts';
import { hashPassword, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../auth/password.ts';
import type { SessionUser } from '../auth/session.ts';
import { writeTransaction, type Db } from '../db/database.ts';
import { DomainError } from '../errors.ts';
import { newId } from '../ids.ts';
import { listSchools } from '../schools/school.repository.ts';
import { findUserByEmail, insertUser } from '../users/user.repository.ts';
import { rebalanceRound } from './assign.service.ts';
import * as repo from './judging.repository.ts';
import { assertOrganizer, roundOfContest } from './round.service.ts';

export const INVITE_TTL_MS = 7 * 24 * 60 * 60_000;
const TOKEN = /^[a-z2-7]{32}$/;
const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,255}\.[^\s@]{2,}$/;
export const JUDGE_NAME_MAX = 60;

function hashToken(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

/** A fresh link for one volunteer; the token is returned once and never stored. */
export async function createInvite(
	db: Db,
	actor: SessionUser | null,
	contestId: string,
	roundId: string,
	now = Date.now()
): Promise<{ token: string; expiresAt: number }> {
	assertOrganizer(actor);
	const round = await roundOfContest(db, contestId, roundId);
	if (round.status === 'closed') throw DomainError.conflict('judging.error.closed');
	const token = encodeBase32LowerCaseNoPadding(randomBytes(20));
	const expiresAt = now + INVITE_TTL_MS;
	await repo.insertInvite(db, {
		id: newId(),
		roundId,
		tokenHash: hashToken(token),
		expiresAt,
		createdBy: actor.id,
		now
	});
	return { token, expiresAt };
}

export type InviteState = 'ok' | 'used' | 'expired' | 'closed' | 'unknown';

/** What the invitation page may say about a token, without using it. */
export async function inspectInvite(db: Db, token: string, now = Date.now()) {
	if (!TOKEN.test(token)) return { state: 'unknown' as InviteState, contestTitle: null };
	const invite = await repo.findInviteByHash(db, hashToken(token));
	if (!invite) return { state: 'unknown' as InviteState, contestTitle: null };
	const state: InviteState =
		invite.used_at !== null
			? 'used'
			: invite.expires_at <= now
				? 'expired'
				: invite.round_status === 'closed'
					? 'closed'
					: 'ok';
	const schools = state === 'ok' ? await listSchools(db) : [];
	return {
		state,
		contestTitle: invite.contest_title,
		schools: schools.map((s) => ({ id: s.id, name: s.name, city: s.city }))
	};
}

export interface AcceptInput {
	displayName: string;
	email: string;
	password: string;
	schoolIds: string[];
}

const STATE_ERRORS = {
	used: 'judging.invite.error.used',
	expired: 'judging.invite.error.expired',
	closed: 'judging.error.closed',
	unknown: 'judging.invite.error.unknown'
} as const;

/**
 * Uses the invitation: a signed-in judge joins with their own account; anyone else gets a new
 * judge account (password optional — without one, the link's session is their only way in).
 * Returns the user to sign in. Claiming, the account and joining the round are one transaction:
 * two tabs posting the same link make exactly one judge.
 */
export async function acceptInvite(
	db: Db,
	token: string,
	current: SessionUser | null,
	input: AcceptInput,
	now = Date.now()
): Promise<{ userId: string; roundId: string; created: boolean }> {
	const seen = await inspectInvite(db, token, now);
	if (seen.state !== 'ok') throw new DomainError(410, STATE_ERRORS[seen.state]);
	if (current && current.role !== 'judge' && current.role !== 'organizer')
		throw DomainError.forbidden('judging.invite.error.role');
	const known = new Set((seen.schools ?? []).map((s) => s.id));
	const schoolIds = [...new Set(input.schoolIds)];
	if (schoolIds.some((id) => !known.has(id)) || schoolIds.length > 20)
		throw DomainError.invalid('judging.invite.error.school');

	let account: { email: string; displayName: string; passwordHash: string } | null = null;
	if (!current) {
		const displayName = input.displayName.trim();
		if (displayName.length < 1 || displayName.length > JUDGE_NAME_MAX)
			throw DomainError.invalid('judging.invite.error.name', { max: JUDGE_NAME_MAX });
		const email = input.email.trim().toLowerCase();
		if (email && !EMAIL.test(email)) throw DomainError.invalid('judging.invite.error.email');
		if (input.password && !email) throw DomainError.invalid('judging.invite.error.emailNeeded');
		if (input.password && input.password.length < MIN_PASSWORD_LENGTH)
			throw DomainError.invalid('judging.invite.error.passwordShort', { min: MIN_PASSWORD_LENGTH });
		if (input.password.length > MAX_PASSWORD_LENGTH)
			throw DomainError.invalid('judging.invite.error.passwordLong');
		if (email && (await findUserByEmail(db, email)))
			throw DomainError.conflict('judging.invite.error.emailTaken');
		account = {
			// Sign-in needs an address; without one the account gets an unreachable placeholder.
			email: email || `judge-${newId()}@judges.invalid`,
			displayName,
			// Hashed before the transaction: argon2 is slow and must not hold the write lock.
			passwordHash: input.password ? await hashPassword(input.password) : 'invite-only'
		};
	}

	return writeTransaction(db, async (trx) => {
		const invite = await repo.findInviteByHash(trx, hashToken(token));
		if (!invite) throw new DomainError(410, 'judging.invite.error.unknown');
		let userId = current?.id;
		let created = false;
		if (!userId) {
			userId = newId();
			created = true;
			await insertUser(trx, { id: userId, role: 'judge', isAdmin: false, ...account! });
		}
		if (!(await repo.claimInvite(trx, invite.id, userId, now)))
			throw new DomainError(410, 'judging.invite.error.used');
		const round = await repo.lockRound(db, trx, invite.round_id);
		if (!round || round.status === 'closed') throw DomainError.conflict('judging.error.closed');
		await repo.replaceJudgeSchools(trx, userId, schoolIds, now);
		const existing = await repo.findRoundJudgeByUser(trx, round.id, userId);
		if (existing) await repo.setRoundJudgeActive(trx, existing.id, true, now);
		else await repo.insertRoundJudge(trx, { id: newId(), roundId: round.id, userId, now });
		if ((await repo.listAssignments(trx, round.id)).length > 0)
			await rebalanceRound(trx, round, now);
		await recordAudit(trx, {
			actorUserId: userId,
			action: 'judging.invite.accept',
			subjectType: 'judging_round',
			subjectId: round.id,
			detail: { created }
		});
		return { userId, roundId: round.id, created };
	});
}
