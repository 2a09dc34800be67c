import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import {
	CompiledQuery,
	Kysely,
	PostgresDialect,
	SqliteDialect,
	sql,
	type Transaction
} from 'kysely';
import pg from 'pg';
import type { DatabaseConfig } from '../config.ts';
import type { Database } from './schema.ts';
import { errorText, log } from '../log.ts';

export type Db = Kysely<Database>;
export type Trx = Transaction<Database>;
export type DialectKind = DatabaseConfig['kind'];

const dialects = new WeakMap<Db | Trx, DialectKind>();
const sqliteHandles = new WeakMap<Db, SQLite.Database>();

/** Statements longer than this (bulk inserts) are not worth keeping compiled. */
const CACHED_SQL_MAX = 4000;
const CACHED_STATEMENTS = 300;

/**
 * Kysely's SQLite driver prepares every query anew; preparing costs more than running the short
 * queries a request makes (a score save makes about ten), so compiled statements are kept per
 * SQL text, least recently used first out. A statement still iterating is never handed out twice.
 */
function withStatementCache(sqlite: SQLite.Database) {
	const cache = new Map<string, SQLite.Statement>();
	return {
		close: () => sqlite.close(),
		prepare(text: string): SQLite.Statement {
			if (text.length > CACHED_SQL_MAX) return sqlite.prepare(text);
			const cached = cache.get(text);
			if (cached && !cached.busy) {
				cache.delete(text);
				cache.set(text, cached);
				return cached;
			}
			const statement = sqlite.prepare(text);
			cache.set(text, statement);
			if (cache.size > CACHED_STATEMENTS) cache.delete(cache.keys().next().value as string);
			return statement;
		}
	};
}

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
		db = new Kysely<Database>({
			dialect: new SqliteDialect({ database: withStatementCache(sqlite) })
		});
		sqliteHandles.set(db, sqlite);
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

/** Like dialectOf, but undefined for a transaction opened some other way. */
export function knownDialectOf(db: Db | Trx): DialectKind | undefined {
	return dialects.get(db);
}

/** The dialect of a database, or of a transaction writeTransaction opened on one. */
export function dialectOf(db: Db | Trx): DialectKind {
	const kind = knownDialectOf(db);
	if (!kind) throw new Error('database was not created by createDatabase');
	return kind;
}

/**
 * The better-sqlite3 handle behind a SQLite `db` (null on PostgreSQL), for the few bulk writes
 * where Kysely's per-row query building costs more than the database work. It is the very
 * connection Kysely uses (SQLite has one), so statements run on it join an open transaction.
 */
export function sqliteHandleOf(db: Db): SQLite.Database | null {
	return sqliteHandles.get(db) ?? null;
}

// Compiled once: a score save opens one of these transactions on every key press.
const BEGIN_IMMEDIATE = CompiledQuery.raw('begin immediate');
const COMMIT = CompiledQuery.raw('commit');
const ROLLBACK = CompiledQuery.raw('rollback');

/**
 * Runs `fn` in a transaction that may read and then write. On SQLite it starts with
 * BEGIN IMMEDIATE: a plain BEGIN takes the write lock only at the first write and then fails
 * with SQLITE_BUSY, whatever busy_timeout says, if another connection wrote in between.
 */
export async function writeTransaction<T>(db: Db, fn: (trx: Trx) => Promise<T>): Promise<T> {
	if (dialectOf(db) === 'postgres')
		return db.transaction().execute((trx) => {
			dialects.set(trx, 'postgres');
			return fn(trx);
		});
	return db.connection().execute(async (conn) => {
		// The connection-bound instance behaves as a transaction for our repositories.
		const trx = conn as unknown as Trx;
		dialects.set(trx, 'sqlite');
		await conn.executeQuery(BEGIN_IMMEDIATE);
		try {
			const result = await fn(trx);
			await conn.executeQuery(COMMIT);
			return result;
		} catch (err) {
			await conn.executeQuery(ROLLBACK);
			throw err;
		}
	});
}

/** Cheap round trip used by /healthz and start-up. */
export async function pingDatabase(db: Db): Promise<void> {
	await sql`select 1`.execute(db);
}
