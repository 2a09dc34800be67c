/**
 * Where things live in the object store, for the keys more than one domain needs: a child's
 * drawings are written by drawings and removed with the child by the erasure service.
 */
import type { ObjectStore } from './object-store.ts';

/** Every stored file of one child's drawings sits under this prefix. */
export function studentDrawingsPrefix(studentId: string): string {
	return `private/drawings/${studentId}/`;
}

/** Private key of an entry's upload as received, before processing. */
export function uploadKey(entryId: string): string {
	return `private/uploads/${entryId}`;
}

/** Deletes every object under `prefix`; returns how many there were. */
export async function deletePrefix(store: ObjectStore, prefix: string): Promise<number> {
	let count = 0;
	for await (const object of store.list(prefix)) {
		await store.delete(object.key);
		count++;
	}
	return count;
}

export function purgeStudentObjects(store: ObjectStore, studentId: string): Promise<number> {
	return deletePrefix(store, studentDrawingsPrefix(studentId));
}
