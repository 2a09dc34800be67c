/**
 * Where things live in the object store, for the keys more than one domain needs: a child's
 * drawings are written by drawings and removed with the child by classrooms.
 */
import type { ObjectStore } from './object-store.ts';

/** Every stored file of one child's drawings sits under this prefix. */
export function studentDrawingsPrefix(studentId: string): string {
	return `private/drawings/${studentId}/`;
}

export async function purgeStudentObjects(store: ObjectStore, studentId: string): Promise<number> {
	let count = 0;
	for await (const object of store.list(studentDrawingsPrefix(studentId))) {
		await store.delete(object.key);
		count++;
	}
	return count;
}
