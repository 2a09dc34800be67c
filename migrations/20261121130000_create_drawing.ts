import type { Kysely } from 'kysely';

/**
 * A child's drawing as synced from the studio. The document JSON and its thumbnail live in
 * object storage under keys that carry the revision, so a save never overwrites the bytes
 * the row still points at.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('drawing')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('student_id', 'text', (c) =>
			c.notNull().references('student.id').onDelete('cascade')
		)
		.addColumn('title', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('width', 'integer', (c) => c.notNull())
		.addColumn('height', 'integer', (c) => c.notNull())
		.addColumn('op_count', 'integer', (c) => c.notNull())
		.addColumn('revision', 'integer', (c) => c.notNull())
		.addColumn('doc_key', 'text', (c) => c.notNull())
		.addColumn('doc_bytes', 'integer', (c) => c.notNull())
		.addColumn('thumb_key', 'text')
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.addColumn('updated_at', 'bigint', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('drawing_student_idx')
		.on('drawing')
		.columns(['student_id', 'updated_at'])
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('drawing').execute();
}
