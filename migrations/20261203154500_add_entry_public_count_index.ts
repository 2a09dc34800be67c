import { PostgresAdapter, type Kysely } from 'kysely';

/**
 * PostgreSQL: the public pages' counts (per filter, per band, per school) visit every public
 * work of a contest; with every column they need from `entry` in one index, the planner reads
 * the index instead of scanning the whole table. SQLite already answers them from its existing
 * (contest, status, …) indexes, and another candidate index there could only change its
 * untuned (never ANALYZEd) choices for the page queries, so it gets none.
 */
function isPostgres(db: Kysely<any>): boolean {
	return db.getExecutor().adapter instanceof PostgresAdapter;
}

export async function up(db: Kysely<any>): Promise<void> {
	if (!isPostgres(db)) return;
	await db.schema
		.createIndex('entry_public_count_idx')
		.on('entry')
		.columns(['contest_id', 'status', 'age_band_id', 'student_id', 'id'])
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	if (!isPostgres(db)) return;
	await db.schema.dropIndex('entry_public_count_idx').execute();
}
