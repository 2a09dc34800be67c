// npm run db:backup [-- --out <folder>]   (default folder: ./backups)
// A consistent copy of the database, taken while Sprout runs. See README "Backups".
import { getConfig } from '../lib/server/config.ts';
import { createDatabase } from '../lib/server/db/database.ts';
import { backupDatabase } from '../lib/server/ops/backup.ts';

const args = process.argv.slice(2);
const outIndex = args.indexOf('--out');
const directory = outIndex >= 0 ? args[outIndex + 1] : './backups';
if (!directory || args.some((a, i) => a !== '--out' && i !== outIndex + 1)) {
	console.error('Usage: npm run db:backup [-- --out <folder>]');
	process.exit(2);
}
const config = getConfig().database;
const db = createDatabase(config);
try {
	const { file, bytes } = await backupDatabase(db, config, directory);
	console.log(`Backup written: ${file} (${(bytes / 1024 / 1024).toFixed(1)} MB)`);
} catch (err) {
	console.error(`Backup failed: ${err instanceof Error ? err.message : err}`);
	process.exitCode = 1;
} finally {
	await db.destroy();
}
