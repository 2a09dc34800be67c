import type { ObjectStore } from '../storage/object-store.ts';

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
