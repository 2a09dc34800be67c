import type { Kysely } from 'kysely';

/**
 * Jobs remember an ongoing outage of the database or object store: when it began and how many
 * times they have waited for it. Waiting does not use up the job's attempts (those are for
 * failures of the work itself), and the growing wait is computed from `outage_retries`.
 * One column per statement: SQLite's ALTER TABLE adds one at a time.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('job')
		.addColumn('outage_retries', 'integer', (c) => c.notNull().defaultTo(0))
		.execute();
	await db.schema.alterTable('job').addColumn('outage_since', 'bigint').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('job').dropColumn('outage_since').execute();
	await db.schema.alterTable('job').dropColumn('outage_retries').execute();
}
