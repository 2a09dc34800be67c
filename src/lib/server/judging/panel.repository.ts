/**
 * Queries of panel rankings: one row per (judge, entry) with its place in the judge's order and
 * the ballot's revision. A ballot is replaced as a whole, inside the caller's transaction.
 */
import { dialectOf, type Db, type Trx } from '../db/database.ts';

type Conn = Db | Trx;

export interface RankingRow {
	judge_id: string;
	entry_id: string;
	rank: number;
	revision: number;
}

export async function listRankingsOfJudge(
	db: Conn,
	roundId: string,
	judgeId: string
): Promise<RankingRow[]> {
	return db
		.selectFrom('panel_ranking')
		.select(['judge_id', 'entry_id', 'rank', 'revision'])
		.where('round_id', '=', roundId)
		.where('judge_id', '=', judgeId)
		.orderBy('rank')
		.execute();
}

export async function listRoundRankings(db: Conn, roundId: string): Promise<RankingRow[]> {
	return db
		.selectFrom('panel_ranking')
		.select(['judge_id', 'entry_id', 'rank', 'revision'])
		.where('round_id', '=', roundId)
		.orderBy('judge_id')
		.orderBy('rank')
		.execute();
}

/** Serializes one judge's ballot saves (PostgreSQL; SQLite's BEGIN IMMEDIATE already does). */
export async function lockRoundJudge(db: Db, trx: Trx, judgeId: string): Promise<void> {
	if (dialectOf(db) !== 'postgres') return;
	await trx.selectFrom('round_judge').select('id').where('id', '=', judgeId).forUpdate().execute();
}

/** Replaces the judge's rows for these entries with `order` (best first) at `revision`. */
export async function replaceBallot(
	db: Conn,
	row: {
		roundId: string;
		judgeId: string;
		/** Every entry of the group, so rows of a previous ballot never linger. */
		groupEntryIds: readonly string[];
		order: readonly string[];
		revision: number;
		now: number;
	}
): Promise<void> {
	if (row.groupEntryIds.length > 0)
		await db
			.deleteFrom('panel_ranking')
			.where('judge_id', '=', row.judgeId)
			.where('entry_id', 'in', [...row.groupEntryIds])
			.execute();
	if (row.order.length === 0) return;
	await db
		.insertInto('panel_ranking')
		.values(
			row.order.map((entryId, i) => ({
				round_id: row.roundId,
				judge_id: row.judgeId,
				entry_id: entryId,
				rank: i + 1,
				revision: row.revision,
				updated_at: row.now
			}))
		)
		.execute();
}
