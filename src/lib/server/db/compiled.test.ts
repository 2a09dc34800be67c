import { Kysely, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { compiledOnce } from './compiled.ts';
import { createDatabase, writeTransaction, type Db } from './database.ts';
import type { Database } from './schema.ts';

// A table the app's schema does not have, reached through an untyped view of the database.
type Loose = Kysely<Record<string, Record<string, unknown>>>;
const loose = (db: Kysely<Database>) => db as unknown as Loose;

describe('compiledOnce', () => {
	let db: Db;
	afterEach(async () => {
		await db.destroy();
	});

	async function open(): Promise<Db> {
		db = createDatabase({ kind: 'sqlite', file: ':memory:', url: 'sqlite::memory:' });
		await sql`create table t (id integer primary key, kind text, v text)`.execute(db);
		await sql`insert into t (id, kind, v) values (1, 'a', 'x'), (2, 'a', 'y'), (3, 'b', 'y')`.execute(
			db
		);
		return db;
	}

	// The constant 'a' stays in the query; only the argument is re-bound on each call.
	const byValue = compiledOnce((db: Kysely<Database>, v: string) =>
		loose(db).selectFrom('t').select('id').where('kind', '=', 'a').where('v', '=', v).orderBy('id')
	);

	it('binds each call’s arguments where the markers stood, keeping the query’s constants', async () => {
		await open();
		expect((await byValue(db, 'x')).rows).toEqual([{ id: 1 }]);
		expect((await byValue(db, 'y')).rows).toEqual([{ id: 2 }]);
		expect((await byValue(db, 'z')).rows).toEqual([]);
	});

	it('runs inside a write transaction and on a connection it does not know', async () => {
		await open();
		const setV = compiledOnce((db: Kysely<Database>, id: number, v: string | null) =>
			loose(db).updateTable('t').set({ v }).where('id', '=', id)
		);
		await writeTransaction(db, async (trx) => {
			await setV(trx, 3, null);
		});
		expect((await sql`select v from t where id = 3`.execute(db)).rows).toEqual([{ v: null }]);
		// A transaction opened without writeTransaction: no template, the query is built anew.
		await db.transaction().execute(async (trx) => {
			await setV(trx, 2, 'w');
		});
		expect((await byValue(db, 'w')).rows).toEqual([{ id: 2 }]);
	});

	it('binds a row object’s fields by name, whatever order the query reads them in', async () => {
		await open();
		const insert = compiledOnce((db: Kysely<Database>, row: { v: string; id: number }) =>
			loose(db).insertInto('t').values({ id: row.id, kind: 'c', v: row.v })
		);
		await insert(db, { v: 'p', id: 4 });
		await insert(db, { id: 5, v: 'q' });
		expect(
			(await sql`select id, kind, v from t where kind = 'c' order by id`.execute(db)).rows
		).toEqual([
			{ id: 4, kind: 'c', v: 'p' },
			{ id: 5, kind: 'c', v: 'q' }
		]);
	});
});
