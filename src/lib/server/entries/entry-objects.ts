/**
 * The stored objects behind entries, for erasing a child: their uploads, clean originals and
 * rendition folders. Rendition folders are content-addressed (`media/<sha256>/`), so the same
 * picture sent again shares a folder; a folder goes only when no other entry uses it.
 */
import type { Db } from '../db/database.ts';
import { deletePrefix, uploadKey } from '../storage/keys.ts';
import type { ObjectStore } from '../storage/object-store.ts';
import * as repo from './entry.repository.ts';

/** Deletes a rendition folder unless an entry (other than `exceptStudentId`'s) still uses it. */
export async function releaseMediaIfUnused(
	db: Db,
	store: ObjectStore,
	prefix: string,
	exceptStudentId: string | null
): Promise<number> {
	if (await repo.isMediaPrefixInUse(db, prefix, exceptStudentId)) return 0;
	return deletePrefix(store, prefix);
}

/**
 * Deletes every object a child's entries stored and returns the entries' ids (the rows
 * themselves go with the child). Safe to run again: a second run finds nothing left to delete.
 */
export async function deleteEntryObjectsOfStudent(
	db: Db,
	store: ObjectStore,
	studentId: string
): Promise<{ entryIds: string[]; objects: number }> {
	const entries = await repo.listEntryObjectsOfStudent(db, studentId);
	let objects = 0;
	const prefixes = new Set<string>();
	for (const entry of entries) {
		// The upload as received; gone once processed, still there while it waits in the queue.
		const keys = new Set([uploadKey(entry.id)]);
		if (entry.original_key && !entry.original_key.startsWith(entry.media_prefix ?? '\0'))
			keys.add(entry.original_key);
		for (const key of keys) {
			if (await store.head(key)) objects++;
			await store.delete(key);
		}
		if (entry.media_prefix) prefixes.add(entry.media_prefix);
	}
	for (const prefix of prefixes)
		objects += await releaseMediaIfUnused(db, store, prefix, studentId);
	return { entryIds: entries.map((e) => e.id), objects };
}
