// npm run db:migrate [-- up | down | status]
import { getConfig } from '../lib/server/config.ts';
import { createDatabase } from '../lib/server/db/database.ts';
import { migrateDown, migrateToLatest, migrationStatus } from '../lib/server/db/migrate.ts';

const command = process.argv[2] ?? 'up';
const actions: Record<string, (db: ReturnType<typeof createDatabase>) => Promise<string[]>> = {
	up: migrateToLatest,
	down: migrateDown,
	status: migrationStatus
};
const action = actions[command];
if (!action) {
	console.error(`Unknown command "${command}". Use: up | down | status`);
	process.exit(2);
}
const db = createDatabase(getConfig().database);
try {
	const lines = await action(db);
	console.log(lines.length ? lines.join('\n') : 'Nothing to do: the database is up to date.');
} catch (err) {
	console.error(err instanceof Error ? err.message : err);
	process.exitCode = 1;
} finally {
	await db.destroy();
}
