/**
 * What the public pages computed, kept for as long as the database's public version stands
 * still. The version (migration create_public_version) is bumped by triggers in the same
 * transaction as any write to what a public page shows or decides on — a withdrawn consent,
 * a hidden or erased work, a new award, an edited description, an unpublished exhibition — so
 * the first request after the commit reads a new version and recomputes: exact, never
 * time-based. Reading it is one primary-key lookup, where counting the works was thousands.
 *
 * Order matters: the version is read before the data, so data kept under a version is never
 * older than it, and values are kept per version: a request that read an older version never
 * adds to a newer version's values.
 */
import type { Db } from '../db/database.ts';

/** Views of one version: grids, artworks, counts. Least recently used go first. */
const MAX_VALUES = 2000;
const UNKNOWN = '';

let kept: { version: string; values: Map<string, Promise<unknown>> } | null = null;

/** `epoch:counter` of the database's public version; read it before reading public data. */
export async function publicVersion(db: Db): Promise<string> {
	const row = await db
		.selectFrom('public_version')
		.select(['epoch', 'n'])
		.where('id', '=', 1)
		.executeTakeFirst();
	return row ? `${row.epoch}:${row.n}` : UNKNOWN;
}

/**
 * `compute()`'s result, shared by every request that asks for `key` under the same version
 * (concurrent ones included). Callers must treat the value as read-only. A failure is not kept.
 */
export function keptFor<T>(version: string, key: string, compute: () => Promise<T>): Promise<T> {
	if (version === UNKNOWN) return compute();
	if (kept?.version !== version) kept = { version, values: new Map() };
	const values = kept.values;
	const hit = values.get(key);
	if (hit) {
		values.delete(key);
		values.set(key, hit);
		return hit as Promise<T>;
	}
	const pending = compute();
	values.set(key, pending);
	if (values.size > MAX_VALUES) values.delete(values.keys().next().value as string);
	pending.catch(() => {
		if (values.get(key) === pending) values.delete(key);
	});
	return pending;
}
