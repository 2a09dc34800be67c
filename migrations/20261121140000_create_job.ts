import { sql, type Kysely } from 'kysely';

/**
 * Durable background jobs (image processing first). A job is claimed by setting a lease
 * (`locked_until`); a worker that dies mid-job simply lets the lease run out and another
 * worker claims it again, which is how work survives a restart.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('job')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('payload', 'text', (c) => c.notNull())
		.addColumn('status', 'text', (c) => c.notNull())
		.addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('max_attempts', 'integer', (c) => c.notNull())
		.addColumn('run_after', 'bigint', (c) => c.notNull())
		.addColumn('locked_until', 'bigint')
		.addColumn('last_error', 'text')
		.addColumn('result', 'text')
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.addColumn('updated_at', 'bigint', (c) => c.notNull())
		.addCheckConstraint('job_status_check', sql`status in ('queued', 'running', 'done', 'failed')`)
		.addCheckConstraint('job_attempts_check', sql`attempts >= 0 and max_attempts >= 1`)
		.execute();
	await db.schema.createIndex('job_due_idx').on('job').columns(['status', 'run_after']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('job').execute();
}
