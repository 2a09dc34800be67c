import { getManagedClassroom } from '$lib/server/classrooms/classroom.service';
import { DomainError, errorOn, isDomainError } from '$lib/server/errors';
import { getDrawingForTeacher } from '$lib/server/drawings/teacher';
import { requireArea } from '$lib/server/http';
import { getServices } from '$lib/server/services';
import type { PageServerLoad } from './$types';

/** A teacher's read-only replay of one child's drawing; the document comes from `./doc`. */
export const load: PageServerLoad = async (event) => {
	const actor = requireArea(event, 'classroom');
	const { db } = await getServices();
	try {
		const { drawing, owner } = await getDrawingForTeacher(
			db,
			actor,
			event.params.id,
			event.params.drawingId
		);
		const classroom = await getManagedClassroom(db, actor, owner.classroom_id);
		return {
			drawing: { id: drawing.id, title: drawing.title, updatedAt: drawing.updated_at },
			owner: { id: owner.id, pseudonym: owner.pseudonym },
			classroom: { id: classroom.id, name: classroom.name }
		};
	} catch (err) {
		errorOn(isDomainError(err) ? DomainError.notFound('drawing.error.notFound') : err);
	}
};
