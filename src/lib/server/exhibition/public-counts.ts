/**
 * Counting 10,000 public works (with their consents) on every page view costs more than the
 * page itself, so counts are kept per contest — but only for as long as a fingerprint of
 * everything that decides "public now" is unchanged. The fingerprint is read on every request
 * (a few index-only aggregates), so a withdrawal, a hidden work, a deleted child, a new award or
 * an unpublished exhibition changes it and the next request recounts: nothing stale is ever
 * shown. Only counts are kept; the works themselves are always read live.
 */
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';

const MAX_CONTESTS = 64;

interface Entry {
	fingerprint: string;
	values: Map<string, unknown>;
}

const cache = new Map<string, Entry>();

/**
 * Each part moves whenever a public fact moves: consents are only ever inserted (a change of
 * mind is a new row) or stamped withdrawn; entries get a new updated_at on every status move
 * and leave with a deleted child; a hide stamps a newer hidden_at; awards and the exhibition
 * row carry their own updated_at.
 */
export async function publicFingerprint(db: Db, contestId: string): Promise<string> {
	const { rows } = await sql<Record<string, unknown>>`select
		(select count(*) from guardian_consent) as c_all,
		(select count(*) from guardian_consent where withdrawn_at is null) as c_active,
		(select max(recorded_at) from guardian_consent) as c_last,
		(select max(withdrawn_at) from guardian_consent) as c_withdrawn,
		(select count(*) from entry where contest_id = ${contestId}) as e_all,
		(select max(updated_at) from entry where contest_id = ${contestId}) as e_last,
		(select count(*) from entry where contest_id = ${contestId} and status = 'approved') as e_ok,
		(select count(*) from exhibition_entry where contest_id = ${contestId} and hidden_at is null) as x_shown,
		(select max(hidden_at) from exhibition_entry where contest_id = ${contestId}) as x_hidden,
		(select count(*) from award where contest_id = ${contestId}) as a_all,
		(select max(updated_at) from award where contest_id = ${contestId}) as a_last,
		(select published_at from exhibition where contest_id = ${contestId}) as p_at,
		(select updated_at from exhibition where contest_id = ${contestId}) as p_upd,
		(select status from contest where id = ${contestId}) as s`.execute(db);
	return JSON.stringify(Object.values(rows[0] ?? {}).map((v) => (v === null ? null : String(v))));
}

/** `compute()` unless this contest's counts under `key` were taken at the same fingerprint. */
export async function cachedCount<T>(
	db: Db,
	contestId: string,
	fingerprint: string,
	key: string,
	compute: () => Promise<T>
): Promise<T> {
	let entry = cache.get(contestId);
	if (!entry || entry.fingerprint !== fingerprint) {
		entry = { fingerprint, values: new Map() };
		cache.delete(contestId);
		cache.set(contestId, entry);
		if (cache.size > MAX_CONTESTS) cache.delete(cache.keys().next().value as string);
	}
	if (entry.values.has(key)) return entry.values.get(key) as T;
	const value = await compute();
	// Only kept if nothing moved while counting.
	if ((await publicFingerprint(db, contestId)) === fingerprint) entry.values.set(key, value);
	return value;
}
