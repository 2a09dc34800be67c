import { sql, type Kysely } from 'kysely';

/**
 * People's choice: a public vote per contest, kept apart from the jury's `award` table (whose
 * CHECK allows only jury kinds) so the two results can never be mixed.
 *
 * Nothing here identifies a person. `voter` is a keyed hash of a random browser cookie; the
 * uniqueness on (contest, band, voter, day) is what enforces one vote per browser per age band
 * per day, whatever the application does. `vote_network_event.network` is a truncated hash of
 * the IP under a salt that changes every day, kept one day only to flag floods for the
 * organizer — never to de-duplicate, since a whole school shares one address.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('peoples_choice')
		.addColumn('contest_id', 'text', (c) =>
			c.primaryKey().references('contest.id').onDelete('cascade')
		)
		.addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('opens_at', 'bigint')
		.addColumn('closes_at', 'bigint')
		// "Close now": the vote ends here even if closes_at lies ahead.
		.addColumn('closed_at', 'bigint')
		.addColumn('updated_by', 'text', (c) => c.references('app_user.id').onDelete('set null'))
		.addColumn('updated_at', 'bigint', (c) => c.notNull())
		.addCheckConstraint('peoples_choice_enabled_check', sql`enabled in (0, 1)`)
		.addCheckConstraint(
			'peoples_choice_window_check',
			sql`opens_at is null or closes_at is null or opens_at < closes_at`
		)
		.execute();

	await db.schema
		.createTable('peoples_choice_vote')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('contest_id', 'text', (c) =>
			c.notNull().references('contest.id').onDelete('cascade')
		)
		.addColumn('age_band_id', 'text', (c) =>
			c.notNull().references('contest_age_band.id').onDelete('cascade')
		)
		// Deleting a child deletes their entries, and with them every vote for them.
		.addColumn('entry_id', 'text', (c) => c.notNull().references('entry.id').onDelete('cascade'))
		.addColumn('voter', 'text', (c) => c.notNull())
		// YYYY-MM-DD in the contest's time zone.
		.addColumn('vote_day', 'text', (c) => c.notNull())
		// 'burst' when its network was unusually busy at that moment; counted, shown to the organizer.
		.addColumn('flag', 'text')
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.addUniqueConstraint('peoples_choice_vote_once_unique', [
			'contest_id',
			'age_band_id',
			'voter',
			'vote_day'
		])
		.addCheckConstraint('peoples_choice_vote_flag_check', sql`flag is null or flag in ('burst')`)
		.execute();
	await db.schema
		.createIndex('peoples_choice_vote_entry_idx')
		.on('peoples_choice_vote')
		.columns(['contest_id', 'entry_id'])
		.execute();
	await db.schema
		.createIndex('peoples_choice_vote_voter_idx')
		.on('peoples_choice_vote')
		.columns(['voter', 'vote_day'])
		.execute();

	// Solved proof-of-work challenges, kept until they expire so a solution is accepted once.
	await db.schema
		.createTable('vote_challenge')
		.addColumn('nonce', 'text', (c) => c.primaryKey())
		.addColumn('expires_at', 'bigint', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('vote_challenge_expiry_idx')
		.on('vote_challenge')
		.column('expires_at')
		.execute();

	await db.schema
		.createTable('vote_network_event')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('contest_id', 'text', (c) =>
			c.notNull().references('contest.id').onDelete('cascade')
		)
		.addColumn('network', 'text', (c) => c.notNull())
		// 1 when the browser came without a voter cookie (a new one was issued).
		.addColumn('fresh_voter', 'integer', (c) => c.notNull())
		.addColumn('outcome', 'text', (c) => c.notNull())
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.addCheckConstraint(
			'vote_network_event_outcome_check',
			sql`outcome in ('counted', 'flagged', 'refused')`
		)
		.execute();
	await db.schema
		.createIndex('vote_network_event_network_idx')
		.on('vote_network_event')
		.columns(['network', 'created_at'])
		.execute();
	await db.schema
		.createIndex('vote_network_event_contest_idx')
		.on('vote_network_event')
		.columns(['contest_id', 'created_at'])
		.execute();
	await db.schema
		.createIndex('vote_network_event_created_idx')
		.on('vote_network_event')
		.column('created_at')
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('vote_network_event').execute();
	await db.schema.dropTable('vote_challenge').execute();
	await db.schema.dropTable('peoples_choice_vote').execute();
	await db.schema.dropTable('peoples_choice').execute();
}
