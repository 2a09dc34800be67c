// 20261205090000 drops round_result's foreign key to its round on PostgreSQL (closing a big
// round checked it 10,000 times). Results already stored must come through it unchanged, and
// what the key guaranteed must still hold: results go with their entry and with their contest.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectOf, type Db } from '../../src/lib/server/db/database.ts';
import { createRubricRound } from '../../src/lib/server/judging/round.service.ts';
import { down, up } from '../../migrations/20261205090000_drop_round_result_round_fk.ts';
import { freshDatabase, testDatabases } from './helpers/databases.ts';
import { addJudgingContest, ROUND_INPUT } from './helpers/judging-fixtures.ts';

const NOW = Date.parse('2026-12-03T15:00:00Z');

/** The tables round_result's foreign keys point at. */
async function referencedTables(db: Db): Promise<string[]> {
	if (dialectOf(db) === 'sqlite') {
		const rows = await sql<{
			table: string;
		}>`select "table" from pragma_foreign_key_list('round_result')`.execute(db);
		return rows.rows.map((r) => r.table).sort();
	}
	const rows = await sql<{ table: string }>`select confrelid::regclass::text as "table"
		from pg_constraint where conrelid = 'round_result'::regclass and contype = 'f'`.execute(db);
	return rows.rows.map((r) => r.table).sort();
}

describe.each(testDatabases())(
	'round results through migration 20261205090000 on $name',
	({ name, url }) => {
		let db: Db;
		beforeAll(async () => (db = await freshDatabase(url)));
		afterAll(() => db.destroy());

		it('keeps stored results, and results still go with their entry and their contest', async () => {
			await down(db);
			expect(await referencedTables(db)).toEqual(['entry', 'judging_round']);
			const world = await addJudgingContest(db, 2, NOW);
			const roundId = await createRubricRound(db, world.organizer, world.contestId, ROUND_INPUT);
			const stored = world.entries.map((entryId, i) => ({
				round_id: roundId,
				entry_id: entryId,
				age_band_id: null,
				judge_count: 3,
				display: 0.1 + i / 7,
				z_mean: -1 / 3 + i,
				raw_mean: 0.5,
				median: 0.25,
				rank: i + 1,
				tie_rule: 'score',
				advanced: i === 0 ? 1 : 0,
				flagged: 0,
				override_reason: i === 0 ? 'a kept reason' : null
			}));
			await db.insertInto('round_result').values(stored).execute();

			await up(db);
			expect(await referencedTables(db)).toEqual(
				name === 'postgres' ? ['entry'] : ['entry', 'judging_round']
			);
			const read = await db.selectFrom('round_result').selectAll().orderBy('rank').execute();
			expect(read).toEqual(stored);

			await db.deleteFrom('entry').where('id', '=', world.entries[0]!).execute();
			expect(await db.selectFrom('round_result').select('entry_id').execute()).toHaveLength(
				stored.length - 1
			);
			await db.deleteFrom('contest').where('id', '=', world.contestId).execute();
			expect(await db.selectFrom('round_result').select('entry_id').execute()).toEqual([]);
		});
	}
);
