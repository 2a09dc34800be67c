import { recordAudit } from '../audit/audit.repository.ts';
import type { SessionUser } from '../auth/session.ts';
import type { Db } from '../db/database.ts';
import { DomainError } from '../errors.ts';
import { newId } from '../ids.ts';
import { insertSchool } from './school.repository.ts';

export type SchoolError = 'schools.error.name' | 'schools.error.city' | 'auth.error.forbidden';

export function validateSchool(input: { name: string; city: string }): SchoolError | null {
	const name = input.name.trim();
	if (name.length < 1 || name.length > 100) return 'schools.error.name';
	if (input.city.trim().length > 60) return 'schools.error.city';
	return null;
}

export async function createSchool(
	db: Db,
	actor: SessionUser | null,
	input: { name: string; city: string }
): Promise<string> {
	if (actor && !(actor.role === 'organizer' && actor.isAdmin))
		throw DomainError.forbidden('auth.error.forbidden');
	const problem = validateSchool(input);
	if (problem) throw DomainError.invalid(problem);
	const id = newId();
	await insertSchool(db, { id, name: input.name.trim(), city: input.city.trim() });
	await recordAudit(db, {
		actorUserId: actor?.id ?? null,
		action: 'school.create',
		subjectType: 'school',
		subjectId: id
	});
	return id;
}
