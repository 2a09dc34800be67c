/**
 * The save rule a rubric score and a screening vote share: idempotent (the value already
 * stored is a success, so a retried save whose answer was lost does no harm), stale when the
 * judge's screen showed another revision (409 carrying what is stored), otherwise insert at
 * revision 1, delete back to 0 ("not judged"), or compare-and-set to the next revision.
 */
import type { Trx } from '../db/database.ts';
import type { ScreeningVote } from '../db/schema.ts';
import type { DomainError } from '../errors.ts';
import { compareAndSet, deleteJudgement, type RevisionedTable } from './judgements.repository.ts';

export async function saveAtRevision<V extends number | ScreeningVote>(
	trx: Trx,
	input: {
		table: RevisionedTable;
		current: { id: string; value: V; revision: number } | undefined;
		/** The value to store, or null to take it back. */
		next: V | null;
		/** The revision the judge's screen showed (0 = not judged yet). */
		base: number;
		now: number;
		insert: () => Promise<void>;
		/** The refusal of a stale save, naming what is stored now. */
		stale: () => DomainError;
	}
): Promise<{ revision: number; changed: boolean }> {
	const { current, next } = input;
	const revision = current?.revision ?? 0;
	if ((current?.value ?? null) === next) return { revision, changed: false };
	if (revision !== input.base) throw input.stale();
	if (!current) {
		await input.insert();
		return { revision: 1, changed: true };
	}
	if (next === null) {
		await deleteJudgement(trx, input.table, current.id);
		return { revision: 0, changed: true };
	}
	if (!(await compareAndSet(trx, input.table, current.id, revision, next, input.now)))
		throw input.stale();
	return { revision: revision + 1, changed: true };
}
