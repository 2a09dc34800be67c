import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import {
	FileMigrationProvider,
	Migrator,
	NO_MIGRATIONS,
	type MigrationResultSet
} from 'kysely/migration';

/** Top-level `migrations/`, beside `build/` in production. */
export const MIGRATIONS_DIR = path.resolve(process.env.MIGRATIONS_DIR ?? 'migrations');

export function createMigrator(db: Kysely<any>): Migrator {
	return new Migrator({
		db,
		provider: new FileMigrationProvider({ fs, path, migrationFolder: MIGRATIONS_DIR }),
		migrationTableName: 'kysely_migration',
		migrationLockTableName: 'kysely_migration_lock'
	});
}

function unwrap(set: MigrationResultSet): string[] {
	if (set.error) {
		const failed = set.results?.find((r) => r.status === 'Error');
		const reason = set.error instanceof Error ? set.error.message : String(set.error);
		throw new Error(`migration ${failed?.migrationName ?? '(unknown)'} failed: ${reason}`);
	}
	return (set.results ?? []).map((r) => `${r.direction === 'Up' ? '↑' : '↓'} ${r.migrationName}`);
}

export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
	return unwrap(await createMigrator(db).migrateToLatest());
}

export async function migrateDown(db: Kysely<any>): Promise<string[]> {
	return unwrap(await createMigrator(db).migrateDown());
}

export async function migrateAllDown(db: Kysely<any>): Promise<string[]> {
	return unwrap(await createMigrator(db).migrateTo(NO_MIGRATIONS));
}

export async function migrationStatus(db: Kysely<any>): Promise<string[]> {
	const all = await createMigrator(db).getMigrations();
	return all.map((m) => `${m.executedAt ? 'applied' : 'pending'}  ${m.name}`);
}
