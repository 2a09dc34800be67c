import type { Db } from '../db/database.ts';

export async function insertPasswordReset(
	db: Db,
	row: {
		id: string;
		userId: string;
		tokenHash: string;
		createdBy: string;
		createdAt: number;
		expiresAt: number;
	}
): Promise<void> {
	await db
		.insertInto('password_reset')
		.values({
			id: row.id,
			user_id: row.userId,
			token_hash: row.tokenHash,
			created_by: row.createdBy,
			created_at: row.createdAt,
			expires_at: row.expiresAt,
			used_at: null
		})
		.execute();
}

/** Unused links of one user: a new link replaces them. */
export async function deleteUnusedResets(db: Db, userId: string): Promise<void> {
	await db
		.deleteFrom('password_reset')
		.where('user_id', '=', userId)
		.where('used_at', 'is', null)
		.execute();
}

/** A link that may still be used, with the account it opens. */
export async function findUsableReset(db: Db, tokenHash: string, now: number) {
	return db
		.selectFrom('password_reset')
		.innerJoin('app_user', 'app_user.id', 'password_reset.user_id')
		.select([
			'password_reset.id',
			'password_reset.user_id',
			'password_reset.expires_at',
			'app_user.email',
			'app_user.display_name',
			'app_user.disabled_at'
		])
		.where('password_reset.token_hash', '=', tokenHash)
		.where('password_reset.used_at', 'is', null)
		.where('password_reset.expires_at', '>', now)
		.executeTakeFirst();
}

/** Marks the link used; false when another request used it first. */
export async function markResetUsed(db: Db, id: string, now: number): Promise<boolean> {
	const result = await db
		.updateTable('password_reset')
		.set({ used_at: now })
		.where('id', '=', id)
		.where('used_at', 'is', null)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}
