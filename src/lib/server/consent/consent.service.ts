import { recordAudit } from '../audit/audit.repository.ts';
import type { SessionUser } from '../auth/session.ts';
import { findStudentInClassroom } from '../classrooms/classroom.repository.ts';
import { getManagedClassroom } from '../classrooms/classroom.service.ts';
import { writeTransaction, type Db } from '../db/database.ts';
import type { ConsentMethod, ConsentScope } from '../db/schema.ts';
import { DomainError } from '../errors.ts';
import { newId } from '../ids.ts';
import { dateIn, DEFAULT_TIME_ZONE } from '../contests/time-zone.ts';
import * as repo from './consent.repository.ts';

export const CONSENT_SCOPES: readonly ConsentScope[] = [
	'classroom',
	'public_pseudonym',
	'public_school'
];
export const CONSENT_METHODS: readonly ConsentMethod[] = ['paper', 'in_person', 'message'];

/** May this child's work appear outside the classroom and the judges? Pure, for every query. */
export function isPublicScope(scope: ConsentScope | null | undefined): boolean {
	return scope === 'public_pseudonym' || scope === 'public_school';
}

/**
 * The day a teacher's date picker offers as "today": classes run in China by default, so it
 * follows that calendar rather than the server's.
 */
export function consentToday(now = Date.now()): string {
	return dateIn(now, DEFAULT_TIME_ZONE);
}

/** "YYYY-MM-DD", a real calendar date, not after `today` (in the same format). */
export function isValidConsentDate(value: string, today: string): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
	const date = new Date(`${value}T00:00:00Z`);
	if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) return false;
	return value >= '2000-01-01' && value <= today;
}

async function managedStudent(db: Db, actor: SessionUser, classroomId: string, studentId: string) {
	await getManagedClassroom(db, actor, classroomId);
	const student = await findStudentInClassroom(db, classroomId, studentId);
	if (!student) throw DomainError.notFound('classroom.error.studentNotFound');
	return student;
}

/**
 * Records what a guardian agreed to. The previous consent, if any, is withdrawn in the same
 * transaction, so exactly one is ever in force.
 */
export async function recordConsent(
	db: Db,
	actor: SessionUser,
	classroomId: string,
	studentId: string,
	input: { scope: string; method: string; givenOn: string },
	now = Date.now()
) {
	const student = await managedStudent(db, actor, classroomId, studentId);
	if (!CONSENT_SCOPES.includes(input.scope as ConsentScope))
		throw DomainError.invalid('consent.error.scope');
	if (!CONSENT_METHODS.includes(input.method as ConsentMethod))
		throw DomainError.invalid('consent.error.method');
	// A day of slack covers time zones ahead of UTC (China is UTC+8).
	const tomorrow = new Date(now + 24 * 3600_000).toISOString().slice(0, 10);
	if (!isValidConsentDate(input.givenOn, tomorrow)) throw DomainError.invalid('consent.error.date');
	await writeTransaction(db, async (trx) => {
		await repo.withdrawActiveConsent(trx, student.id, now);
		await repo.insertConsent(trx, {
			id: newId(),
			studentId: student.id,
			scope: input.scope as ConsentScope,
			method: input.method as ConsentMethod,
			givenOn: input.givenOn,
			recordedBy: actor.id,
			now
		});
		await recordAudit(trx, {
			actorUserId: actor.id,
			action: 'consent.record',
			subjectType: 'student',
			subjectId: student.id,
			detail: { scope: input.scope, method: input.method, givenOn: input.givenOn }
		});
	});
}

/**
 * Withdraws consent. Public pages read the consent in force at query time, so the child's
 * works leave every public place with this one update.
 */
export async function withdrawConsent(
	db: Db,
	actor: SessionUser,
	classroomId: string,
	studentId: string,
	now = Date.now()
) {
	const student = await managedStudent(db, actor, classroomId, studentId);
	await writeTransaction(db, async (trx) => {
		if ((await repo.withdrawActiveConsent(trx, student.id, now)) === 0)
			throw DomainError.conflict('consent.error.none');
		await recordAudit(trx, {
			actorUserId: actor.id,
			action: 'consent.withdraw',
			subjectType: 'student',
			subjectId: student.id
		});
	});
}

export async function consentsForClassroom(db: Db, actor: SessionUser, classroomId: string) {
	await getManagedClassroom(db, actor, classroomId);
	const rows = await repo.listActiveConsents(db, classroomId);
	return new Map(rows.map((r) => [r.student_id, r]));
}
