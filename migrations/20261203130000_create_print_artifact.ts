import { sql, type Kysely } from 'kysely';

/**
 * What an organizer asked the printer's side of a contest for: the wall labels PDF or the
 * print pack zip. One row per contest and kind, replaced on each request; the queue job fills
 * `done`/`total` as it goes (the page shows the progress) and sets `object_key` only once the
 * file is complete in storage, so a half-made file is never offered.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('print_artifact')
		.addColumn('contest_id', 'text', (c) => c.notNull())
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('job_id', 'text', (c) => c.notNull())
		.addColumn('status', 'text', (c) => c.notNull())
		.addColumn('done', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('total', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('object_key', 'text')
		.addColumn('bytes', 'bigint')
		.addColumn('error', 'text')
		.addColumn('requested_by', 'text')
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.addColumn('updated_at', 'bigint', (c) => c.notNull())
		.addPrimaryKeyConstraint('print_artifact_pk', ['contest_id', 'kind'])
		.addForeignKeyConstraint('print_artifact_contest_fk', ['contest_id'], 'contest', ['id'], (fk) =>
			fk.onDelete('cascade')
		)
		.addCheckConstraint('print_artifact_kind_check', sql`kind in ('labels', 'pack')`)
		.addCheckConstraint(
			'print_artifact_status_check',
			sql`status in ('queued', 'running', 'done', 'failed')`
		)
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('print_artifact').execute();
}
