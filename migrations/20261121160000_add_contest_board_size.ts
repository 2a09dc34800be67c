import type { Kysely } from 'kysely';

/**
 * The art board's size in pixels, chosen from a few presets (landscape, portrait, square, A4).
 * `board_orientation` stays, derived from the size, for code that only needs the shape: the
 * old 'any' meant no particular board, which is now the default landscape one.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('contest')
		.addColumn('board_width', 'integer', (c) => c.notNull().defaultTo(1600))
		.execute();
	await db.schema
		.alterTable('contest')
		.addColumn('board_height', 'integer', (c) => c.notNull().defaultTo(1200))
		.execute();
	await db
		.updateTable('contest')
		.set({ board_width: 1200, board_height: 1600 })
		.where('board_orientation', '=', 'portrait')
		.execute();
	await db
		.updateTable('contest')
		.set({ board_orientation: 'landscape' })
		.where('board_orientation', '=', 'any')
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('contest').dropColumn('board_height').execute();
	await db.schema.alterTable('contest').dropColumn('board_width').execute();
}
