import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * PostgreSQL: a round's results no longer reference their round by foreign key. Closing a
 * 10,000-entry round inserts 10,000 result rows, and PostgreSQL checks a foreign key one row at a
 * time (a lookup and a row lock each): the round's check alone was about a tenth of the close.
 * What that key guaranteed is guaranteed elsewhere:
 * - the round exists when its results are written: the close holds the round's row lock for
 *   the whole transaction that writes them;
 * - results go when their round goes: no code deletes a round on its own; a round goes only
 *   with its contest, whose entries go with it (entry.contest_id cascades), and each result
 *   row goes with its entry, whose foreign key stays (it is what a child's erasure relies on).
 * SQLite checks a key by one lookup in the round's primary key, which costs nothing worth a
 * table rebuild there, so it keeps it.
 */
function isPostgres(db: Kysely<any>): boolean {
	return db.getExecutor().adapter instanceof PostgresAdapter;
}

export async function up(db: Kysely<any>): Promise<void> {
	if (!isPostgres(db)) return;
	await sql`alter table round_result drop constraint round_result_round_id_fkey`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	if (!isPostgres(db)) return;
	// Rows whose round is gone could only come from a deletion this key would have cascaded.
	await sql`delete from round_result r
		where not exists (select 1 from judging_round j where j.id = r.round_id)`.execute(db);
	await sql`alter table round_result add constraint round_result_round_id_fkey
		foreign key (round_id) references judging_round (id) on delete cascade`.execute(db);
}
