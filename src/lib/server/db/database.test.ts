import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { createDatabase, sqliteHandleOf, writeTransaction, type Db } from './database.ts';

describe('SQLite statement cache', () => {
	let db: Db;
	afterEach(async () => {
		await db.destroy();
	});

	async function withRows(n: number): Promise<Db> {
		db = createDatabase({ kind: 'sqlite', file: ':memory:', url: 'sqlite::memory:' });
		await sql`create table t (id integer primary key, v text)`.execute(db);
		for (let i = 1; i <= n; i++)
			await sql`insert into t (id, v) values (${i}, ${`v${i}`})`.execute(db);
		return db;
	}

	it('answers a reused statement with the new parameters each time', async () => {
		await withRows(3);
		const read = (id: number) => sql<{ v: string }>`select v from t where id = ${id}`.execute(db);
		expect((await read(1)).rows).toEqual([{ v: 'v1' }]);
		expect((await read(2)).rows).toEqual([{ v: 'v2' }]);
		expect((await read(9)).rows).toEqual([]);
	});

	it('runs raw statements on the handle inside an open write transaction', async () => {
		await withRows(0);
		const handle = sqliteHandleOf(db)!;
		await expect(
			writeTransaction(db, async () => {
				handle.prepare('insert into t (id, v) values (?, ?)').run(1, 'kept only on commit');
				throw new Error('roll back');
			})
		).rejects.toThrow('roll back');
		expect((await sql`select count(*) as n from t`.execute(db)).rows).toEqual([{ n: 0 }]);
	});
});
