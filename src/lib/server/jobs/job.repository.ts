import type { ExpressionBuilder, Insertable, Selectable, Updateable } from 'kysely';
import { dialectOf, writeTransaction, type Db, type Trx } from '../db/database.ts';
import type { Database, JobTable } from '../db/schema.ts';

export type JobRow = Selectable<JobTable>;

/** Claimable: queued and past its backoff, or running under a lease that has run out. */
function isDue(now: number) {
	return (w: ExpressionBuilder<Database, 'job'>) =>
		w.or([
			w.and([w('status', '=', 'queued'), w('run_after', '<=', now)]),
			// An expired lease with attempts left; one without is the reaper's (failAbandonedJob).
			w.and([
				w('status', '=', 'running'),
				w('locked_until', '<', now),
				w('attempts', '<', w.ref('max_attempts'))
			])
		]);
}

export async function insertJob(db: Db | Trx, row: Insertable<JobTable>): Promise<void> {
	await db.insertInto('job').values(row).execute();
}

/**
 * Deletes every job whose payload or result names one of `ids` (entry ids in `entry.process`
 * payloads): erasing a child leaves no queue row that still points at their work.
 */
export async function deleteJobsNaming(db: Db | Trx, ids: readonly string[]): Promise<number> {
	let deleted = 0;
	for (const id of ids) {
		const pattern = `%${id}%`;
		const result = await db
			.deleteFrom('job')
			.where((w) => w.or([w('payload', 'like', pattern), w('result', 'like', pattern)]))
			.executeTakeFirst();
		deleted += Number(result.numDeletedRows);
	}
	return deleted;
}

/** Of these payloads (as stored), those whose unfinished job is waiting out an outage. */
export async function listPayloadsInOutage(
	db: Db | Trx,
	kind: string,
	payloads: readonly string[]
): Promise<string[]> {
	if (payloads.length === 0) return [];
	const rows = await db
		.selectFrom('job')
		.select('payload')
		.where('kind', '=', kind)
		.where('payload', 'in', payloads)
		.where('status', 'in', ['queued', 'running'])
		.where('outage_since', 'is not', null)
		.execute();
	return rows.map((r) => r.payload);
}

export async function findJob(db: Db | Trx, id: string): Promise<JobRow | undefined> {
	return db.selectFrom('job').selectAll().where('id', '=', id).executeTakeFirst();
}

function isAbandoned(now: number) {
	return (w: ExpressionBuilder<Database, 'job'>) =>
		w.and([
			w('status', '=', 'running'),
			w('locked_until', '<', now),
			w('attempts', '>=', w.ref('max_attempts'))
		]);
}

/**
 * Jobs whose worker died during their last allowed attempt (an image that crashes the process
 * every time would otherwise be reclaimed forever). Each is given up with `failAbandonedJob`.
 */
export async function listAbandonedJobs(
	db: Db | Trx,
	kinds: readonly string[],
	now: number,
	limit = 20
): Promise<JobRow[]> {
	if (kinds.length === 0) return [];
	return db
		.selectFrom('job')
		.selectAll()
		.where('kind', 'in', kinds)
		.where(isAbandoned(now))
		.orderBy('locked_until')
		.limit(limit)
		.execute();
}

/** Fails one abandoned job for good; false when it is no longer abandoned (another reaper won). */
export async function failAbandonedJob(db: Db | Trx, id: string, now: number): Promise<boolean> {
	const res = await db
		.updateTable('job')
		.set({
			status: 'failed',
			locked_until: null,
			last_error: 'worker stopped during the last attempt (lease expired)',
			updated_at: now
		})
		.where('id', '=', id)
		.where(isAbandoned(now))
		.executeTakeFirst();
	return Number(res.numUpdatedRows) === 1;
}

/**
 * Claims one due job of the given kinds, exclusively: queued jobs whose `run_after` has come,
 * and running jobs whose lease has expired (their worker crashed). The claim counts an attempt;
 * that count doubles as a fencing token for `completeJob`/`failJob`.
 */
export async function claimNextJob(
	db: Db,
	kinds: readonly string[],
	leaseMs: number,
	now: number
): Promise<JobRow | undefined> {
	if (kinds.length === 0) return undefined;
	const claim = {
		status: 'running' as const,
		locked_until: now + leaseMs,
		updated_at: now
	};

	if (dialectOf(db) === 'postgres') {
		// SKIP LOCKED lets concurrent workers each take a different row without waiting.
		return db
			.updateTable('job')
			.set((eb) => ({ ...claim, attempts: eb('attempts', '+', 1) }))
			.where('id', '=', (eb) =>
				eb
					.selectFrom('job')
					.select('id')
					.where('kind', 'in', kinds)
					.where(isDue(now))
					.orderBy('run_after')
					.orderBy('created_at')
					.limit(1)
					.forUpdate()
					.skipLocked()
			)
			.returningAll()
			.executeTakeFirst();
	}

	// SQLite has one writer at a time: BEGIN IMMEDIATE takes the write lock before the select,
	// so no other connection can claim the same row in between.
	return writeTransaction(db, async (trx) => {
		const due = await trx
			.selectFrom('job')
			.select('id')
			.where('kind', 'in', kinds)
			.where(isDue(now))
			.orderBy('run_after')
			.orderBy('created_at')
			.limit(1)
			.executeTakeFirst();
		if (!due) return undefined;
		return trx
			.updateTable('job')
			.set((eb) => ({ ...claim, attempts: eb('attempts', '+', 1) }))
			.where('id', '=', due.id)
			.returningAll()
			.executeTakeFirst();
	});
}

/** The claim a worker holds: id plus the attempt number it claimed. */
export interface JobClaim {
	id: string;
	attempts: number;
}

/**
 * Each update below only applies while the caller still holds its claim: a worker that was
 * too slow (lease expired, job reclaimed) must not overwrite the newer attempt's outcome.
 * Resolves to whether it applied.
 */
async function updateClaimed(
	db: Db | Trx,
	claim: JobClaim,
	values: Updateable<JobTable>
): Promise<boolean> {
	const res = await db
		.updateTable('job')
		.set(values)
		.where('id', '=', claim.id)
		.where('status', '=', 'running')
		.where('attempts', '=', claim.attempts)
		.executeTakeFirst();
	return Number(res.numUpdatedRows) === 1;
}

export async function completeJob(
	db: Db | Trx,
	claim: JobClaim,
	result: string | null,
	now: number
): Promise<boolean> {
	return updateClaimed(db, claim, {
		status: 'done',
		result,
		locked_until: null,
		last_error: null,
		outage_since: null,
		updated_at: now
	});
}

/**
 * Back to the queue to wait out an outage of the database or storage: the attempt this claim
 * used is given back (it was not the job's fault), and the outage is remembered so the waits grow
 * and end after a window. Only while the caller still holds the claim.
 */
export async function deferJobForOutage(
	db: Db | Trx,
	claim: JobClaim,
	error: string,
	retryAt: number,
	outageSince: number,
	now: number
): Promise<boolean> {
	const res = await db
		.updateTable('job')
		.set((eb) => ({
			status: 'queued' as const,
			attempts: eb('attempts', '-', 1),
			outage_retries: eb('outage_retries', '+', 1),
			outage_since: outageSince,
			last_error: error,
			locked_until: null,
			run_after: retryAt,
			updated_at: now
		}))
		.where('id', '=', claim.id)
		.where('status', '=', 'running')
		.where('attempts', '=', claim.attempts)
		.executeTakeFirst();
	return Number(res.numUpdatedRows) === 1;
}

/** Back to the queue at `retryAt`, or `failed` for good when `retryAt` is null. */
export async function failJob(
	db: Db | Trx,
	claim: JobClaim,
	error: string,
	retryAt: number | null,
	now: number
): Promise<boolean> {
	return updateClaimed(
		db,
		claim,
		retryAt === null
			? {
					status: 'failed',
					last_error: error,
					locked_until: null,
					outage_since: null,
					updated_at: now
				}
			: {
					status: 'queued',
					last_error: error,
					locked_until: null,
					outage_since: null,
					run_after: retryAt,
					updated_at: now
				}
	);
}

/**
 * Hands a running job back to the queue at once, as if never claimed: the process is shutting
 * down, and another instance (or this one after its restart) should not wait for the lease.
 */
export async function releaseJob(db: Db | Trx, claim: JobClaim, now: number): Promise<boolean> {
	const res = await db
		.updateTable('job')
		.set((eb) => ({
			status: 'queued' as const,
			attempts: eb('attempts', '-', 1),
			locked_until: null,
			run_after: now,
			updated_at: now
		}))
		.where('id', '=', claim.id)
		.where('status', '=', 'running')
		.where('attempts', '=', claim.attempts)
		.executeTakeFirst();
	return Number(res.numUpdatedRows) === 1;
}

export async function renewJobLease(
	db: Db | Trx,
	claim: JobClaim,
	lockedUntil: number,
	now: number
): Promise<boolean> {
	return updateClaimed(db, claim, { locked_until: lockedUntil, updated_at: now });
}
