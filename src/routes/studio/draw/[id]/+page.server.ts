import { error } from '@sveltejs/kit';
import { requireStudent } from '$lib/server/http';
import type { PageServerLoad } from './$types';

/** Drawing ids are generated client-side; anything else is not a drawing of ours. */
const DRAWING_ID = /^[a-z0-9-]{1,40}$/;

export const load: PageServerLoad = (event) => {
	const student = requireStudent(event);
	const { id } = event.params;
	if (!DRAWING_ID.test(id)) error(404, { message: 'Not found', key: 'error.notFound' });
	return { id, studentId: student.id };
};
