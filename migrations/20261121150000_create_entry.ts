import { sql, type Kysely } from 'kysely';

/**
 * A contest entry: one artwork by one child for one contest. The row is created first (as
 * 'receiving') so its idempotency key claims the submission before any bytes are stored.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('entry')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('contest_id', 'text', (c) =>
			c.notNull().references('contest.id').onDelete('cascade')
		)
		.addColumn('student_id', 'text', (c) =>
			c.notNull().references('student.id').onDelete('cascade')
		)
		.addColumn('age_band_id', 'text', (c) =>
			c.references('contest_age_band.id').onDelete('set null')
		)
		.addColumn('age', 'integer', (c) => c.notNull())
		.addColumn('source', 'text', (c) => c.notNull())
		.addColumn('drawing_id', 'text')
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('about', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('status', 'text', (c) => c.notNull())
		.addColumn('status_message', 'text')
		.addColumn('idempotency_key', 'text', (c) => c.notNull())
		.addColumn('payload_hash', 'text', (c) => c.notNull())
		.addColumn('original_key', 'text')
		.addColumn('media_prefix', 'text')
		.addColumn('media', 'text')
		.addColumn('submitted_by', 'text', (c) => c.references('app_user.id').onDelete('set null'))
		.addColumn('reviewed_by', 'text', (c) => c.references('app_user.id').onDelete('set null'))
		.addColumn('reviewed_at', 'bigint')
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.addColumn('updated_at', 'bigint', (c) => c.notNull())
		.addUniqueConstraint('entry_idempotency_key_unique', ['idempotency_key'])
		.addCheckConstraint('entry_source_check', sql`source in ('studio', 'upload')`)
		.addCheckConstraint(
			'entry_status_check',
			sql`status in ('receiving', 'processing', 'waiting', 'approved', 'returned', 'failed', 'disqualified')`
		)
		.execute();
	await db.schema
		.createIndex('entry_contest_status_idx')
		.on('entry')
		.columns(['contest_id', 'status'])
		.execute();
	await db.schema
		.createIndex('entry_student_idx')
		.on('entry')
		.columns(['student_id', 'contest_id'])
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('entry').execute();
}
