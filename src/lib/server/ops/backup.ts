/**
 * Database backups an operator can take while Sprout runs, and restore into an empty database.
 * SQLite: `VACUUM INTO` writes a consistent, compacted copy from a live connection (readers and
 * the writer carry on). PostgreSQL: `pg_dump --format=custom`, restored with `pg_restore`; both
 * come with the PostgreSQL client package. Objects in storage are backed up by the store's own
 * tools (bucket versioning or replication, or a copy of STORAGE_DIR); `verifyBackup` checks that
 * the two still agree.
 */
import { spawn } from 'node:child_process';
import { copyFile, mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'kysely';
import type { DatabaseConfig } from '../config.ts';
import type { Db } from '../db/database.ts';

export interface BackupResult {
	file: string;
	bytes: number;
}

function run(command: string, args: string[]): Promise<void> {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
		let stderr = '';
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		child.on('error', (err) =>
			reject(
				new Error(`could not run ${command} (is the PostgreSQL client installed?): ${err.message}`)
			)
		);
		child.on('close', (code) =>
			code === 0 ? resolve() : reject(new Error(`${command} exited with ${code}: ${stderr.trim()}`))
		);
	});
}

/** A file name that sorts by time and never overwrites an earlier backup. */
export function backupFileName(config: DatabaseConfig, now = new Date()): string {
	const stamp = now
		.toISOString()
		.replace(/[-:]/g, '')
		.replace(/\.\d+Z$/, 'Z');
	return `sprout-${stamp}.${config.kind === 'sqlite' ? 'db' : 'dump'}`;
}

export async function backupDatabase(
	db: Db,
	config: DatabaseConfig,
	directory: string,
	now = new Date()
): Promise<BackupResult> {
	await mkdir(directory, { recursive: true });
	const file = path.resolve(directory, backupFileName(config, now));
	if (config.kind === 'sqlite') {
		await sql`vacuum into ${file}`.execute(db);
	} else {
		await run('pg_dump', ['--format=custom', '--no-owner', `--file=${file}`, config.url]);
	}
	return { file, bytes: (await stat(file)).size };
}

/**
 * Restores a backup into the database `config` names, which must be empty (a restore drill, or
 * a new server): overwriting a live database by mistake is the one thing a backup tool must
 * never do. Run migrations afterwards (start-up does) to bring an older backup up to date.
 */
export async function restoreDatabase(db: Db, config: DatabaseConfig, file: string): Promise<void> {
	const tables = await db.introspection.getTables();
	if (tables.length > 0)
		throw new Error(
			`refusing to restore: the target database already has ${tables.length} tables (use an empty one)`
		);
	if (config.kind === 'sqlite') {
		if (config.file === ':memory:') throw new Error('cannot restore into an in-memory database');
		await db.destroy();
		await copyFile(file, config.file);
	} else {
		await run('pg_restore', ['--no-owner', '--exit-on-error', `--dbname=${config.url}`, file]);
	}
}

/** SQLite's own check of every page and index; PostgreSQL checks its pages as it reads them. */
export async function checkIntegrity(db: Db, config: DatabaseConfig): Promise<string[]> {
	if (config.kind !== 'sqlite') return [];
	const { rows } = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(db);
	return rows.map((r) => r.integrity_check).filter((text) => text !== 'ok');
}
