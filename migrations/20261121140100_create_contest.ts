import { sql, type Kysely } from 'kysely';

/**
 * Contests. Title, theme, brief and rules are JSON text keyed by locale
 * (`{"zh-CN": …, "en": …, "fr": …}`; zh-CN always present, the others fall back to it) so a
 * fourth language needs no migration. The window is stored as instants (epoch ms) computed
 * from the local date-time in the contest's own time zone, which is kept for display.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('contest')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('theme', 'text', (c) => c.notNull().defaultTo('{}'))
		.addColumn('brief', 'text', (c) => c.notNull().defaultTo('{}'))
		.addColumn('rules', 'text', (c) => c.notNull().defaultTo('{}'))
		.addColumn('time_zone', 'text', (c) => c.notNull().defaultTo('Asia/Shanghai'))
		.addColumn('opens_at', 'bigint')
		.addColumn('closes_at', 'bigint')
		.addColumn('entries_per_child', 'integer', (c) => c.notNull().defaultTo(1))
		.addColumn('board_orientation', 'text', (c) => c.notNull().defaultTo('any'))
		.addColumn('allow_studio', 'integer', (c) => c.notNull().defaultTo(1))
		.addColumn('allow_upload', 'integer', (c) => c.notNull().defaultTo(1))
		.addColumn('created_by', 'text', (c) => c.references('app_user.id').onDelete('set null'))
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.addColumn('updated_at', 'bigint', (c) => c.notNull())
		.addCheckConstraint(
			'contest_status_check',
			sql`status in ('draft', 'open', 'closed', 'judging', 'results', 'exhibited', 'archived')`
		)
		.addCheckConstraint(
			'contest_board_orientation_check',
			sql`board_orientation in ('landscape', 'portrait', 'any')`
		)
		.addCheckConstraint(
			'contest_window_check',
			sql`opens_at is null or closes_at is null or opens_at < closes_at`
		)
		.addCheckConstraint('contest_entries_per_child_check', sql`entries_per_child between 1 and 10`)
		.execute();
	await db.schema
		.createIndex('contest_status_idx')
		.on('contest')
		.columns(['status', 'closes_at'])
		.execute();

	await db.schema
		.createTable('contest_age_band')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('contest_id', 'text', (c) =>
			c.notNull().references('contest.id').onDelete('cascade')
		)
		.addColumn('label', 'text', (c) => c.notNull())
		.addColumn('min_age', 'integer', (c) => c.notNull())
		.addColumn('max_age', 'integer', (c) => c.notNull())
		.addColumn('position', 'integer', (c) => c.notNull())
		.addCheckConstraint(
			'contest_age_band_ages_check',
			sql`min_age >= 4 and max_age <= 18 and min_age <= max_age`
		)
		.execute();
	await db.schema
		.createIndex('contest_age_band_contest_idx')
		.on('contest_age_band')
		.column('contest_id')
		.execute();

	await db.schema
		.createTable('contest_school')
		.addColumn('contest_id', 'text', (c) =>
			c.notNull().references('contest.id').onDelete('cascade')
		)
		.addColumn('school_id', 'text', (c) => c.notNull().references('school.id').onDelete('cascade'))
		.addPrimaryKeyConstraint('contest_school_pk', ['contest_id', 'school_id'])
		.execute();
	await db.schema
		.createIndex('contest_school_school_idx')
		.on('contest_school')
		.column('school_id')
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const table of ['contest_school', 'contest_age_band', 'contest']) {
		await db.schema.dropTable(table).execute();
	}
}
