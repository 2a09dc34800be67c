// npm run db:verify
// After a restore or a storage incident: is the database sound, and does every object it names
// exist in storage? Exits 1 when something is missing; orphans are listed, never deleted.
import { getConfig } from '../lib/server/config.ts';
import { createDatabase } from '../lib/server/db/database.ts';
import { migrationStatus } from '../lib/server/db/migrate.ts';
import { checkIntegrity } from '../lib/server/ops/backup.ts';
import { checkStorage } from '../lib/server/ops/storage-check.ts';
import { createObjectStore } from '../lib/server/storage/index.ts';

const config = getConfig();
const db = createDatabase(config.database);
try {
	const problems = await checkIntegrity(db, config.database);
	console.log(
		problems.length ? `Database integrity: ${problems.join('; ')}` : 'Database integrity: ok'
	);
	const pending = (await migrationStatus(db)).filter((line) => line.startsWith('pending'));
	if (pending.length)
		console.log(`Migrations not yet applied (start-up applies them): ${pending.length}`);
	const report = await checkStorage(db, createObjectStore(config.storage));
	console.log(`Objects referenced: ${report.referenced}, stored: ${report.stored}`);
	for (const m of report.missing) console.log(`  MISSING ${m.key} (${m.table} ${m.id})`);
	console.log(
		`Missing: ${report.missing.length}. Not referenced (left alone): ${report.orphans.length}`
	);
	for (const key of report.orphans.slice(0, 50)) console.log(`  orphan ${key}`);
	if (problems.length || report.missing.length) process.exitCode = 1;
} catch (err) {
	console.error(`Verify failed: ${err instanceof Error ? err.message : err}`);
	process.exitCode = 1;
} finally {
	await db.destroy();
}
