import { sql, type Kysely } from 'kysely';

/**
 * Judging: ordered rounds per contest, the judges and their blind assignments, every kind of
 * judgement (rubric scores, screening votes, pairwise outcomes, panel rankings), the computed
 * results, the awards, and an audit trail of score changes. Uniqueness lives in the database
 * (one score per judge + entry + criterion, one outcome per judge + pair) so concurrent saves
 * can never duplicate a judgement, whatever the application does.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('judging_round')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('contest_id', 'text', (c) =>
			c.notNull().references('contest.id').onDelete('cascade')
		)
		.addColumn('position', 'integer', (c) => c.notNull())
		.addColumn('method', 'text', (c) => c.notNull())
		.addColumn('scope', 'text', (c) => c.notNull())
		.addColumn('per_band', 'integer', (c) => c.notNull().defaultTo(1))
		.addColumn('opens_at', 'bigint')
		.addColumn('closes_at', 'bigint')
		.addColumn('per_entry', 'integer', (c) => c.notNull())
		.addColumn('status', 'text', (c) => c.notNull())
		.addColumn('advance_kind', 'text', (c) => c.notNull())
		.addColumn('advance_value', 'integer', (c) => c.notNull())
		.addColumn('disagreement', 'double precision', (c) => c.notNull())
		// Keys the judges' opaque entry handles; never leaves the server.
		.addColumn('handle_secret', 'text', (c) => c.notNull())
		.addColumn('closed_reason', 'text')
		.addColumn('closed_at', 'bigint')
		.addColumn('closed_by', 'text', (c) => c.references('app_user.id').onDelete('set null'))
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.addColumn('updated_at', 'bigint', (c) => c.notNull())
		.addUniqueConstraint('judging_round_position_unique', ['contest_id', 'position'])
		.addCheckConstraint(
			'judging_round_method_check',
			sql`method in ('screening', 'rubric', 'pairwise', 'panel')`
		)
		.addCheckConstraint('judging_round_scope_check', sql`scope in ('all', 'advanced')`)
		.addCheckConstraint('judging_round_status_check', sql`status in ('draft', 'open', 'closed')`)
		.addCheckConstraint(
			'judging_round_advance_check',
			sql`advance_kind in ('top_n', 'top_percent') and advance_value >= 0`
		)
		.addCheckConstraint('judging_round_per_entry_check', sql`per_entry between 1 and 20`)
		.execute();

	await db.schema
		.createTable('rubric_criterion')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('round_id', 'text', (c) =>
			c.notNull().references('judging_round.id').onDelete('cascade')
		)
		.addColumn('position', 'integer', (c) => c.notNull())
		.addColumn('weight', 'double precision', (c) => c.notNull())
		.addColumn('min_value', 'integer', (c) => c.notNull())
		.addColumn('max_value', 'integer', (c) => c.notNull())
		// JSON {"zh-CN", "en", "fr"}: judges read them in their own language.
		.addColumn('label', 'text', (c) => c.notNull())
		.addColumn('description', 'text', (c) => c.notNull())
		.addCheckConstraint('rubric_criterion_scale_check', sql`min_value < max_value and weight > 0`)
		.execute();
	await db.schema
		.createIndex('rubric_criterion_round_idx')
		.on('rubric_criterion')
		.columns(['round_id', 'position'])
		.execute();

	await db.schema
		.createTable('round_judge')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('round_id', 'text', (c) =>
			c.notNull().references('judging_round.id').onDelete('cascade')
		)
		.addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
		.addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
		.addColumn('joined_at', 'bigint', (c) => c.notNull())
		.addColumn('left_at', 'bigint')
		.addUniqueConstraint('round_judge_user_unique', ['round_id', 'user_id'])
		.execute();

	// Schools a judge declared a link to: the conflict-of-interest rule reads these.
	await db.schema
		.createTable('judge_school')
		.addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
		.addColumn('school_id', 'text', (c) => c.notNull().references('school.id').onDelete('cascade'))
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.addPrimaryKeyConstraint('judge_school_pk', ['user_id', 'school_id'])
		.execute();

	await db.schema
		.createTable('judge_invite')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('round_id', 'text', (c) =>
			c.notNull().references('judging_round.id').onDelete('cascade')
		)
		// SHA-256 of the token in the link; the token itself is shown once and never stored.
		.addColumn('token_hash', 'text', (c) => c.notNull())
		.addColumn('expires_at', 'bigint', (c) => c.notNull())
		.addColumn('used_at', 'bigint')
		.addColumn('used_by', 'text', (c) => c.references('app_user.id').onDelete('set null'))
		.addColumn('created_by', 'text', (c) => c.references('app_user.id').onDelete('set null'))
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.addUniqueConstraint('judge_invite_token_unique', ['token_hash'])
		.execute();

	await db.schema
		.createTable('judge_assignment')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('round_id', 'text', (c) =>
			c.notNull().references('judging_round.id').onDelete('cascade')
		)
		.addColumn('judge_id', 'text', (c) =>
			c.notNull().references('round_judge.id').onDelete('cascade')
		)
		.addColumn('entry_id', 'text', (c) => c.notNull().references('entry.id').onDelete('cascade'))
		.addColumn('position', 'integer', (c) => c.notNull())
		.addColumn('calibration', 'integer', (c) => c.notNull().defaultTo(0))
		// The only name this judge ever sees for the entry.
		.addColumn('handle', 'text', (c) => c.notNull())
		.addColumn('recused_at', 'bigint')
		.addColumn('done_at', 'bigint')
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.addUniqueConstraint('judge_assignment_entry_unique', ['judge_id', 'entry_id'])
		.addUniqueConstraint('judge_assignment_handle_unique', ['judge_id', 'handle'])
		.execute();
	await db.schema
		.createIndex('judge_assignment_round_entry_idx')
		.on('judge_assignment')
		.columns(['round_id', 'entry_id'])
		.execute();

	await db.schema
		.createTable('rubric_score')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('round_id', 'text', (c) =>
			c.notNull().references('judging_round.id').onDelete('cascade')
		)
		.addColumn('judge_id', 'text', (c) =>
			c.notNull().references('round_judge.id').onDelete('cascade')
		)
		.addColumn('entry_id', 'text', (c) => c.notNull().references('entry.id').onDelete('cascade'))
		.addColumn('criterion_id', 'text', (c) =>
			c.notNull().references('rubric_criterion.id').onDelete('cascade')
		)
		.addColumn('value', 'integer', (c) => c.notNull())
		// Goes up by one per change; a save names the revision it saw (stale → 409).
		.addColumn('revision', 'integer', (c) => c.notNull())
		.addColumn('updated_at', 'bigint', (c) => c.notNull())
		.addUniqueConstraint('rubric_score_unique', ['judge_id', 'entry_id', 'criterion_id'])
		.execute();
	await db.schema
		.createIndex('rubric_score_round_idx')
		.on('rubric_score')
		.columns(['round_id', 'entry_id'])
		.execute();

	await db.schema
		.createTable('screening_vote')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('round_id', 'text', (c) =>
			c.notNull().references('judging_round.id').onDelete('cascade')
		)
		.addColumn('judge_id', 'text', (c) =>
			c.notNull().references('round_judge.id').onDelete('cascade')
		)
		.addColumn('entry_id', 'text', (c) => c.notNull().references('entry.id').onDelete('cascade'))
		.addColumn('vote', 'text', (c) => c.notNull())
		.addColumn('revision', 'integer', (c) => c.notNull())
		.addColumn('updated_at', 'bigint', (c) => c.notNull())
		.addUniqueConstraint('screening_vote_unique', ['judge_id', 'entry_id'])
		.addCheckConstraint('screening_vote_check', sql`vote in ('yes', 'maybe', 'no')`)
		.execute();

	// A pair is stored with first_entry_id < second_entry_id so (judge, pair) is unique either way round.
	await db.schema
		.createTable('pairwise_comparison')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('round_id', 'text', (c) =>
			c.notNull().references('judging_round.id').onDelete('cascade')
		)
		.addColumn('judge_id', 'text', (c) =>
			c.notNull().references('round_judge.id').onDelete('cascade')
		)
		.addColumn('first_entry_id', 'text', (c) =>
			c.notNull().references('entry.id').onDelete('cascade')
		)
		.addColumn('second_entry_id', 'text', (c) =>
			c.notNull().references('entry.id').onDelete('cascade')
		)
		.addColumn('winner_entry_id', 'text', (c) => c.references('entry.id').onDelete('cascade'))
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.addColumn('decided_at', 'bigint')
		.addUniqueConstraint('pairwise_comparison_unique', [
			'judge_id',
			'first_entry_id',
			'second_entry_id'
		])
		.addCheckConstraint('pairwise_comparison_order_check', sql`first_entry_id < second_entry_id`)
		.execute();

	await db.schema
		.createTable('panel_ranking')
		.addColumn('round_id', 'text', (c) =>
			c.notNull().references('judging_round.id').onDelete('cascade')
		)
		.addColumn('judge_id', 'text', (c) =>
			c.notNull().references('round_judge.id').onDelete('cascade')
		)
		.addColumn('entry_id', 'text', (c) => c.notNull().references('entry.id').onDelete('cascade'))
		.addColumn('rank', 'integer', (c) => c.notNull())
		.addColumn('updated_at', 'bigint', (c) => c.notNull())
		.addPrimaryKeyConstraint('panel_ranking_pk', ['judge_id', 'entry_id'])
		.execute();

	await db.schema
		.createTable('round_result')
		.addColumn('round_id', 'text', (c) =>
			c.notNull().references('judging_round.id').onDelete('cascade')
		)
		.addColumn('entry_id', 'text', (c) => c.notNull().references('entry.id').onDelete('cascade'))
		.addColumn('age_band_id', 'text')
		.addColumn('judge_count', 'integer', (c) => c.notNull())
		.addColumn('display', 'double precision')
		.addColumn('z_mean', 'double precision')
		.addColumn('raw_mean', 'double precision')
		.addColumn('median', 'double precision')
		.addColumn('rank', 'integer')
		.addColumn('tie_rule', 'text')
		.addColumn('advanced', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('flagged', 'integer', (c) => c.notNull().defaultTo(0))
		// Set when an organizer changed `advanced` by hand.
		.addColumn('override_reason', 'text')
		.addPrimaryKeyConstraint('round_result_pk', ['round_id', 'entry_id'])
		.execute();

	await db.schema
		.createTable('award')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('contest_id', 'text', (c) =>
			c.notNull().references('contest.id').onDelete('cascade')
		)
		.addColumn('age_band_id', 'text', (c) =>
			c.references('contest_age_band.id').onDelete('cascade')
		)
		.addColumn('entry_id', 'text', (c) => c.notNull().references('entry.id').onDelete('cascade'))
		.addColumn('kind', 'text', (c) => c.notNull())
		// JSON {"zh-CN"?, "en"?, "fr"?}; empty means the standard translated name.
		.addColumn('label', 'text', (c) => c.notNull().defaultTo('{}'))
		.addColumn('position', 'integer', (c) => c.notNull())
		.addColumn('overridden_reason', 'text')
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.addColumn('updated_at', 'bigint', (c) => c.notNull())
		.addCheckConstraint('award_kind_check', sql`kind in ('gold', 'silver', 'bronze', 'honourable')`)
		.execute();
	await db.schema
		.createIndex('award_contest_idx')
		.on('award')
		.columns(['contest_id', 'age_band_id', 'position'])
		.execute();

	await db.schema
		.createTable('score_audit')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('round_id', 'text', (c) =>
			c.notNull().references('judging_round.id').onDelete('cascade')
		)
		.addColumn('judge_id', 'text', (c) =>
			c.notNull().references('round_judge.id').onDelete('cascade')
		)
		.addColumn('entry_id', 'text', (c) => c.notNull().references('entry.id').onDelete('cascade'))
		.addColumn('criterion_id', 'text')
		.addColumn('actor_user_id', 'text', (c) => c.references('app_user.id').onDelete('set null'))
		.addColumn('old_value', 'text')
		.addColumn('new_value', 'text')
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('score_audit_round_idx')
		.on('score_audit')
		.columns(['round_id', 'created_at'])
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const table of [
		'score_audit',
		'award',
		'round_result',
		'panel_ranking',
		'pairwise_comparison',
		'screening_vote',
		'rubric_score',
		'judge_assignment',
		'judge_invite',
		'judge_school',
		'round_judge',
		'rubric_criterion',
		'judging_round'
	])
		await db.schema.dropTable(table).execute();
}
