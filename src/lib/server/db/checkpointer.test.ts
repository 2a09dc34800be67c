import SQLite from 'better-sqlite3';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SAFETY_NET_PAGES, startCheckpointer } from './checkpointer.ts';

const dirs: string[] = [];
afterEach(() => {
	for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A WAL database whose log holds ~2 MB the database file does not have yet. */
function databaseWithLog(): { sqlite: SQLite.Database; file: string } {
	const dir = mkdtempSync(path.join(tmpdir(), 'sprout-checkpoint-'));
	dirs.push(dir);
	const file = path.join(dir, 'test.db');
	const sqlite = new SQLite(file);
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('wal_autocheckpoint = 0');
	sqlite.exec('create table t (v text)');
	const insert = sqlite.prepare('insert into t (v) values (?)');
	sqlite.transaction(() => {
		for (let i = 0; i < 2000; i++) insert.run('x'.repeat(1000));
	})();
	return { sqlite, file };
}

async function until(check: () => boolean, ms = 5000): Promise<void> {
	const end = Date.now() + ms;
	while (!check()) {
		if (Date.now() > end) throw new Error('timed out');
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
}

describe('startCheckpointer', () => {
	it('copies the log into the database file from its own thread', async () => {
		const { sqlite, file } = databaseWithLog();
		expect(statSync(file).size).toBeLessThan(100_000);
		const checkpointer = startCheckpointer(sqlite, 20);
		expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(SAFETY_NET_PAGES);
		await until(() => statSync(file).size > 2_000_000);
		// What the server wrote is all there, read through the file the worker filled.
		expect(sqlite.prepare('select count(*) from t').pluck().get()).toBe(2000);
		await checkpointer.stop();
		expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
		sqlite.close();
	});

	it('stops cleanly when the server has already closed its connection', async () => {
		const { sqlite } = databaseWithLog();
		const checkpointer = startCheckpointer(sqlite, 20);
		sqlite.close();
		await expect(checkpointer.stop()).resolves.toBeUndefined();
	});
});
