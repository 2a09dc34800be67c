// node src/cli/demo-exhibition.ts [entries] — adds the exhibition demo (a past contest with a
// published exhibition, awards and consents) to the configured database and storage. Run after
// the main seed; a second run changes nothing.
import { getConfig } from '../lib/server/config.ts';
import { createDatabase } from '../lib/server/db/database.ts';
import { migrateToLatest } from '../lib/server/db/migrate.ts';
import {
	DEMO_EXHIBITION_CONTEST_ID,
	seedExhibitionDemo
} from '../lib/server/demo/seed-exhibition.ts';
import { seedPeoplesChoiceDemo } from '../lib/server/demo/seed-vote.ts';
import { findUserByEmail } from '../lib/server/users/user.repository.ts';
import { createObjectStore } from '../lib/server/storage/index.ts';

const config = getConfig();
const db = createDatabase(config.database);
try {
	await migrateToLatest(db);
	const entries = process.argv[2] ? Number(process.argv[2]) : undefined;
	const result = await seedExhibitionDemo(
		{ db, store: createObjectStore(config.storage) },
		{ entries }
	);
	// The people's choice, open, with a few of yesterday's votes.
	const organizer = await findUserByEmail(db, 'organizer@sprout.test');
	if (organizer && (await seedPeoplesChoiceDemo(db, DEMO_EXHIBITION_CONTEST_ID, organizer.id)))
		console.log("People's choice switched on for the exhibition demo.");
	console.log(
		result.created
			? `Exhibition demo loaded: /exhibitions/${result.slug}`
			: 'Exhibition demo was already there; nothing changed.'
	);
} catch (err) {
	console.error(`Exhibition demo failed: ${err instanceof Error ? err.stack : err}`);
	process.exitCode = 1;
} finally {
	await db.destroy();
}
