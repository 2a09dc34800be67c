// Every migration goes up, all the way down and up again on each supported dialect: a down
// migration that leaves a table behind, or an up migration that only works on a clean slate
// on one dialect, fails here.
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db/database.ts';
import {
	MIGRATIONS_DIR,
	migrateAllDown,
	migrateToLatest,
	migrationStatus
} from '../../src/lib/server/db/migrate.ts';
import { freshDatabase, testDatabases } from './helpers/databases.ts';

// Same rule as Kysely's FileMigrationProvider: scripts in the folder, declaration files excluded.
const migrationNames = readdirSync(MIGRATIONS_DIR)
	.filter((file) => /\.[cm]?[jt]s$/.test(file) && !/\.d\.[cm]?ts$/.test(file))
	.map((file) => file.slice(0, file.lastIndexOf('.')))
	.sort();

const FOUNDATION_TABLES = [
	'app_user',
	'school',
	'classroom',
	'student',
	'guardian_consent',
	'session',
	'auth_failure',
	'audit_log'
];

async function tableNames(db: Db): Promise<string[]> {
	const tables = await db.introspection.getTables();
	return tables.map((t) => t.name);
}

describe.each(testDatabases())('migrations on $name', ({ url }) => {
	let db: Db;

	beforeAll(async () => {
		db = await freshDatabase(url);
	});
	afterAll(async () => {
		await db?.destroy();
	});

	it('applies every file in migrations/', async () => {
		expect(migrationNames.length).toBeGreaterThan(0);
		expect(await migrationStatus(db)).toEqual(migrationNames.map((n) => `applied  ${n}`));
		expect(await tableNames(db)).toEqual(expect.arrayContaining(FOUNDATION_TABLES));
		// Already at the latest version: nothing left to run.
		expect(await migrateToLatest(db)).toEqual([]);
	});

	it('migrates all the way down and leaves no table behind', async () => {
		const reverted = await migrateAllDown(db);
		expect(reverted).toEqual(migrationNames.toReversed().map((n) => `↓ ${n}`));
		expect(await migrationStatus(db)).toEqual(migrationNames.map((n) => `pending  ${n}`));
		// Only Kysely's own bookkeeping tables may remain (getTables leaves them out).
		expect(await tableNames(db)).toEqual([]);
	});

	it('migrates up again after going down', async () => {
		const applied = await migrateToLatest(db);
		expect(applied).toEqual(migrationNames.map((n) => `↑ ${n}`));
		expect(await migrationStatus(db)).toEqual(migrationNames.map((n) => `applied  ${n}`));
		expect(await tableNames(db)).toEqual(expect.arrayContaining(FOUNDATION_TABLES));
	});
});
