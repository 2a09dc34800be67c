import { actsAsAdmin, auditActor, type Actor } from '../auth/actor.ts';
import { recordAudit } from '../audit/audit.repository.ts';
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
	actor: Actor,
	input: { name: string; city: string }
): Promise<string> {
	if (!actsAsAdmin(actor)) throw DomainError.forbidden('auth.error.forbidden');
	const valid = validateSchool(input);
	if (!valid.ok) throw DomainError.invalid(valid.error);
	const id = newId();
	await insertSchool(db, { id, name: valid.name, city: valid.city });
	const { actorUserId, via } = auditActor(actor);
	await recordAudit(db, {
		actorUserId,
		action: 'school.create',
		subjectType: 'school',
		subjectId: id,
		...(via ? { detail: { via } } : {})
	});
	return id;
}
