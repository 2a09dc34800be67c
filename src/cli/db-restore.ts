// DATABASE_URL=<an empty database> npm run db:restore -- <backup file>
// Restores into an EMPTY database only (a restore drill, or a new server); then run
// `npm run db:verify` and start Sprout on it. See README "Backups".
import { existsSync } from 'node:fs';
import { getConfig } from '../lib/server/config.ts';
import { createDatabase } from '../lib/server/db/database.ts';
import { restoreDatabase } from '../lib/server/ops/backup.ts';

const file = process.argv[2];
if (!file || process.argv.length > 3 || !existsSync(file)) {
	console.error('Usage: DATABASE_URL=<empty database> npm run db:restore -- <backup file>');
	process.exit(2);
}
const config = getConfig().database;
const db = createDatabase(config);
try {
	await restoreDatabase(db, config, file);
	console.log(`Restored ${file}. Next: npm run db:verify`);
} catch (err) {
	console.error(`Restore failed: ${err instanceof Error ? err.message : err}`);
	process.exitCode = 1;
} finally {
	await db.destroy().catch(() => {});
}
