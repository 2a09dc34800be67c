import { recordAudit } from '../audit/audit.repository.ts';
import { clearFailures, studentLockouts } from '../auth/rate-limit.ts';
import {
	invalidateClassroomSessions,
	invalidateStudentSessions,
	type SessionUser
} from '../auth/session.ts';
import { writeTransaction, type Db } from '../db/database.ts';
import { CLASSROOM_FORM } from '../../schemas/classroom.ts';
import { parseText } from '../../schemas/field.ts';
import { DomainError } from '../errors.ts';
import { newId } from '../ids.ts';
import { isTeacherAtSchool } from '../schools/teacher-school.repository.ts';
import * as repo from './classroom.repository.ts';
import {
	isValidPin,
	makePseudonym,
	newClassCode,
	newPicturePassword,
	newPin,
	parseRoster,
	pickAvatar,
	type RejectedLine,
	type RosterProblem
} from './roster.ts';

/** A refused roster names the problem (and the name or the limit) in the teacher's language. */
function rosterError(problem: RosterProblem): DomainError {
	const { kind, ...params } = problem;
	return DomainError.invalid(`roster.error.${kind}`, params);
}

function canManage(actor: SessionUser, classroom: { teacher_id: string }): boolean {
	return (
		(actor.role === 'teacher' && classroom.teacher_id === actor.id) ||
		(actor.role === 'organizer' && actor.isAdmin)
	);
}

/** Loads a classroom the actor may manage, or throws: the check every entry point needs. */
export async function getManagedClassroom(db: Db, actor: SessionUser, classroomId: string) {
	const classroom = await repo.findClassroomById(db, classroomId);
	if (!classroom) throw DomainError.notFound('classroom.error.notFound');
	if (!canManage(actor, classroom)) throw DomainError.notFound('classroom.error.notFound');
	return classroom;
}

export async function listMyClassrooms(db: Db, actor: SessionUser) {
	if (actor.role === 'teacher') return repo.listClassroomsForTeacher(db, actor.id);
	if (actor.role === 'organizer' && actor.isAdmin) return repo.listClassroomsForTeacher(db, null);
	throw DomainError.forbidden('auth.error.forbidden');
}

export async function createClassroom(
	db: Db,
	actor: SessionUser,
	input: { name: string; schoolId: string }
): Promise<string> {
	if (actor.role !== 'teacher') throw DomainError.forbidden('auth.error.forbidden');
	const name = parseText(CLASSROOM_FORM.name, input.name);
	if (!name.ok) throw DomainError.invalid('classroom.error.name');
	// Only a school the teacher works at (set by an admin); any other reads as no school at all.
	if (!(await isTeacherAtSchool(db, actor.id, input.schoolId)))
		throw DomainError.invalid('classroom.error.school');
	const id = newId();
	await writeTransaction(db, async (trx) => {
		let code = newClassCode();
		while (await repo.codeExists(trx, code)) code = newClassCode();
		await repo.insertClassroom(trx, {
			id,
			schoolId: input.schoolId,
			teacherId: actor.id,
			name: name.value,
			code
		});
		await recordAudit(trx, {
			actorUserId: actor.id,
			action: 'classroom.create',
			subjectType: 'classroom',
			subjectId: id
		});
	});
	return id;
}

export interface AddedStudent {
	firstName: string;
	pseudonym: string;
	/** Another child with this exact name already exists in the class (or earlier in the paste). */
	isNamesake: boolean;
}

/**
 * Every good pasted name becomes a child, namesakes included; the lines that cannot are
 * returned untouched so the page can point at them. Nothing is added when none is good.
 */
export async function addStudents(
	db: Db,
	actor: SessionUser,
	classroomId: string,
	text: string
): Promise<{ added: AddedStudent[]; rejected: RejectedLine[] }> {
	await getManagedClassroom(db, actor, classroomId);
	const parsed = parseRoster(text);
	if ('problem' in parsed) throw rosterError(parsed.problem);
	if (parsed.names.length === 0) return { added: [], rejected: parsed.rejected };
	return writeTransaction(db, async (trx) => {
		const existing = await repo.listTakenNames(trx, classroomId);
		const pseudonyms = new Set(existing.map((s) => s.pseudonym));
		const avatars = new Set(existing.map((s) => s.avatar));
		const names = new Set(existing.map((s) => s.first_name));
		const added: AddedStudent[] = [];
		const rows = parsed.names.map((firstName) => {
			const pseudonym = makePseudonym(firstName, pseudonyms);
			const avatar = pickAvatar(avatars);
			added.push({ firstName, pseudonym, isNamesake: names.has(firstName) });
			pseudonyms.add(pseudonym);
			avatars.add(avatar);
			names.add(firstName);
			return {
				id: newId(),
				classroomId,
				firstName,
				pseudonym,
				avatar,
				secretKind: 'picture' as const,
				secret: newPicturePassword()
			};
		});
		await repo.insertStudents(trx, rows);
		await recordAudit(trx, {
			actorUserId: actor.id,
			action: 'student.create',
			subjectType: 'classroom',
			subjectId: classroomId,
			detail: { count: rows.length, rejected: parsed.rejected.length }
		});
		return { added, rejected: parsed.rejected };
	});
}

/** A new picture password, or a PIN (the teacher's choice, or a random one). */
export async function resetStudentSecret(
	db: Db,
	actor: SessionUser,
	classroomId: string,
	studentId: string,
	kind: 'picture' | 'pin',
	pin?: string
) {
	await getManagedClassroom(db, actor, classroomId);
	const student = await repo.findStudentInClassroom(db, classroomId, studentId);
	if (!student) throw DomainError.notFound('classroom.error.studentNotFound');
	let secret: string;
	if (kind === 'pin') {
		const chosen = pin?.trim();
		if (chosen && !isValidPin(chosen)) throw DomainError.invalid('classroom.error.pin');
		secret = chosen || newPin();
	} else {
		secret = newPicturePassword();
	}
	await repo.updateStudentSecret(db, studentId, kind, secret);
	// Anyone who watched the old secret must not stay signed in as this child.
	await invalidateStudentSessions(db, studentId);
	// The lockout message tells the child to ask the teacher: the new secret must let them in.
	await clearFailures(db, [{ kind: 'student', key: studentId }]);
	await recordAudit(db, {
		actorUserId: actor.id,
		action: 'student.resetSecret',
		subjectType: 'student',
		subjectId: studentId,
		detail: { kind }
	});
}

/**
 * Lifts a lockout after wrong pictures: the child keeps the same picture password, so the
 * printed card stays good. Sessions are left alone, since none was opened by the guesser.
 */
export async function unlockStudent(
	db: Db,
	actor: SessionUser,
	classroomId: string,
	studentId: string
) {
	await getManagedClassroom(db, actor, classroomId);
	const student = await repo.findStudentInClassroom(db, classroomId, studentId);
	if (!student) throw DomainError.notFound('classroom.error.studentNotFound');
	await clearFailures(db, [{ kind: 'student', key: studentId }]);
	await recordAudit(db, {
		actorUserId: actor.id,
		action: 'student.unlock',
		subjectType: 'student',
		subjectId: studentId
	});
}

/** The class roster for its teacher, with when each locked-out child may try again. */
export async function listRoster(
	db: Db,
	actor: SessionUser,
	classroomId: string,
	now = Date.now()
) {
	await getManagedClassroom(db, actor, classroomId);
	const students = await repo.listStudentsForTeacher(db, classroomId);
	const locks = await studentLockouts(
		db,
		students.map((s) => s.id),
		now
	);
	return students.map((s) => ({ ...s, lockedUntil: locks.get(s.id) ?? null }));
}

export async function endClass(db: Db, actor: SessionUser, classroomId: string): Promise<number> {
	await getManagedClassroom(db, actor, classroomId);
	const count = await invalidateClassroomSessions(db, classroomId);
	await recordAudit(db, {
		actorUserId: actor.id,
		action: 'classroom.end',
		subjectType: 'classroom',
		subjectId: classroomId,
		detail: { signedOut: count }
	});
	return count;
}
