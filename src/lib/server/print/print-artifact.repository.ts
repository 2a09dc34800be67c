/** SQL of `print_artifact`: the labels PDF and print pack of each contest, and their progress. */
import type { Selectable } from 'kysely';
import type { Db, Trx } from '../db/database.ts';
import type { PrintArtifactKind, PrintArtifactTable } from '../db/schema.ts';

type Conn = Db | Trx;
export type PrintArtifactRow = Selectable<PrintArtifactTable>;

/** Replaces the contest's artifact of that kind with a fresh request, queued. */
export async function startArtifact(
	db: Conn,
	row: Pick<PrintArtifactTable, 'contest_id' | 'kind' | 'job_id' | 'requested_by'>,
	now: number
): Promise<void> {
	const fresh = {
		job_id: row.job_id,
		status: 'queued' as const,
		done: 0,
		total: 0,
		error: null,
		requested_by: row.requested_by,
		updated_at: now
	};
	await db
		.insertInto('print_artifact')
		.values({ ...row, ...fresh, object_key: null, bytes: null, created_at: now })
		.onConflict((oc) => oc.columns(['contest_id', 'kind']).doUpdateSet(fresh))
		.execute();
}

export async function findArtifact(db: Conn, contestId: string, kind: PrintArtifactKind) {
	return db
		.selectFrom('print_artifact')
		.selectAll()
		.where('contest_id', '=', contestId)
		.where('kind', '=', kind)
		.executeTakeFirst();
}

export async function listArtifacts(db: Conn, contestId: string) {
	return db.selectFrom('print_artifact').selectAll().where('contest_id', '=', contestId).execute();
}

/**
 * Updates the artifact only while `jobId` is still the one making it (a newer request wins).
 * False when it is not.
 */
export async function updateArtifact(
	db: Conn,
	contestId: string,
	kind: PrintArtifactKind,
	jobId: string,
	values: Partial<
		Pick<PrintArtifactTable, 'status' | 'done' | 'total' | 'object_key' | 'bytes' | 'error'>
	>,
	now: number
): Promise<boolean> {
	const result = await db
		.updateTable('print_artifact')
		.set({ ...values, updated_at: now })
		.where('contest_id', '=', contestId)
		.where('kind', '=', kind)
		.where('job_id', '=', jobId)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) > 0;
}
