// A half-judged round's results, as the organizer's page and the CSV read them, on SQLite and
// PostgreSQL: best rank first within each band, artworks without a score last. SQL's
// `ORDER BY rank` put the unranked first on SQLite only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db/database.ts';
import * as resultRepo from '../../src/lib/server/judging/result.repository.ts';
import { exportRoundCsv, getRoundResults } from '../../src/lib/server/judging/results.service.ts';
import { createRound } from '../../src/lib/server/judging/round.service.ts';
import { freshDatabase, testDatabases } from './helpers/databases.ts';
import { addJudgingWorld, ROUND_INPUT, type JudgingTestWorld } from './helpers/judging-world.ts';

const NOW = Date.parse('2026-12-04T04:00:00Z');

describe.each(testDatabases())('round results order on $name', ({ url }) => {
	let db: Db;
	let world: JudgingTestWorld;

	beforeAll(async () => {
		db = await freshDatabase(url);
		world = await addJudgingWorld(db, { perSchool: 2, judges: 1, now: NOW });
	});
	afterAll(() => db.destroy());

	it('lists the best rank first and unscored artworks last, band by band', async () => {
		const roundId = await createRound(db, world.organizer, world.contestId, ROUND_INPUT, NOW);
		const band = world.bands[0]!;
		// Entry 0 and 2 unscored; entry 3 ranked 2nd, entry 1 ranked 1st; all in one band.
		const ranks = [null, 1, null, 2];
		await resultRepo.insertResults(
			db,
			db,
			world.entries.map((entryId, i) => ({
				round_id: roundId,
				entry_id: entryId,
				age_band_id: band,
				judge_count: ranks[i] === null ? 0 : 2,
				display: ranks[i] === null ? null : 10 - ranks[i]!,
				z_mean: null,
				raw_mean: null,
				median: null,
				rank: ranks[i] ?? null,
				tie_rule: null,
				advanced: ranks[i] === 1 ? 1 : 0,
				flagged: 0,
				override_reason: null
			}))
		);
		const results = await getRoundResults(db, world.organizer, world.contestId, roundId);
		expect(results.map((r) => r.rank)).toEqual([1, 2, null, null]);
		expect(results[0]!.entryId).toBe(world.entries[1]);
		const csv = await exportRoundCsv(db, world.organizer, world.contestId, roundId);
		const csvRanks = csv
			.split(/\r?\n/)
			.filter((line) => line.startsWith('result,'))
			.map((line) => line.split(',')[9]);
		expect(csvRanks).toEqual(['1', '2', '', '']);
	});
});
