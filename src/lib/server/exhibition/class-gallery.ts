/**
 * "Our class": the approved works of one class whose guardians agreed at least to the
 * classroom scope. Seen only by the class's children and its teacher; nothing here is public.
 */
import type { SessionStudent, SessionUser } from '../auth/session.ts';
import { getManagedClassroom } from '../classrooms/classroom.service.ts';
import { CONSENT_SCOPES } from '../consent/consent.service.ts';
import type { Db } from '../db/database.ts';
import { registerEntryAccessRule } from '../entries/entry-access.ts';
import { publicImage } from './public-media.ts';

export async function listClassWorks(db: Db, classroomId: string) {
	return db
		.selectFrom('entry')
		.innerJoin('student', 'student.id', 'entry.student_id')
		.innerJoin('guardian_consent as gc', (join) =>
			join.onRef('gc.student_id', '=', 'student.id').on('gc.withdrawn_at', 'is', null)
		)
		.leftJoin('exhibition_entry as xe', 'xe.entry_id', 'entry.id')
		.select([
			'entry.id',
			'entry.title',
			'entry.about',
			'entry.media',
			'student.pseudonym',
			'xe.description'
		])
		.where('student.classroom_id', '=', classroomId)
		.where('entry.status', '=', 'approved')
		.where('gc.scope', 'in', [...CONSENT_SCOPES])
		.orderBy('entry.created_at', 'desc')
		.orderBy('entry.id')
		.limit(200)
		.execute();
}

/** Is this approved work shown in its class's gallery (consent of any scope in force)? */
async function isClassWork(db: Db, classroomId: string, entryId: string): Promise<boolean> {
	const row = await db
		.selectFrom('entry')
		.innerJoin('student', 'student.id', 'entry.student_id')
		.innerJoin('guardian_consent as gc', (join) =>
			join.onRef('gc.student_id', '=', 'student.id').on('gc.withdrawn_at', 'is', null)
		)
		.select('entry.id')
		.where('entry.id', '=', entryId)
		.where('student.classroom_id', '=', classroomId)
		.where('entry.status', '=', 'approved')
		.executeTakeFirst();
	return row !== undefined;
}

// Classmates may see each other's gallery pictures (not the drawings' documents).
registerEntryAccessRule('exhibition.classmate', ({ db, viewer, entry, resource }) =>
	resource === 'rendition' && 'student' in viewer
		? isClassWork(db, viewer.student.classroomId, entry.id)
		: false
);

function toCards(rows: Awaited<ReturnType<typeof listClassWorks>>) {
	return rows.map((r) => ({
		id: r.id,
		title: r.title,
		about: r.about,
		description: r.description ?? '',
		alt: r.description?.trim() || r.about.trim() || r.title,
		pseudonym: r.pseudonym,
		image: publicImage(r.media, null, r.id)
	}));
}

export async function classGalleryForStudent(db: Db, student: SessionStudent) {
	return toCards(await listClassWorks(db, student.classroomId));
}

export async function classGalleryForTeacher(db: Db, actor: SessionUser, classroomId: string) {
	const classroom = await getManagedClassroom(db, actor, classroomId);
	return { classroom, works: toCards(await listClassWorks(db, classroomId)) };
}
