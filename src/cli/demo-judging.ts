// node src/cli/demo-judging.ts [entries] [--restart] — adds the judging demo (a contest in judging with
// real drawn entries, an open rubric round, three judges) to the configured database and
// storage, and beside it a contest with published results for the ceremony page. Run after the
// main seed (src/lib/server/db/seed-cli.ts); a second run changes nothing. With --restart, the
// demo contest's rounds, scores and awards are replaced by a fresh open round, to judge again.
import { getConfig } from '../lib/server/config.ts';
import { createDatabase } from '../lib/server/db/database.ts';
import { migrateToLatest } from '../lib/server/db/migrate.ts';
import { seedCeremonyDemo } from '../lib/server/demo/seed-ceremony.ts';
import {
	DEMO_JUDGES,
	DEMO_JUDGING_TEACHERS,
	restartJudgingDemo,
	seedJudgingDemo
} from '../lib/server/demo/seed-judging.ts';
import { createObjectStore } from '../lib/server/storage/index.ts';

const config = getConfig();
const db = createDatabase(config.database);
try {
	await migrateToLatest(db);
	const args = process.argv.slice(2);
	const count = args.find((a) => /^\d+$/.test(a));
	const entries = count ? Number(count) : undefined;
	const result = await seedJudgingDemo(
		{ db, store: createObjectStore(config.storage) },
		{ entries }
	);
	const accounts = (list: readonly { email: string; password: string }[]) =>
		list.map((a) => `  ${a.email} / ${a.password}`).join('\n');
	if (result.created)
		console.log(
			`Judging demo loaded (round ${result.roundId}). Judges:\n${accounts(DEMO_JUDGES)}\n` +
				`Teachers of its two schools:\n${accounts(DEMO_JUDGING_TEACHERS)}`
		);
	else if (args.includes('--restart'))
		console.log(`Judging demo restarted: round ${await restartJudgingDemo(db)}, no scores yet.`);
	else console.log('Judging demo was already there; nothing changed.');
	// Beside it, last spring's contest with results, for the ceremony page.
	if (await seedCeremonyDemo(db))
		console.log('Ceremony demo loaded (contest democeremonycontest).');
} catch (err) {
	console.error(`Judging demo failed: ${err instanceof Error ? err.stack : err}`);
	process.exitCode = 1;
} finally {
	await db.destroy();
}
