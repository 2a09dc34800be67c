import type { Kysely } from 'kysely';

/**
 * Screening rounds may offer a third answer, "maybe" (worth half a yes), or keep to a strict
 * yes/no when the organizer wants judges to commit. Other methods ignore the column.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('judging_round')
		.addColumn('allow_maybe', 'integer', (c) => c.notNull().defaultTo(1))
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('judging_round').dropColumn('allow_maybe').execute();
}
