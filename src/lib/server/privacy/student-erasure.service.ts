/**
 * Erasing a child completely, at a guardian's request: their name, secret, consents, sessions,
 * drawings, entries and every stored object of theirs.
 *
 * Results: a child's entries are deleted with their judgements, results and awards rather than
 * kept under a placeholder. A kept score or prize still describes that child's picture to anyone
 * who saw the exhibition or the ceremony, so "anonymous" would not be; and a guardian asking for
 * erasure asks for the work too. Other entries keep their published ranks (not renumbered), so a
 * results table may show a gap where the erased entry stood.
 *
 * Order: sessions first (no new writes), then the objects, then the rows in one transaction.
 * If storage fails half way nothing in the database has changed yet, and the teacher can simply
 * press again; a second run deletes what is left.
 */
import { anonymizeAuditSubjects, recordAudit } from '../audit/audit.repository.ts';
import { clearFailures } from '../auth/rate-limit.ts';
import { invalidateStudentSessions, type SessionUser } from '../auth/session.ts';
import { deleteStudent, findStudentInClassroom } from '../classrooms/classroom.repository.ts';
import { getManagedClassroom } from '../classrooms/classroom.service.ts';
import { writeTransaction, type Db } from '../db/database.ts';
import { countDrawingsByStudent, listDrawingsOfStudent } from '../drawings/drawing.repository.ts';
import { deleteEntryObjectsOfStudent } from '../entries/entry-objects.ts';
import { countEntriesByStudent } from '../entries/entry.repository.ts';
import { DomainError } from '../errors.ts';
import { deleteJobsNaming } from '../jobs/job.repository.ts';
import { purgeStudentObjects } from '../storage/keys.ts';
import type { ObjectStore } from '../storage/object-store.ts';

export interface ErasureOutcome {
	drawings: number;
	entries: number;
	objects: number;
}

export async function eraseStudent(
	deps: { db: Db; store: ObjectStore },
	actor: SessionUser,
	classroomId: string,
	studentId: string
): Promise<ErasureOutcome> {
	const { db, store } = deps;
	await getManagedClassroom(db, actor, classroomId);
	const student = await findStudentInClassroom(db, classroomId, studentId);
	if (!student) throw DomainError.notFound('classroom.error.studentNotFound');

	await invalidateStudentSessions(db, studentId);
	const drawingIds = (await listDrawingsOfStudent(db, studentId)).map((d) => d.id);
	let objects = await purgeStudentObjects(store, studentId);
	const entries = await deleteEntryObjectsOfStudent(db, store, studentId);
	objects += entries.objects;

	const ids = [studentId, ...entries.entryIds, ...drawingIds];
	await writeTransaction(db, async (trx) => {
		const tx = trx as unknown as Db;
		await deleteJobsNaming(tx, entries.entryIds);
		await anonymizeAuditSubjects(tx, ids);
		await clearFailures(tx, [{ kind: 'student', key: studentId }]);
		// Consents, sessions, drawings, entries and their judgements go by ON DELETE CASCADE.
		await deleteStudent(tx, studentId);
	});
	// A save that was already on its way when the sessions ended may have landed since.
	objects += await purgeStudentObjects(store, studentId);

	const outcome = { drawings: drawingIds.length, entries: entries.entryIds.length, objects };
	// Recorded against the class, with counts only: the audit log must not name the child.
	await recordAudit(db, {
		actorUserId: actor.id,
		action: 'student.erase',
		subjectType: 'classroom',
		subjectId: classroomId,
		detail: { ...outcome }
	});
	return outcome;
}

/** What erasing each child of a class would delete, for the teacher's confirmation. */
export async function erasureSummaries(
	db: Db,
	actor: SessionUser,
	classroomId: string,
	studentIds: readonly string[]
): Promise<Map<string, { drawings: number; entries: number }>> {
	await getManagedClassroom(db, actor, classroomId);
	const [drawings, entries] = await Promise.all([
		countDrawingsByStudent(db, studentIds),
		countEntriesByStudent(db, studentIds)
	]);
	return new Map(
		studentIds.map((id) => [id, { drawings: drawings.get(id) ?? 0, entries: entries.get(id) ?? 0 }])
	);
}
