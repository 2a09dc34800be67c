// The restore drill on every supported database: a backup taken from a live database restores
// into an empty one with every row, the integrity check passes, and the storage check finds each
// object the database names — and reports what is missing or not referenced.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig, type DatabaseConfig } from '../../src/lib/server/config.ts';
import { createDatabase, type Db } from '../../src/lib/server/db/database.ts';
import { newId } from '../../src/lib/server/ids.ts';
import {
	backupDatabase,
	checkIntegrity,
	restoreDatabase
} from '../../src/lib/server/ops/backup.ts';
import { checkStorage } from '../../src/lib/server/ops/storage-check.ts';
import { createLocalStore } from '../../src/lib/server/storage/local-store.ts';
import { freshDatabase, testDatabases } from './helpers/databases.ts';
import { addClassroom, addSchool, addUser } from './helpers/fixtures.ts';

async function count(db: Db, table: 'student' | 'classroom' | 'drawing'): Promise<number> {
	const row = await db
		.selectFrom(table)
		.select((eb) => eb.fn.countAll<number | string>().as('n'))
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

describe.each(testDatabases())('backup and restore on $name', ({ name, url }) => {
	let db: Db;
	let dir: string;
	let config: DatabaseConfig;
	let target: DatabaseConfig;
	let restoreDb = '';

	beforeAll(async () => {
		db = await freshDatabase(url);
		config = parseConfig({ DATABASE_URL: url }).database;
		dir = await mkdtemp(path.join(tmpdir(), 'sprout-backup-'));
		if (name === 'sqlite') {
			target = parseConfig({ DATABASE_URL: `sqlite:${path.join(dir, 'restored.db')}` }).database;
		} else {
			restoreDb = `sprout_restore_${Date.now().toString(36)}`;
			await sql`create database ${sql.id(restoreDb)}`.execute(db);
			const u = new URL(url);
			u.pathname = `/${restoreDb}`;
			target = parseConfig({ DATABASE_URL: u.toString() }).database;
		}
	});
	afterAll(async () => {
		if (restoreDb) await sql`drop database if exists ${sql.id(restoreDb)} with (force)`.execute(db);
		await db?.destroy();
		await rm(dir, { recursive: true, force: true });
	});

	it('restores every row into an empty database, and the storage check agrees', async () => {
		const teacher = await addUser(db, 'teacher');
		const classroom = await addClassroom(db, teacher.id, await addSchool(db), 3);
		const store = createLocalStore(path.join(dir, 'objects'));
		const studentId = classroom.students[0]!.id;
		const docKey = `private/drawings/${studentId}/d1.json`;
		await store.put(docKey, Buffer.from('{"v":2}'), { contentType: 'application/json' });
		await db
			.insertInto('drawing')
			.values({
				id: newId(),
				student_id: studentId,
				title: '绿色家园',
				width: 800,
				height: 600,
				op_count: 1,
				revision: 1,
				doc_key: docKey,
				doc_bytes: 7,
				thumb_key: null,
				created_at: 1,
				updated_at: 1
			})
			.execute();

		const backup = await backupDatabase(db, config, path.join(dir, 'backups'));
		expect(backup.bytes).toBeGreaterThan(0);
		expect(path.basename(backup.file)).toMatch(/^sprout-\d{8}T\d{6}Z\.(db|dump)$/);

		// Never over a database that has data in it.
		await expect(restoreDatabase(db, config, backup.file)).rejects.toThrow(/refusing to restore/);

		const empty = createDatabase(target);
		await restoreDatabase(empty, target, backup.file);
		// SQLite's was closed by the restore (its file was replaced); PostgreSQL's pool is ours.
		await empty.destroy().catch(() => {});
		const restored = createDatabase(target);
		try {
			expect(await count(restored, 'student')).toBe(3);
			expect(await count(restored, 'classroom')).toBe(1);
			expect(await count(restored, 'drawing')).toBe(1);
			expect(await checkIntegrity(restored, target)).toEqual([]);

			const ok = await checkStorage(restored, store);
			expect(ok).toMatchObject({ referenced: 1, stored: 1, missing: [], orphans: [] });

			await store.put('private/drawings/nobody/x.json', Buffer.from('{}'), {
				contentType: 'application/json'
			});
			await store.delete(docKey);
			const bad = await checkStorage(restored, store);
			expect(bad.missing).toEqual([{ table: 'drawing', id: expect.any(String), key: docKey }]);
			expect(bad.orphans).toEqual(['private/drawings/nobody/x.json']);
		} finally {
			await restored.destroy();
		}
	});
});
