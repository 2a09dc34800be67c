import { DomainError, errorOn, isDomainError } from '$lib/server/errors';
import { listStudentDrawingsForTeacher } from '$lib/server/drawings/teacher';
import { requireArea } from '$lib/server/http';
import { getServices } from '$lib/server/services';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireArea(event, 'classroom');
	const { db } = await getServices();
	try {
		const { classroom, student, drawings } = await listStudentDrawingsForTeacher(
			db,
			actor,
			event.params.id,
			event.params.studentId
		);
		return {
			classroom: { id: classroom.id, name: classroom.name },
			student: { id: student.id, pseudonym: student.pseudonym, avatar: student.avatar },
			drawings: drawings.map((d) => ({
				id: d.id,
				title: d.title,
				updatedAt: d.updated_at,
				opCount: d.op_count,
				hasThumbnail: d.thumb_key !== null
			}))
		};
	} catch (err) {
		// Another class's child, or no such child: the same page that does not exist.
		errorOn(isDomainError(err) ? DomainError.notFound('classroom.error.notFound') : err);
	}
};
