import { requireStudent } from '$lib/server/http';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const student = requireStudent(event);
	return { pseudonym: student.pseudonym, avatar: student.avatar, studentId: student.id };
};
