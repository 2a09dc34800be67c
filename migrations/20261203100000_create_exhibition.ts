import { sql, type Kysely } from 'kysely';

/**
 * The public exhibition of a contest, and what it needs per entry.
 *
 * - `exhibition`: one per contest, reached at `/exhibitions/<slug>`; published_at null means
 *   not (yet) public. The intro is JSON keyed by locale like the contest's own texts.
 * - `exhibition_entry`: the public face of one entry. `handle` is the only name a URL ever
 *   carries (random, unrelated to the internal id); `description` is the edited "child-voice"
 *   alt text (null: the child's own words); a hidden work keeps the reason it was hidden.
 *   The row holds no consent: consent is read live from guardian_consent on every request, so
 *   a withdrawal takes a work off every public page with one update.
 *
 * The indexes serve the grid: approved entries of a contest by band and date, awards by entry,
 * the handle lookup, and hidden works per contest.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('exhibition')
		.addColumn('contest_id', 'text', (c) =>
			c.primaryKey().references('contest.id').onDelete('cascade')
		)
		.addColumn('slug', 'text', (c) => c.notNull())
		.addColumn('intro', 'text', (c) => c.notNull().defaultTo('{}'))
		.addColumn('cover_entry_id', 'text', (c) => c.references('entry.id').onDelete('set null'))
		.addColumn('published_at', 'bigint')
		.addColumn('published_by', 'text', (c) => c.references('app_user.id').onDelete('set null'))
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.addColumn('updated_at', 'bigint', (c) => c.notNull())
		.addUniqueConstraint('exhibition_slug_unique', ['slug'])
		.addCheckConstraint('exhibition_slug_check', sql`length(slug) between 3 and 64`)
		.execute();
	await db.schema
		.createIndex('exhibition_published_idx')
		.on('exhibition')
		.column('published_at')
		.execute();

	await db.schema
		.createTable('exhibition_entry')
		.addColumn('entry_id', 'text', (c) => c.primaryKey().references('entry.id').onDelete('cascade'))
		.addColumn('contest_id', 'text', (c) =>
			c.notNull().references('contest.id').onDelete('cascade')
		)
		.addColumn('handle', 'text', (c) => c.notNull())
		.addColumn('description', 'text')
		.addColumn('description_by', 'text', (c) => c.references('app_user.id').onDelete('set null'))
		.addColumn('description_at', 'bigint')
		.addColumn('hidden_at', 'bigint')
		.addColumn('hidden_reason', 'text')
		.addColumn('hidden_by', 'text', (c) => c.references('app_user.id').onDelete('set null'))
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.addUniqueConstraint('exhibition_entry_handle_unique', ['handle'])
		.addCheckConstraint(
			'exhibition_entry_hidden_check',
			sql`(hidden_at is null) = (hidden_reason is null)`
		)
		.execute();
	await db.schema
		.createIndex('exhibition_entry_contest_idx')
		.on('exhibition_entry')
		.columns(['contest_id', 'hidden_at'])
		.execute();

	await db.schema
		.createIndex('entry_contest_status_created_idx')
		.on('entry')
		.columns(['contest_id', 'status', 'created_at'])
		.execute();
	await db.schema
		.createIndex('entry_contest_status_band_idx')
		.on('entry')
		.columns(['contest_id', 'status', 'age_band_id', 'created_at'])
		.execute();
	await db.schema.createIndex('award_entry_idx').on('award').column('entry_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropIndex('award_entry_idx').execute();
	await db.schema.dropIndex('entry_contest_status_band_idx').execute();
	await db.schema.dropIndex('entry_contest_status_created_idx').execute();
	await db.schema.dropTable('exhibition_entry').execute();
	await db.schema.dropTable('exhibition').execute();
}
