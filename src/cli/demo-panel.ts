// node src/cli/demo-panel.ts [entries] — adds the panel demo beside the judging demo: a contest
// whose panel round is open for the demo judges to rank, and a past contest whose panel round
// is closed with published awards. Run after src/cli/demo-judging.ts; a second run changes nothing.
import { getConfig } from '../lib/server/config.ts';
import { createDatabase } from '../lib/server/db/database.ts';
import { migrateToLatest } from '../lib/server/db/migrate.ts';
import { seedPanelDemo } from '../lib/server/demo/seed-panel.ts';

const config = getConfig();
const db = createDatabase(config.database);
try {
	await migrateToLatest(db);
	const entries = process.argv[2] ? Number(process.argv[2]) : undefined;
	const { created, open, closed } = await seedPanelDemo(db, { entries });
	console.log(
		(created ? 'Panel demo loaded.' : 'Panel demo was already there; nothing changed.') +
			`\n  Rank a shortlist: sign in as judge@sprout.test → /judge/rounds/${open.roundId}` +
			`\n  Panel results (Schulze places, preference matrix, awards): sign in as` +
			` organizer@sprout.test → /admin/contests/${closed.contestId}/judging/${closed.roundId}`
	);
} catch (err) {
	console.error(`Panel demo failed: ${err instanceof Error ? err.stack : err}`);
	process.exitCode = 1;
} finally {
	await db.destroy();
}
