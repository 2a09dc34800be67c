import type { Kysely } from 'kysely';

/**
 * A panel judge's ranking is saved as a whole; every row of one ballot carries the ballot's
 * revision so a save can name the revision it saw and a stale one (another tab) gets a 409,
 * like rubric scores and screening votes. Rows written before this column start at 1.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('panel_ranking')
		.addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('panel_ranking').dropColumn('revision').execute();
}
