import { error } from '@sveltejs/kit';
import { ClassroomServiceError } from './classroom.service.ts';

/** A class the actor may not manage looks exactly like one that does not exist. */
export function classroomNotFound(err: unknown): never {
	if (err instanceof ClassroomServiceError && err.code === 'classroom.error.notFound')
		error(404, { message: 'Not found', key: 'classroom.error.notFound' });
	throw err;
}
