import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql, type Transaction } from 'kysely';
import pg from 'pg';
import type { DatabaseConfig } from '../config.ts';
import type { Database } from './schema.ts';
import { errorText, log } from '../log.ts';

export type Db = Kysely<Database>;
export type Trx = Transaction<Database>;
export type DialectKind = DatabaseConfig['kind'];

const dialects = new WeakMap<Db, DialectKind>();

// int8 (bigint) comes back as a string by default; our bigints are epoch milliseconds,
// well inside Number's safe range, and both dialects must hand back the same type.
pg.types.setTypeParser(20, (v) => Number(v));

export function createDatabase(config: DatabaseConfig): Db {
	let db: Db;
	if (config.kind === 'sqlite') {
		if (config.file !== ':memory:') mkdirSync(path.dirname(config.file), { recursive: true });
		const sqlite = new SQLite(config.file);
		sqlite.pragma('journal_mode = WAL');
		sqlite.pragma('busy_timeout = 5000');
		sqlite.pragma('foreign_keys = ON');
		sqlite.pragma('synchronous = NORMAL');
		db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
	} else {
		const pool = new pg.Pool({
			connectionString: config.url,
			max: 10,
			connectionTimeoutMillis: 5000
		});
		// An idle client losing its connection must not crash the process.
		pool.on('error', (err) =>
			log('error', 'idle PostgreSQL client error', { error: errorText(err) })
		);
		db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
	}
	dialects.set(db, config.kind);
	return db;
}

export function dialectOf(db: Db): DialectKind {
	const kind = dialects.get(db);
	if (!kind) throw new Error('database was not created by createDatabase');
	return kind;
}

/**
 * Runs `fn` in a transaction that may read and then write. On SQLite it starts with
 * BEGIN IMMEDIATE: a plain BEGIN takes the write lock only at the first write and then fails
 * with SQLITE_BUSY, whatever busy_timeout says, if another connection wrote in between.
 */
export async function writeTransaction<T>(db: Db, fn: (trx: Trx) => Promise<T>): Promise<T> {
	if (dialectOf(db) === 'postgres') return db.transaction().execute(fn);
	return db.connection().execute(async (conn) => {
		await sql`begin immediate`.execute(conn);
		try {
			// The connection-bound instance behaves as a transaction for our repositories.
			const result = await fn(conn as unknown as Trx);
			await sql`commit`.execute(conn);
			return result;
		} catch (err) {
			await sql`rollback`.execute(conn);
			throw err;
		}
	});
}

/** Cheap round trip used by /healthz and start-up. */
export async function pingDatabase(db: Db): Promise<void> {
	await sql`select 1`.execute(db);
}
