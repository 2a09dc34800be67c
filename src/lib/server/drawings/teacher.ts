import type { SessionUser } from '../auth/session.ts';
import { findStudentById, findStudentInClassroom } from '../classrooms/classroom.repository.ts';
import { getManagedClassroom } from '../classrooms/classroom.service.ts';
import type { Db } from '../db/database.ts';
import { listDrawingsOfStudent } from './drawing.repository.ts';
import { drawingError, getViewableDrawing } from './drawing.service.ts';

/** A teacher's read-only look at one child's drawings. */
export async function listStudentDrawingsForTeacher(
	db: Db,
	actor: SessionUser,
	classroomId: string,
	studentId: string
) {
	const classroom = await getManagedClassroom(db, actor, classroomId);
	const student = await findStudentInClassroom(db, classroom.id, studentId);
	if (!student) throw drawingError('drawing.error.notFound');
	const drawings = await listDrawingsOfStudent(db, student.id);
	return { classroom, student, drawings };
}

/** The drawing, if it belongs to a child of this class and the actor manages the class. */
export async function getDrawingForTeacher(
	db: Db,
	actor: SessionUser,
	classroomId: string,
	drawingId: string
) {
	const drawing = await getViewableDrawing(db, { user: actor }, drawingId);
	const owner = await findStudentById(db, drawing.student_id);
	if (!owner || owner.classroom_id !== classroomId) throw drawingError('drawing.error.notFound');
	return { drawing, owner };
}
