import { sql, type Kysely } from 'kysely';

/**
 * Colouring pages an organizer attaches to a contest: line art (black with alpha) at twice the
 * contest's board size, plus a small thumbnail for the studio's picker. Both objects are public
 * and content-addressed (`public/templates/<sha256>.png|.webp`), so two contests using the same
 * page share them: an object is deleted only when no row names it any more.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('contest_template')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('contest_id', 'text', (c) =>
			c.notNull().references('contest.id').onDelete('cascade')
		)
		.addColumn('label', 'text', (c) => c.notNull())
		.addColumn('image_key', 'text', (c) => c.notNull())
		.addColumn('thumb_key', 'text', (c) => c.notNull())
		.addColumn('width', 'integer', (c) => c.notNull())
		.addColumn('height', 'integer', (c) => c.notNull())
		.addColumn('position', 'integer', (c) => c.notNull())
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.addCheckConstraint('contest_template_size_check', sql`width > 0 and height > 0`)
		.execute();
	await db.schema
		.createIndex('contest_template_contest_idx')
		.on('contest_template')
		.columns(['contest_id', 'position'])
		.execute();
	await db.schema
		.createIndex('contest_template_image_idx')
		.on('contest_template')
		.column('image_key')
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('contest_template').execute();
}
