import type { Db } from '../db/database.ts';
import { Worker } from '../jobs/queue.ts';
import type { ObjectStore } from '../storage/object-store.ts';
import {
	PRINT_LABELS_JOB,
	PRINT_PACK_JOB,
	printLabelsJobHandler,
	printLabelsJobHooks,
	printPackJobHandler,
	printPackJobHooks
} from './print-jobs.ts';
import { exhibitionUrls } from './print.service.ts';

/** A pack of a few hundred works at A3 takes many minutes, far past an image job's timeout. */
export const PRINT_JOB_TIMEOUT_MS = 2 * 3600_000;

/**
 * The print jobs' own worker, one job at a time: their renders run on a worker thread and last
 * minutes, so they must neither time out like an image job nor hold the image queue's slot
 * while a class is submitting.
 */
export function startPrintWorker(deps: { db: Db; store: ObjectStore }): Worker {
	const jobDeps = { ...deps, publicUrls: exhibitionUrls };
	const worker = new Worker(deps.db, { concurrency: 1, timeoutMs: PRINT_JOB_TIMEOUT_MS })
		.register(PRINT_LABELS_JOB, printLabelsJobHandler(jobDeps), printLabelsJobHooks)
		.register(PRINT_PACK_JOB, printPackJobHandler(jobDeps), printPackJobHooks);
	worker.start();
	return worker;
}
