/**
 * Do the database and the object store agree? After a restore (or a storage incident) every key
 * the database names must exist; objects nobody names are reported, never deleted: an upload
 * still in flight looks exactly like an orphan.
 */
import type { Db } from '../db/database.ts';
import type { ObjectStore } from '../storage/object-store.ts';

export interface MissingObject {
	table: string;
	id: string;
	key: string;
}

export interface StorageReport {
	referenced: number;
	stored: number;
	missing: MissingObject[];
	orphans: string[];
}

interface Reference {
	table: string;
	id: string;
	key: string;
}

function mediaKeys(media: string | null): string[] {
	if (!media) return [];
	try {
		const parsed = JSON.parse(media) as { variants?: { key?: unknown }[] };
		return (parsed.variants ?? []).flatMap((v) => (typeof v.key === 'string' ? [v.key] : []));
	} catch {
		return [];
	}
}

/** Every object key the database refers to, with the row that refers to it. */
export async function listReferencedKeys(db: Db): Promise<Reference[]> {
	const [drawings, entries, templates] = await Promise.all([
		db.selectFrom('drawing').select(['id', 'doc_key', 'thumb_key']).execute(),
		db.selectFrom('entry').select(['id', 'original_key', 'media']).execute(),
		db.selectFrom('contest_template').select(['id', 'image_key', 'thumb_key']).execute()
	]);
	const refs: Reference[] = [];
	const add = (table: string, id: string, key: string | null) => {
		if (key) refs.push({ table, id, key });
	};
	for (const d of drawings) {
		add('drawing', d.id, d.doc_key);
		add('drawing', d.id, d.thumb_key);
	}
	for (const e of entries) {
		add('entry', e.id, e.original_key);
		for (const key of mediaKeys(e.media)) add('entry', e.id, key);
	}
	for (const t of templates) {
		add('contest_template', t.id, t.image_key);
		add('contest_template', t.id, t.thumb_key);
	}
	return refs;
}

export async function checkStorage(db: Db, store: ObjectStore): Promise<StorageReport> {
	const refs = await listReferencedKeys(db);
	const stored = new Set<string>();
	for await (const object of store.list('')) stored.add(object.key);
	const referenced = new Set(refs.map((r) => r.key));
	return {
		referenced: referenced.size,
		stored: stored.size,
		missing: refs.filter((r) => !stored.has(r.key)),
		orphans: [...stored].filter((key) => !referenced.has(key)).sort()
	};
}
