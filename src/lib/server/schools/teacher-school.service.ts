import { recordAudit } from '../audit/audit.repository.ts';
import type { SessionUser } from '../auth/session.ts';
import { writeTransaction, type Db } from '../db/database.ts';
import { DomainError } from '../errors.ts';
import { findUserById } from '../users/user.repository.ts';
import { replaceSchoolsOfTeacher } from './teacher-school.repository.ts';

/** More than any real teacher has; keeps one form post from writing thousands of rows. */
export const MAX_SCHOOLS_PER_TEACHER = 20;

/**
 * An admin sets the schools a teacher works at: the only schools that teacher can open classes
 * in. Existing classes stay where they are; this only decides where new ones may go.
 */
export async function setTeacherSchools(
	db: Db,
	actor: SessionUser,
	teacherId: string,
	schoolIds: readonly string[]
): Promise<void> {
	if (!(actor.role === 'organizer' && actor.isAdmin)) throw DomainError.forbidden();
	const unique = [...new Set(schoolIds)];
	if (unique.length > MAX_SCHOOLS_PER_TEACHER)
		throw DomainError.invalid('teacherSchools.error.tooMany', { max: MAX_SCHOOLS_PER_TEACHER });
	await writeTransaction(db, async (trx) => {
		const teacher = await findUserById(trx, teacherId);
		if (!teacher || teacher.role !== 'teacher')
			throw DomainError.notFound('teacherSchools.error.notTeacher');
		if (unique.length > 0) {
			const found = await trx.selectFrom('school').select('id').where('id', 'in', unique).execute();
			if (found.length !== unique.length) throw DomainError.invalid('teacherSchools.error.school');
		}
		await replaceSchoolsOfTeacher(trx, teacherId, unique);
		await recordAudit(trx, {
			actorUserId: actor.id,
			action: 'user.setSchools',
			subjectType: 'user',
			subjectId: teacherId,
			detail: { schoolIds: unique }
		});
	});
}
