/**
 * The app's long-lived parts (config, database, object store), created once per process.
 * If the database or storage is down at start-up the server still answers — with a
 * translated 503 — and retries on later requests instead of crashing.
 */
import { getConfig, type Config } from './config.ts';
import { startCheckpointer } from './db/checkpointer.ts';
import { createDatabase, pingDatabase, sqliteHandleOf, type Db } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { createObjectStore, type ObjectStore } from './storage/index.ts';
import { deleteExpiredSessions } from './auth/session.ts';
import { pruneFailures } from './auth/rate-limit.ts';
import { purgeVoteTraces } from './voting/voting.service.ts';
import {
	ENTRY_PROCESS_JOB,
	entryJobHandler,
	entryJobHooks,
	releaseAbandonedReceipts
} from './entries/submission.service.ts';
import { Worker } from './jobs/queue.ts';
import { armFaults, faultTiming } from './faults.ts';
import { TRIAGE_JOB, triageJobHandler } from './judging/triage.service.ts';
import { errorText, log } from './log.ts';
import {
	CERTIFICATE_JOB,
	CERTIFICATE_JOB_TIMEOUT_MS,
	certificateJobHandler,
	certificateJobHooks
} from './ceremony/certificate.service.ts';
import { startPrintWorker } from './print/print-worker.ts';

export interface Services {
	config: Config;
	db: Db;
	store: ObjectStore;
}

let ready: Services | undefined;
let starting: Promise<Services> | undefined;
let lastFailureAt = 0;
let lastError: unknown;
const RETRY_AFTER_MS = 3000;

async function start(): Promise<Services> {
	const config = getConfig();
	armFaults(config.faults);
	const db = createDatabase(config.database);
	try {
		await pingDatabase(db);
		const applied = await migrateToLatest(db);
		if (applied.length) log('info', 'migrations applied', { migrations: applied.join(' ') });
		const store = createObjectStore(config.storage);
		await store.ping();
		const services = { config, db, store };
		startCheckpoints(db);
		startHousekeeping(db, store);
		startWorker(config, db, store);
		return services;
	} catch (err) {
		await db.destroy().catch(() => {});
		throw err;
	}
}

/** SQLite: the log is checkpointed off the request thread (see checkpointer.ts). */
function startCheckpoints(db: Db): void {
	const sqlite = sqliteHandleOf(db);
	if (!sqlite || sqlite.memory) return;
	const checkpointer = startCheckpointer(sqlite);
	process.once('sveltekit:shutdown', () => void checkpointer.stop());
}

function startHousekeeping(db: Db, store: ObjectStore): void {
	const timer = setInterval(() => {
		Promise.all([
			deleteExpiredSessions(db),
			pruneFailures(db),
			purgeVoteTraces(db),
			// Submissions whose server died before their commit, and no retry took over.
			releaseAbandonedReceipts({ db, store }, Date.now())
		]).catch((err) => log('error', 'housekeeping failed', { error: errorText(err) }));
	}, 10 * 60_000);
	timer.unref();
}

/** How long a running image job may finish on shutdown before it is handed back to the queue. */
const SHUTDOWN_GRACE_MS = 3000;

/**
 * One job at a time by default: sharp already uses both cores of a school server, and a class
 * submitting at the bell must not starve the requests of everyone else. WORKER_CONCURRENCY=0
 * makes a web-only instance.
 *
 * On SIGTERM/SIGINT the worker stops claiming at once and its running job gets a few seconds;
 * then it is handed back to the queue (another instance takes it without waiting for the
 * lease). When adapter-node has finished the in-flight requests ('sveltekit:shutdown'), the
 * database pool is closed so the process exits within seconds instead of waiting for idle
 * connections to time out.
 */
function startWorker(config: Config, db: Db, store: ObjectStore): void {
	const workers: Worker[] = [];
	if (config.workerConcurrency > 0) {
		workers.push(
			new Worker(db, {
				concurrency: config.workerConcurrency,
				leaseMs: faultTiming('leaseMs')
			})
				.register(ENTRY_PROCESS_JOB, entryJobHandler({ db, store }), entryJobHooks)
				.register(TRIAGE_JOB, triageJobHandler(db)),
			// Its own slot and a longer timeout: a school's certificates take minutes, and
			// children's submissions must not wait behind them.
			new Worker(db, { concurrency: 1, timeoutMs: CERTIFICATE_JOB_TIMEOUT_MS }).register(
				CERTIFICATE_JOB,
				certificateJobHandler({ db, store, ngoName: config.ngoName }),
				certificateJobHooks
			)
		);
		for (const worker of workers) worker.start();
		// Print renders and packs: their own slot too (started by startPrintWorker).
		workers.push(startPrintWorker({ db, store }));
	}
	let stopping: Promise<void> | undefined;
	const stopWorker = () =>
		(stopping ??= Promise.all(
			workers.map((worker) => worker.stop({ graceMs: SHUTDOWN_GRACE_MS }))
		).then(() => {}));
	for (const signal of ['SIGTERM', 'SIGINT'] as const) {
		process.once(signal, () => {
			void stopWorker().finally(() => {
				// Alone on this signal (no adapter handler): keep its default, ending the process.
				if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
			});
		});
	}
	process.once('sveltekit:shutdown', () => {
		void stopWorker()
			.then(() => db.destroy())
			.catch((err: unknown) => log('error', 'shutdown failed', { error: errorText(err) }));
	});
}

export class ServiceUnavailableError extends Error {
	constructor(cause: unknown) {
		super(
			`Sprout cannot reach its database or storage: ${cause instanceof Error ? cause.message : String(cause)}`
		);
		this.name = 'ServiceUnavailableError';
	}
}

export async function getServices(): Promise<Services> {
	if (ready) return ready;
	if (!starting) {
		if (Date.now() - lastFailureAt < RETRY_AFTER_MS) throw new ServiceUnavailableError(lastError);
		starting = start().then(
			(s) => {
				ready = s;
				return s;
			},
			(err: unknown) => {
				lastFailureAt = Date.now();
				lastError = err;
				starting = undefined;
				log('error', 'start-up failed, will retry', { error: errorText(err) });
				throw new ServiceUnavailableError(err);
			}
		);
	}
	return starting;
}

export type Reachability = 'ok' | 'unreachable';

async function reachable(fn: () => Promise<void>, timeoutMs = 3000): Promise<Reachability> {
	let timer: NodeJS.Timeout | undefined;
	try {
		await Promise.race([
			fn(),
			new Promise((_, reject) => {
				timer = setTimeout(() => reject(new Error('timeout')), timeoutMs);
			})
		]);
		return 'ok';
	} catch {
		return 'unreachable';
	} finally {
		clearTimeout(timer);
	}
}

/**
 * Reachability of each part, for /healthz. When start-up failed, throwaway clients probe
 * each part separately so the report names the one that is down.
 */
export async function probeServices(): Promise<{ database: Reachability; storage: Reachability }> {
	if (ready) {
		const { db, store } = ready;
		const [database, storage] = await Promise.all([
			reachable(() => pingDatabase(db)),
			reachable(() => store.ping())
		]);
		return { database, storage };
	}
	const config = getConfig();
	const db = createDatabase(config.database);
	try {
		const [database, storage] = await Promise.all([
			reachable(() => pingDatabase(db)),
			reachable(() => createObjectStore(config.storage).ping())
		]);
		return { database, storage };
	} finally {
		await db.destroy().catch(() => {});
	}
}

/** For tests and the seed script, which bring their own database. */
export function setServicesForTesting(services: Services | undefined): void {
	ready = services;
	starting = undefined;
}
