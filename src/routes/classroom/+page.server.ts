import { redirect } from '@sveltejs/kit';
import { createClassroom, listMyClassrooms } from '$lib/server/classrooms/classroom.service';
import { failOn } from '$lib/server/errors';
import { field, requireArea, requireUser } from '$lib/server/http';
import { listSchoolsOfTeacher } from '$lib/server/schools/teacher-school.repository';
import { getServices } from '$lib/server/services';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireArea(event, 'classroom');
	const { db } = await getServices();
	// The class form offers only the schools this teacher works at.
	const [classrooms, schools] = await Promise.all([
		listMyClassrooms(db, actor),
		actor.role === 'teacher' ? listSchoolsOfTeacher(db, actor.id) : []
	]);
	return {
		canCreate: actor.role === 'teacher',
		classrooms: classrooms.map((c) => ({
			id: c.id,
			name: c.name,
			code: c.code,
			schoolName: c.school_name,
			teacherName: c.teacher_name,
			studentCount: Number(c.student_count ?? 0)
		})),
		schools: schools.map((s) => ({ id: s.id, name: s.name, city: s.city }))
	};
};

export const actions: Actions = {
	create: async (event) => {
		const actor = requireUser(event, 'teacher');
		const form = await event.request.formData();
		const input = { name: field(form, 'name'), schoolId: field(form, 'schoolId') };
		const { db } = await getServices();
		let id: string;
		try {
			id = await createClassroom(db, actor, input);
		} catch (err) {
			return failOn(err, input);
		}
		redirect(303, `/classroom/${id}?created=1`);
	}
};
