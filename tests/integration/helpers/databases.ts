// Integration tests run against every database the app supports: always SQLite, and PostgreSQL
// when TEST_DATABASE_URL points at one (required in CI; .ci/run sets it up).
//
//   describe.each(testDatabases())('… on $name', ({ url }) => {
//   	let db: Db;
//   	beforeAll(async () => (db = await freshDatabase(url)));
//   	afterAll(() => db.destroy());
//   });
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { parseConfig } from '../../../src/lib/server/config.ts';
import { createDatabase, type Db } from '../../../src/lib/server/db/database.ts';
import { migrateToLatest } from '../../../src/lib/server/db/migrate.ts';

export interface TestDatabase {
	name: 'sqlite' | 'postgres';
	url: string;
}

let warned = false;
const tempDirs: string[] = [];
process.once('exit', () => {
	for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

/** SQLite (a fresh file per call) plus PostgreSQL when TEST_DATABASE_URL is set. */
export function testDatabases(): TestDatabase[] {
	const dir = mkdtempSync(path.join(tmpdir(), 'sprout-test-'));
	tempDirs.push(dir);
	const databases: TestDatabase[] = [{ name: 'sqlite', url: `sqlite:${dir}/test.db` }];

	const postgresUrl = process.env.TEST_DATABASE_URL?.trim();
	if (postgresUrl) {
		databases.push({ name: 'postgres', url: postgresUrl });
	} else if (process.env.CI) {
		throw new Error(
			'TEST_DATABASE_URL is not set, but PostgreSQL is required in CI: set ' +
				'TEST_DATABASE_URL=postgresql://user@host/db (.ci/run creates one).'
		);
	} else if (!warned) {
		warned = true;
		console.warn(
			'[integration] PostgreSQL tests skipped: set TEST_DATABASE_URL=postgresql://… to run them'
		);
	}
	return databases;
}

/**
 * A migrated database with no rows. On PostgreSQL the public schema is dropped first, so each
 * test file starts clean (integration files run one at a time: fileParallelism is off).
 * The caller destroys it (`afterAll(() => db.destroy())`).
 */
export async function freshDatabase(url: string): Promise<Db> {
	const config = parseConfig({ DATABASE_URL: url }).database;
	const db = createDatabase(config);
	try {
		if (config.kind === 'postgres') {
			await sql`drop schema if exists public cascade`.execute(db);
			await sql`create schema public`.execute(db);
		}
		await migrateToLatest(db);
	} catch (err) {
		await db.destroy();
		throw err;
	}
	return db;
}
