// Run by `npm run demo` after the accounts are seeded: adds the open demo contest and its
// entries (see seed-demo.ts). Safe to run again.
import { ConfigError, getConfig } from '../config.ts';
import { createDatabase } from '../db/database.ts';
import { createObjectStore } from '../storage/index.ts';
import { DEMO_ENTRIES, seedDemoContest } from './seed-demo.ts';

let config;
try {
	config = getConfig();
} catch (err) {
	if (!(err instanceof ConfigError)) throw err;
	console.error(`Configuration error — ${err.message}`);
	process.exit(2);
}
const db = createDatabase(config.database);
try {
	const store = createObjectStore(config.storage);
	const { createdEntries } = await seedDemoContest({ db, store });
	console.log(
		createdEntries > 0
			? `Demo contest loaded with ${DEMO_ENTRIES.length} entries (waiting, approved, returned).`
			: 'Demo contest was already there; nothing changed.'
	);
} catch (err) {
	console.error(`Seeding the demo contest failed: ${err instanceof Error ? err.message : err}`);
	process.exitCode = 1;
} finally {
	await db.destroy();
}
