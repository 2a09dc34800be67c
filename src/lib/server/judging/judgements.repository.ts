/**
 * Queries of the screening and pairwise judgements (votes and comparisons). Kept apart from
 * judging.repository.ts, which holds rounds, judges, assignments and rubric scores. Functions
 * take `db | trx` first so services compose them inside one transaction.
 */
import type { Kysely } from 'kysely';
import type { Db, Trx } from '../db/database.ts';
import type { ScreeningVote } from '../db/schema.ts';

type Conn = Db | Trx;

// ── Revisioned judgements (rubric scores and screening votes) ──────────────────────────────

/** Tables whose rows carry the revision a judge's save names (stale → 409), and their value. */
const REVISIONED = { rubric_score: 'value', screening_vote: 'vote' } as const;
export type RevisionedTable = keyof typeof REVISIONED;

/**
 * Compare-and-set on the revision the judge saw: the value changes and the revision goes up by
 * one only if nobody changed it since; false when another save got in between.
 */
export async function compareAndSet(
	db: Conn,
	table: RevisionedTable,
	id: string,
	fromRevision: number,
	value: number | ScreeningVote,
	now: number
): Promise<boolean> {
	const result = await (db as Kysely<RevisionedRows>)
		.updateTable(table)
		.set({ [REVISIONED[table]]: value, revision: fromRevision + 1, updated_at: now })
		.where('id', '=', id)
		.where('revision', '=', fromRevision)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

/** A judge takes a score or vote back (undo to "not judged"). */
export async function deleteJudgement(db: Conn, table: RevisionedTable, id: string): Promise<void> {
	await (db as Kysely<RevisionedRows>).deleteFrom(table).where('id', '=', id).execute();
}

/** The columns compareAndSet touches, the same in both tables. */
type RevisionedRows = Record<
	RevisionedTable,
	{ id: string; revision: number; updated_at: number; value: number; vote: ScreeningVote }
>;

// ── Screening votes ─────────────────────────────────────────────────────────────────────────

export async function listVotesOfJudge(db: Conn, roundId: string, judgeId: string) {
	return db
		.selectFrom('screening_vote')
		.select(['id', 'entry_id', 'vote', 'revision'])
		.where('round_id', '=', roundId)
		.where('judge_id', '=', judgeId)
		.execute();
}

export async function findVote(db: Conn, judgeId: string, entryId: string) {
	return db
		.selectFrom('screening_vote')
		.select(['id', 'vote', 'revision'])
		.where('judge_id', '=', judgeId)
		.where('entry_id', '=', entryId)
		.executeTakeFirst();
}

export async function listRoundVotes(db: Conn, roundId: string) {
	return db
		.selectFrom('screening_vote')
		.select(['judge_id', 'entry_id', 'vote'])
		.where('round_id', '=', roundId)
		.execute();
}

export async function insertVote(
	db: Conn,
	row: {
		id: string;
		roundId: string;
		judgeId: string;
		entryId: string;
		vote: ScreeningVote;
		now: number;
	}
): Promise<void> {
	await db
		.insertInto('screening_vote')
		.values({
			id: row.id,
			round_id: row.roundId,
			judge_id: row.judgeId,
			entry_id: row.entryId,
			vote: row.vote,
			revision: 1,
			updated_at: row.now
		})
		.execute();
}

// ── Pairwise comparisons ────────────────────────────────────────────────────────────────────

export interface ComparisonRow {
	id: string;
	judge_id: string;
	first_entry_id: string;
	second_entry_id: string;
	winner_entry_id: string | null;
	created_at: number;
	decided_at: number | null;
}

const COMPARISON_COLUMNS = [
	'id',
	'judge_id',
	'first_entry_id',
	'second_entry_id',
	'winner_entry_id',
	'created_at',
	'decided_at'
] as const;

/** Every comparison of the round, handed out or decided, oldest first (the reliability curve). */
export async function listRoundComparisons(db: Conn, roundId: string): Promise<ComparisonRow[]> {
	return db
		.selectFrom('pairwise_comparison')
		.select(COMPARISON_COLUMNS)
		.where('round_id', '=', roundId)
		.orderBy('decided_at')
		.orderBy('created_at')
		.orderBy('id')
		.execute();
}

/** One judge's comparisons in the order they were handed out. */
export async function listComparisonsOfJudge(
	db: Conn,
	roundId: string,
	judgeId: string
): Promise<ComparisonRow[]> {
	return db
		.selectFrom('pairwise_comparison')
		.select(COMPARISON_COLUMNS)
		.where('round_id', '=', roundId)
		.where('judge_id', '=', judgeId)
		.orderBy('created_at')
		.orderBy('id')
		.execute();
}

export async function insertComparisons(
	db: Conn,
	rows: {
		id: string;
		roundId: string;
		judgeId: string;
		firstEntryId: string;
		secondEntryId: string;
		now: number;
	}[]
): Promise<void> {
	if (rows.length === 0) return;
	await db
		.insertInto('pairwise_comparison')
		.values(
			rows.map((r) => ({
				id: r.id,
				round_id: r.roundId,
				judge_id: r.judgeId,
				first_entry_id: r.firstEntryId,
				second_entry_id: r.secondEntryId,
				winner_entry_id: null,
				created_at: r.now,
				decided_at: null
			}))
		)
		.execute();
}

export async function setComparisonWinner(
	db: Conn,
	comparisonId: string,
	winnerEntryId: string | null,
	now: number
): Promise<void> {
	await db
		.updateTable('pairwise_comparison')
		.set({ winner_entry_id: winnerEntryId, decided_at: winnerEntryId === null ? null : now })
		.where('id', '=', comparisonId)
		.execute();
}

/** Pairs handed to a judge but not yet decided that show this entry: gone when they recuse. */
export async function deletePendingWithEntry(
	db: Conn,
	roundId: string,
	judgeId: string,
	entryId: string
): Promise<void> {
	await db
		.deleteFrom('pairwise_comparison')
		.where('round_id', '=', roundId)
		.where('judge_id', '=', judgeId)
		.where('winner_entry_id', 'is', null)
		.where((eb) => eb.or([eb('first_entry_id', '=', entryId), eb('second_entry_id', '=', entryId)]))
		.execute();
}
