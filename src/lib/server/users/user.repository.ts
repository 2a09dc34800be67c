import type { Db } from '../db/database.ts';
import type { Role } from '../db/schema.ts';

const PUBLIC_COLUMNS = [
	'id',
	'email',
	'display_name',
	'role',
	'is_admin',
	'disabled_at',
	'created_at'
] as const;

export async function findUserByEmail(db: Db, email: string) {
	return db
		.selectFrom('app_user')
		.select([...PUBLIC_COLUMNS, 'password_hash'])
		.where('email', '=', email)
		.executeTakeFirst();
}

export async function findUserById(db: Db, id: string) {
	return db.selectFrom('app_user').select(PUBLIC_COLUMNS).where('id', '=', id).executeTakeFirst();
}

export async function listUsers(db: Db) {
	return db
		.selectFrom('app_user')
		.select(PUBLIC_COLUMNS)
		.orderBy('role')
		.orderBy('email')
		.execute();
}

export async function listUsersByRole(db: Db, role: Role) {
	return db
		.selectFrom('app_user')
		.select(['id', 'display_name', 'email'])
		.where('role', '=', role)
		.where('disabled_at', 'is', null)
		.orderBy('display_name')
		.execute();
}

export async function insertUser(
	db: Db,
	user: {
		id: string;
		email: string;
		displayName: string;
		role: Role;
		isAdmin: boolean;
		passwordHash: string;
	}
): Promise<void> {
	await db
		.insertInto('app_user')
		.values({
			id: user.id,
			email: user.email,
			display_name: user.displayName,
			role: user.role,
			is_admin: user.isAdmin ? 1 : 0,
			password_hash: user.passwordHash,
			locale: null,
			disabled_at: null,
			created_at: Date.now()
		})
		.execute();
}

export async function setUserDisabled(db: Db, id: string, disabledAt: number | null) {
	await db.updateTable('app_user').set({ disabled_at: disabledAt }).where('id', '=', id).execute();
}

export async function setUserPasswordHash(db: Db, id: string, passwordHash: string) {
	await db
		.updateTable('app_user')
		.set({ password_hash: passwordHash })
		.where('id', '=', id)
		.execute();
}

export async function countActiveAdmins(db: Db, exceptId?: string): Promise<number> {
	let q = db
		.selectFrom('app_user')
		.select((eb) => eb.fn.countAll<number | string>().as('n'))
		.where('role', '=', 'organizer')
		.where('is_admin', '=', 1)
		.where('disabled_at', 'is', null);
	if (exceptId) q = q.where('id', '<>', exceptId);
	const row = await q.executeTakeFirstOrThrow();
	return Number(row.n);
}
