import { recordAudit } from '../audit/audit.repository.ts';
import type { SessionUser } from '../auth/session.ts';
import type { Db } from '../db/database.ts';
import { parseText } from '../../schemas/field.ts';
import { SCHOOL_FORM } from '../../schemas/school.ts';
import { DomainError } from '../errors.ts';
import { newId } from '../ids.ts';
import { insertSchool } from './school.repository.ts';

export type SchoolError = 'schools.error.name' | 'schools.error.city' | 'auth.error.forbidden';

export function validateSchool(input: {
	name: string;
	city: string;
}): { ok: true; name: string; city: string } | { ok: false; error: SchoolError } {
	const name = parseText(SCHOOL_FORM.name, input.name);
	if (!name.ok) return { ok: false, error: 'schools.error.name' };
	const city = parseText(SCHOOL_FORM.city, input.city);
	if (!city.ok) return { ok: false, error: 'schools.error.city' };
	return { ok: true, name: name.value, city: city.value };
}

export async function createSchool(
	db: Db,
	actor: SessionUser | null,
	input: { name: string; city: string }
): Promise<string> {
	if (actor && !(actor.role === 'organizer' && actor.isAdmin))
		throw DomainError.forbidden('auth.error.forbidden');
	const valid = validateSchool(input);
	if (!valid.ok) throw DomainError.invalid(valid.error);
	const id = newId();
	await insertSchool(db, { id, name: valid.name, city: valid.city });
	await recordAudit(db, {
		actorUserId: actor?.id ?? null,
		action: 'school.create',
		subjectType: 'school',
		subjectId: id
	});
	return id;
}
