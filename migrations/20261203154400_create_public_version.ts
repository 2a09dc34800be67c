import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * One counter that moves, in the same transaction, with every write to a table whose rows
 * the public pages show or decide on (consent, entries, handles and hiding, awards, the
 * exhibition, the contest, its bands, children, classes, schools, the vote's settings).
 * The public pages keep what they rendered only for as long as this counter is unchanged:
 * one primary-key read per request instead of counting every work, and nothing stale ever
 * shown, because the database itself bumps it — no code path can forget to. Votes are left
 * out on purpose: totals are shown only once a vote is closed, when no vote moves any more.
 *
 * `epoch` is random per database, so a process that meets a fresh database (tests) never
 * mistakes its counter for the old one's.
 *
 * PostgreSQL bumps from a deferred constraint trigger, at commit, once per transaction: the
 * counter row's lock is then taken last and held for an instant, so writers never wait on it
 * while holding other locks (no deadlock) and a bulk delete updates it once, not per row.
 */
const TABLES = [
	'guardian_consent',
	'entry',
	'exhibition_entry',
	'exhibition',
	'contest',
	'contest_age_band',
	'award',
	'student',
	'classroom',
	'school',
	'peoples_choice'
];

function isPostgres(db: Kysely<any>): boolean {
	return db.getExecutor().adapter instanceof PostgresAdapter;
}

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('public_version')
		.addColumn('id', 'integer', (c) => c.primaryKey())
		.addColumn('epoch', 'text', (c) => c.notNull())
		.addColumn('n', 'bigint', (c) => c.notNull().defaultTo(0))
		// PostgreSQL only: the transaction that last bumped it (one bump per transaction).
		.addColumn('tx', 'bigint')
		.addCheckConstraint('public_version_single_check', sql`id = 1`)
		.execute();
	await db
		.insertInto('public_version')
		.values({ id: 1, epoch: crypto.randomUUID(), n: 0, tx: null })
		.execute();

	if (isPostgres(db)) {
		await sql`create function public_version_bump() returns trigger language plpgsql as $$
			begin
				update public_version set n = n + 1, tx = txid_current()
				where id = 1 and tx is distinct from txid_current();
				return null;
			end $$`.execute(db);
		for (const table of TABLES) {
			await sql`create constraint trigger ${sql.raw(`${table}_public_version`)}
				after insert or update or delete on ${sql.table(table)}
				deferrable initially deferred for each row
				execute function public_version_bump()`.execute(db);
			// TRUNCATE fires no row trigger.
			await sql`create trigger ${sql.raw(`${table}_public_version_truncate`)}
				after truncate on ${sql.table(table)}
				for each statement execute function public_version_bump()`.execute(db);
		}
		return;
	}
	for (const table of TABLES) {
		for (const event of ['insert', 'update', 'delete']) {
			await sql`create trigger ${sql.raw(`${table}_public_version_${event}`)}
				after ${sql.raw(event)} on ${sql.table(table)}
				begin update public_version set n = n + 1 where id = 1; end`.execute(db);
		}
	}
}

export async function down(db: Kysely<any>): Promise<void> {
	if (isPostgres(db)) {
		for (const table of TABLES) {
			await sql`drop trigger ${sql.raw(`${table}_public_version`)} on ${sql.table(table)}`.execute(
				db
			);
			await sql`drop trigger ${sql.raw(`${table}_public_version_truncate`)} on ${sql.table(table)}`.execute(
				db
			);
		}
		await sql`drop function public_version_bump()`.execute(db);
	} else {
		for (const table of TABLES)
			for (const event of ['insert', 'update', 'delete'])
				await sql`drop trigger ${sql.raw(`${table}_public_version_${event}`)}`.execute(db);
	}
	await db.schema.dropTable('public_version').execute();
}
