// npm run db:seed — migrates, then loads the demo data (once) and prints how to sign in.
import { createDatabase } from '../lib/server/db/database.ts';
import { migrateToLatest } from '../lib/server/db/migrate.ts';
import { describeDemo, seedDemo } from '../lib/server/db/seed.ts';
import { configOrExit } from './config.ts';

const config = configOrExit();
const db = createDatabase(config.database);
try {
	await migrateToLatest(db);
	const { created } = await seedDemo(db);
	console.log(created ? 'Demo data loaded.' : 'Demo data was already there; nothing changed.');
	console.log(describeDemo(config.origin ?? `http://localhost:${config.port}`));
} catch (err) {
	console.error(`Seeding failed: ${err instanceof Error ? err.message : err}`);
	process.exitCode = 1;
} finally {
	await db.destroy();
}
