/**
 * Writes of a round's changeable settings (dates, rubric criteria). Kept apart from
 * judging.repository.ts; functions take `db | trx` first so services compose them.
 */
import type { Insertable } from 'kysely';
import type { Db, Trx } from '../db/database.ts';
import type { RubricCriterionTable } from '../db/schema.ts';

type Conn = Db | Trx;

/** False when the round is closed (or gone) by the time of the write. */
export async function updateRoundDates(
	db: Conn,
	roundId: string,
	dates: { opens_at: number | null; closes_at: number | null },
	now: number
): Promise<boolean> {
	const result = await db
		.updateTable('judging_round')
		.set({ ...dates, updated_at: now })
		.where('id', '=', roundId)
		.where('status', '!=', 'closed')
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

/** Replaces every criterion of the round (ids kept where given, so nothing dangles). */
export async function replaceCriteria(
	db: Conn,
	roundId: string,
	rows: Insertable<RubricCriterionTable>[]
): Promise<void> {
	await db.deleteFrom('rubric_criterion').where('round_id', '=', roundId).execute();
	if (rows.length > 0) await db.insertInto('rubric_criterion').values(rows).execute();
}
