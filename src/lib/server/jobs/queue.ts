/**
 * Durable, database-backed job queue. Work is handed over through the `job` table, so a
 * receipt can be given to a child at once, a class submitting at the bell is processed a few
 * images at a time, and a restart loses nothing: a job whose worker died is claimed again once
 * its lease runs out.
 */
import { writeTransaction, type Db, type Trx } from '../db/database.ts';
import { newId } from '../ids.ts';
import { isInfrastructureError } from '../infrastructure.ts';
import { errorText, log } from '../log.ts';
import {
	claimNextJob,
	completeJob,
	deferJobForOutage,
	failAbandonedJob,
	failJob,
	insertJob,
	listAbandonedJobs,
	listPayloadsInOutage,
	releaseJob,
	renewJobLease,
	type JobClaim,
	type JobRow
} from './job.repository.ts';

export interface Job<P = unknown> {
	id: string;
	kind: string;
	payload: P;
	/** 1 on the first run. */
	attempt: number;
	maxAttempts: number;
	lockedUntil: number;
	/** Waits so far for an unreachable database or store (they do not count as attempts). */
	outageRetries: number;
	/** When the ongoing outage was first met, or null. */
	outageSince: number | null;
}

export interface EnqueueOptions {
	maxAttempts?: number;
	/** Earliest start, epoch ms (default: now). */
	runAfter?: number;
	now?: number;
}

export const DEFAULT_MAX_ATTEMPTS = 3;

export async function enqueue(
	db: Db,
	kind: string,
	payload: unknown,
	options: EnqueueOptions = {}
): Promise<string> {
	const now = options.now ?? Date.now();
	const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
	if (!Number.isInteger(maxAttempts) || maxAttempts < 1) {
		throw new RangeError('maxAttempts must be a positive integer');
	}
	const id = newId();
	await insertJob(db, {
		id,
		kind,
		payload: JSON.stringify(payload ?? null),
		status: 'queued',
		attempts: 0,
		max_attempts: maxAttempts,
		run_after: options.runAfter ?? now,
		locked_until: null,
		last_error: null,
		result: null,
		outage_retries: 0,
		outage_since: null,
		created_at: now,
		updated_at: now
	});
	return id;
}

function toJob(row: JobRow): Job {
	return {
		id: row.id,
		kind: row.kind,
		payload: JSON.parse(row.payload) as unknown,
		attempt: row.attempts,
		maxAttempts: row.max_attempts,
		lockedUntil: row.locked_until ?? 0,
		outageRetries: row.outage_retries,
		outageSince: row.outage_since === null ? null : Number(row.outage_since)
	};
}

/**
 * Which of these payloads have an unfinished job of `kind` waiting for the database or storage
 * to come back: what lets a page say "waiting for the server" instead of "preparing".
 */
export async function payloadsInOutage(
	db: Db,
	kind: string,
	payloads: readonly unknown[]
): Promise<Set<string>> {
	// Compared as stored: enqueue writes JSON.stringify(payload).
	const texts = payloads.map((p) => JSON.stringify(p ?? null));
	return new Set(await listPayloadsInOutage(db, kind, texts));
}

/**
 * Claims one due job of the given kinds. First gives up the jobs of those kinds whose worker
 * died during their last attempt, calling their kind's final-failure hook from `hooks`.
 */
export async function claimNext(
	db: Db,
	kinds: readonly string[],
	leaseMs: number,
	now = Date.now(),
	hooks: ReadonlyMap<string, JobHooks> = new Map(),
	onError: (error: unknown, job: Job) => void = () => {}
): Promise<Job | undefined> {
	await failAbandoned(db, kinds, hooks, now, onError);
	const row = await claimNextJob(db, kinds, leaseMs, now);
	return row && toJob(row);
}

function claimOf(job: Job): JobClaim {
	return { id: job.id, attempts: job.attempt };
}

/** False when the claim was lost (lease expired and another worker took the job). */
export async function complete(
	db: Db,
	job: Job,
	result: unknown,
	now = Date.now()
): Promise<boolean> {
	return completeJob(db, claimOf(job), result === undefined ? null : JSON.stringify(result), now);
}

export interface BackoffOptions {
	baseMs?: number;
	maxMs?: number;
}

/** Delay before retry number `attempt` (1-based): base, 2×base, 4×base… capped. */
export function backoffMs(attempt: number, options: BackoffOptions = {}): number {
	const base = options.baseMs ?? 5_000;
	const max = options.maxMs ?? 10 * 60_000;
	return Math.min(max, base * 2 ** Math.max(0, attempt - 1));
}

/**
 * Thrown by a handler when another attempt cannot help (the input itself is bad, e.g. an image
 * the pipeline refuses): the job fails at once instead of burning its retries.
 */
export class PermanentJobError extends Error {
	constructor(message: string, options?: ErrorOptions) {
		super(message, options);
		this.name = 'PermanentJobError';
	}
}

/**
 * Called once when a job of its kind fails for good, whatever the cause: a permanent error,
 * the last attempt throwing or timing out, or its worker dying during the last attempt. It
 * runs in the transaction that marks the job failed, on `db`, so the two happen together; if
 * it throws, neither does, and the job is given up (and the hook called) again later.
 */
export type FinalFailureHook = (
	payload: unknown,
	context: { job: Job; error: string; db: Trx }
) => Promise<void>;

export interface JobHooks {
	onFinalFailure?: FinalFailureHook;
}

/** Applies a final failure with `apply`, and the kind's hook in the same transaction. */
async function failFinally(
	db: Db,
	job: Job,
	error: string,
	hook: FinalFailureHook | undefined,
	apply: (conn: Db | Trx) => Promise<boolean>
): Promise<boolean> {
	if (!hook) return apply(db);
	return writeTransaction(db, async (trx) => {
		if (!(await apply(trx))) return false;
		await hook(job.payload, { job, error, db: trx });
		return true;
	});
}

/** Longest an outage is waited out before its jobs fail like any other (default 12 h). */
export const OUTAGE_WINDOW_MS = 12 * 3600_000;
/** Waits during an outage: 5 s, 10 s, 20 s … then every 5 minutes. */
const OUTAGE_BACKOFF: BackoffOptions = { baseMs: 5_000, maxMs: 5 * 60_000 };

export interface FailOptions extends BackoffOptions {
	now?: number;
	onFinalFailure?: FinalFailureHook;
	outageWindowMs?: number;
	outageBackoff?: BackoffOptions;
}

/**
 * Retries with exponential backoff until the job has used its attempts, then fails it. A
 * failure to reach the database or storage is not the job's fault: it waits (with a growing
 * delay, for up to `outageWindowMs`) without using an attempt, and runs again when the outage
 * is over.
 */
export async function fail(
	db: Db,
	job: Job,
	error: unknown,
	options: FailOptions = {}
): Promise<{ retryAt: number | null; applied: boolean; outage: boolean }> {
	const now = options.now ?? Date.now();
	const text = describeError(error);
	if (!(error instanceof PermanentJobError) && isInfrastructureError(error)) {
		const since = job.outageSince ?? now;
		if (now - since < (options.outageWindowMs ?? OUTAGE_WINDOW_MS)) {
			const retryAt =
				now + backoffMs(job.outageRetries + 1, options.outageBackoff ?? OUTAGE_BACKOFF);
			const applied = await deferJobForOutage(db, claimOf(job), text, retryAt, since, now);
			return { retryAt, applied, outage: true };
		}
	}
	const isFinal = job.attempt >= job.maxAttempts || error instanceof PermanentJobError;
	const retryAt = isFinal ? null : now + backoffMs(job.attempt, options);
	const apply = (conn: Db | Trx) => failJob(conn, claimOf(job), text, retryAt, now);
	const applied = isFinal
		? await failFinally(db, job, text, options.onFinalFailure, apply)
		: await apply(db);
	return { retryAt, applied, outage: false };
}

/**
 * Gives up the jobs whose worker died during their last allowed attempt, calling their kind's
 * final-failure hook. Returns the ids given up.
 */
export async function failAbandoned(
	db: Db,
	kinds: readonly string[],
	hooks: ReadonlyMap<string, JobHooks>,
	now = Date.now(),
	onError: (error: unknown, job: Job) => void = () => {}
): Promise<string[]> {
	const rows = await listAbandonedJobs(db, kinds, now);
	const done: string[] = [];
	for (const row of rows) {
		const job = toJob(row);
		const error = 'worker stopped during the last attempt (lease expired)';
		try {
			const hook = hooks.get(job.kind)?.onFinalFailure;
			if (await failFinally(db, job, error, hook, (conn) => failAbandonedJob(conn, job.id, now)))
				done.push(job.id);
		} catch (err) {
			onError(err, job);
		}
	}
	return done;
}

export function describeError(error: unknown): string {
	const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
	// Keep rows small: a decoder can quote a lot.
	return text.slice(0, 2000);
}

export class JobTimeoutError extends Error {
	constructor(ms: number) {
		super(`job timed out after ${ms} ms`);
		this.name = 'JobTimeoutError';
	}
}

/** The reason a running job is aborted when its process shuts down: it is handed back, not failed. */
export class ShutdownError extends Error {
	constructor() {
		super('the worker is shutting down');
		this.name = 'ShutdownError';
	}
}

export interface JobContext {
	job: Job;
	/**
	 * Aborted when the job times out. The worker moves on at once (a hung handler must not hold
	 * a slot forever), so long handlers should stop work when it fires.
	 */
	signal: AbortSignal;
}

export type JobHandler = (payload: unknown, context: JobContext) => Promise<unknown>;

export interface WorkerOptions {
	/** Jobs run at once. One per process suits a 2-core server: sharp itself uses both cores. */
	concurrency?: number;
	pollMs?: number;
	/** A job running longer is failed (and retried if it has attempts left). */
	timeoutMs?: number;
	/** How long a claim lasts; renewed while the job runs, so a live worker never loses it. */
	leaseMs?: number;
	backoff?: BackoffOptions;
	/** How long an outage of the database or storage is waited out (see `fail`). */
	outageWindowMs?: number;
	outageBackoff?: BackoffOptions;
	clock?: () => number;
	onError?: (error: unknown, job: Job | undefined) => void;
}

/**
 * Polls the queue and runs registered handlers with bounded concurrency. A handler that
 * throws or times out fails only its own job.
 */
export class Worker {
	readonly #db: Db;
	readonly #handlers = new Map<string, JobHandler>();
	readonly #hooks = new Map<string, JobHooks>();
	readonly #concurrency: number;
	readonly #pollMs: number;
	readonly #timeoutMs: number;
	readonly #leaseMs: number;
	readonly #backoff: BackoffOptions;
	readonly #outage: Pick<FailOptions, 'outageWindowMs' | 'outageBackoff'>;
	readonly #clock: () => number;
	readonly #onError: (error: unknown, job: Job | undefined) => void;
	readonly #running = new Set<Promise<void>>();
	readonly #controllers = new Set<AbortController>();
	#started = false;
	#timer: NodeJS.Timeout | undefined;
	#filling: Promise<void> | undefined;

	constructor(db: Db, options: WorkerOptions = {}) {
		this.#db = db;
		this.#concurrency = Math.max(1, options.concurrency ?? 1);
		this.#pollMs = options.pollMs ?? 1000;
		this.#timeoutMs = options.timeoutMs ?? 120_000;
		// Short enough that a crashed worker's job is picked up again within a minute.
		this.#leaseMs = options.leaseMs ?? 60_000;
		this.#backoff = options.backoff ?? {};
		this.#outage = { outageWindowMs: options.outageWindowMs, outageBackoff: options.outageBackoff };
		this.#clock = options.clock ?? Date.now;
		this.#onError =
			options.onError ??
			((error, job) =>
				log('error', 'job error', { kind: job?.kind, jobId: job?.id, error: errorText(error) }));
	}

	register(kind: string, handler: JobHandler, hooks: JobHooks = {}): this {
		this.#handlers.set(kind, handler);
		this.#hooks.set(kind, hooks);
		return this;
	}

	get activeCount(): number {
		return this.#running.size;
	}

	start(): void {
		if (this.#started) return;
		this.#started = true;
		this.#schedule(0);
	}

	/**
	 * Stops claiming, then waits for the jobs already running to finish. With `graceMs`, jobs
	 * still running after it are aborted and handed back to the queue for another process:
	 * a deploy or restart must not wait minutes for an image, nor lose it.
	 */
	async stop(options: { graceMs?: number } = {}): Promise<void> {
		this.#started = false;
		clearTimeout(this.#timer);
		await this.#filling;
		const grace =
			options.graceMs === undefined
				? undefined
				: setTimeout(() => {
						for (const controller of this.#controllers) controller.abort(new ShutdownError());
					}, options.graceMs);
		try {
			while (this.#running.size > 0) await Promise.allSettled([...this.#running]);
		} finally {
			clearTimeout(grace);
		}
	}

	/** Claims and starts jobs until the slots are full or nothing is due. */
	poke(): void {
		if (this.#started) this.#schedule(0);
	}

	#schedule(delay: number): void {
		clearTimeout(this.#timer);
		this.#timer = setTimeout(() => void this.#fill(), delay);
		// A worker alone must not keep a process (or a test run) alive.
		this.#timer.unref();
	}

	#fill(): Promise<void> {
		if (!this.#filling) {
			const filling = this.#claimWhileFree().finally(() => {
				if (this.#filling === filling) this.#filling = undefined;
				if (this.#started) this.#schedule(this.#pollMs);
			});
			this.#filling = filling;
		}
		return this.#filling;
	}

	async #claimWhileFree(): Promise<void> {
		try {
			while (this.#started && this.#running.size < this.#concurrency) {
				const job = await claimNext(
					this.#db,
					[...this.#handlers.keys()],
					this.#leaseMs,
					this.#clock(),
					this.#hooks,
					this.#onError
				);
				if (!job) break;
				const run = this.#run(job).finally(() => {
					this.#running.delete(run);
					this.poke();
				});
				this.#running.add(run);
			}
		} catch (error) {
			this.#onError(error, undefined);
		}
	}

	async #run(job: Job): Promise<void> {
		const started = performance.now();
		const handler = this.#handlers.get(job.kind);
		const controller = new AbortController();
		this.#controllers.add(controller);
		let timeout: NodeJS.Timeout | undefined;
		// Renew well before the lease runs out, so only a dead process ever loses its claim.
		const renewal = setInterval(
			() => {
				const now = this.#clock();
				renewJobLease(
					this.#db,
					{ id: job.id, attempts: job.attempt },
					now + this.#leaseMs,
					now
				).catch((error: unknown) => this.#onError(error, job));
			},
			Math.max(1000, Math.floor(this.#leaseMs / 3))
		);
		renewal.unref();
		try {
			if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
			const result = await Promise.race([
				Promise.resolve().then(() => handler(job.payload, { job, signal: controller.signal })),
				new Promise<never>((_, reject) => {
					// A hung handler must not hold the slot: abort (timeout or shutdown) moves on at once.
					controller.signal.addEventListener('abort', () => reject(controller.signal.reason), {
						once: true
					});
					timeout = setTimeout(
						() => controller.abort(new JobTimeoutError(this.#timeoutMs)),
						this.#timeoutMs
					);
				})
			]);
			await complete(this.#db, job, result, this.#clock());
			log('info', 'job done', { ...jobFields(job), ms: Math.round(performance.now() - started) });
		} catch (error) {
			if (error instanceof ShutdownError) {
				log('info', 'job handed back', jobFields(job));
				await releaseJob(this.#db, claimOf(job), this.#clock()).catch((dbError: unknown) =>
					// Then the lease runs out and another worker claims it: still nothing lost.
					this.#onError(dbError, job)
				);
			} else {
				this.#onError(error, job);
				await this.#recordFailure(job, error);
			}
		} finally {
			clearTimeout(timeout);
			clearInterval(renewal);
			this.#controllers.delete(controller);
		}
	}

	/**
	 * Records a failure. When the database itself is briefly unreachable, keeps trying for most
	 * of the lease: otherwise the job would be reclaimed later with one more attempt used, and a
	 * short database restart could fail a child's last attempt.
	 */
	async #recordFailure(job: Job, error: unknown): Promise<void> {
		const giveUpAt = this.#clock() + Math.floor((this.#leaseMs * 2) / 3);
		for (let wait = 1000; ; wait = Math.min(wait * 2, 8000)) {
			try {
				const outcome = await fail(this.#db, job, error, {
					...this.#backoff,
					...this.#outage,
					now: this.#clock(),
					onFinalFailure: this.#hooks.get(job.kind)?.onFinalFailure
				});
				log(outcome.retryAt === null ? 'error' : 'warn', failureMessage(outcome), {
					...jobFields(job),
					retryAt: outcome.retryAt === null ? null : new Date(outcome.retryAt).toISOString(),
					error: errorText(error)
				});
				return;
			} catch (dbError) {
				this.#onError(dbError, job);
				// Otherwise the lease runs out and the job is claimed again: nothing is lost.
				if (!isInfrastructureError(dbError) || this.#clock() + wait > giveUpAt) return;
				await new Promise((resolve) => setTimeout(resolve, wait).unref());
			}
		}
	}
}

/** What a job's log lines carry: never its payload, which names entries. */
function jobFields(job: Job) {
	return { kind: job.kind, jobId: job.id, attempt: job.attempt };
}

function failureMessage(outcome: { retryAt: number | null; outage: boolean }): string {
	if (outcome.outage) return 'job waits out an outage';
	return outcome.retryAt === null ? 'job failed' : 'job will retry';
}
