/**
 * SQLite's write-ahead log is copied back into the database file by a checkpoint. Left to
 * SQLite, the checkpoint runs inside whichever commit crosses 1,000 pages of log: that commit
 * (a judge's score, a child's submission) then waits while pages are copied and the file is
 * synced, and so does every request queued behind it on the server's one thread. Measured
 * under ten judges saving at once: p99 of a save 2.1–2.4 ms with stalls up to 11 ms, against
 * 0.5 ms p99 without them.
 *
 * So a worker thread, on a connection of its own, checkpoints every second (PASSIVE: it never
 * waits for, nor blocks, the server's reads and writes). The server's own automatic checkpoint
 * stays as a safety net, raised so that it only acts when the worker cannot keep up.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type SQLite from 'better-sqlite3';
import { errorText, log } from '../log.ts';

export const CHECKPOINT_EVERY_MS = 1000;
/** Pages of log (4 KB each) the server's own commit checkpoints at, when the worker lags. */
export const SAFETY_NET_PAGES = 16_000;

// Plain CommonJS run by the worker: the build never has to find a second entry file.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 1000');
const timer = setInterval(() => {
	try {
		db.pragma('wal_checkpoint(PASSIVE)');
	} catch (err) {
		parentPort.postMessage(String(err && err.message || err));
	}
}, workerData.everyMs);
parentPort.on('message', () => {
	clearInterval(timer);
	db.close();
	parentPort.close();
});
`;

export interface Checkpointer {
	/** Ends the worker; the server's own automatic checkpoint goes back to SQLite's default. */
	stop(): Promise<void>;
}

/**
 * Starts checkpointing `sqlite`'s file from a worker thread. The server's own automatic
 * checkpoint moves to SAFETY_NET_PAGES; `stop` puts it back.
 */
export function startCheckpointer(
	sqlite: SQLite.Database,
	everyMs = CHECKPOINT_EVERY_MS
): Checkpointer {
	const driver = createRequire(import.meta.url).resolve('better-sqlite3');
	const worker = new Worker(WORKER_SOURCE, {
		eval: true,
		workerData: { driver, file: sqlite.name, everyMs }
	});
	// A failing checkpoint is worth a line in the log, never a crash: the safety net still works.
	worker.on('message', (message: string) =>
		log('warn', 'background checkpoint failed', { error: message })
	);
	worker.on('error', (err) => log('error', 'checkpoint worker stopped', { error: errorText(err) }));
	worker.unref();
	sqlite.pragma(`wal_autocheckpoint = ${SAFETY_NET_PAGES}`);
	return {
		async stop() {
			const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
			worker.postMessage('stop');
			await exited;
			if (sqlite.open) sqlite.pragma('wal_autocheckpoint = 1000');
		}
	};
}
