import type { Kysely } from 'kysely';

/**
 * One-time links an admin hands to an adult who lost their password (no mail server needed).
 * Only the SHA-256 of the secret is kept, as with sessions; `used_at` makes a link single-use.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('password_reset')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
		.addColumn('token_hash', 'text', (c) => c.notNull().unique())
		.addColumn('created_by', 'text', (c) => c.references('app_user.id').onDelete('set null'))
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.addColumn('expires_at', 'bigint', (c) => c.notNull())
		.addColumn('used_at', 'bigint')
		.execute();
	await db.schema
		.createIndex('password_reset_user_idx')
		.on('password_reset')
		.column('user_id')
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('password_reset').execute();
}
