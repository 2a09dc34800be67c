// Starts the built app (`npm run build` first) on a free loopback port with a fresh, seeded
// SQLite database and local object storage in a temporary folder, like tests/scripts/e2e-server.ts.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface BenchServer {
	origin: string;
	/** Path of the SQLite file, for looking up seeded ids. */
	databaseFile: string;
	/** The server's process id (for processCpuMs in another thread). */
	pid: number;
	/** CPU time the server process has used so far (Linux /proc), in ms; null elsewhere. */
	cpuMs(): number | null;
	stop(): Promise<void>;
}

/** CPU time process `pid` has used so far (Linux /proc), in ms; null elsewhere. */
export function processCpuMs(pid: number): number | null {
	try {
		// utime and stime, fields 14 and 15 of /proc/<pid>/stat, in clock ticks (100 Hz).
		const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
		return (Number(fields[11]) + Number(fields[12])) * 10;
	} catch {
		return null;
	}
}

export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = net.createServer();
		probe.unref();
		probe.on('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const address = probe.address();
			probe.close(() =>
				typeof address === 'object' && address
					? resolve(address.port)
					: reject(new Error('no port'))
			);
		});
	});
}

async function waitForHealth(origin: string, server: ChildProcess): Promise<void> {
	const deadline = Date.now() + 30_000;
	while (Date.now() < deadline) {
		if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}`);
		try {
			const res = await fetch(`${origin}/healthz`);
			if (res.ok) return;
		} catch {
			// Not listening yet.
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	throw new Error(`${origin}/healthz did not answer within 30 s`);
}

export async function startBenchServer(root: string): Promise<BenchServer> {
	if (!existsSync(path.join(root, 'build/index.js'))) {
		throw new Error('build/ is missing: run `npm run build` before the benchmark.');
	}
	const dir = mkdtempSync(path.join(tmpdir(), 'sprout-bench-'));
	const databaseFile = path.join(dir, 'sprout.db');
	const port = await freePort();
	const origin = `http://127.0.0.1:${port}`;
	const env: NodeJS.ProcessEnv = {
		...process.env,
		DATABASE_URL: `sqlite:${databaseFile}`,
		STORAGE_DIR: path.join(dir, 'objects'),
		// Empty (not absent) so neither the shell nor a .env can switch storage to S3.
		S3_ENDPOINT: '',
		S3_BUCKET: ''
	};
	const seed = spawnSync(process.execPath, ['src/cli/db-seed.ts'], {
		cwd: root,
		env,
		encoding: 'utf8'
	});
	if (seed.status !== 0) {
		rmSync(dir, { recursive: true, force: true });
		throw new Error(`seeding the bench database failed:\n${seed.stdout}\n${seed.stderr}`);
	}
	// BENCH_CPU_PROF=<dir>: the server writes a V8 CPU profile there when it stops.
	const profile = process.env.BENCH_CPU_PROF?.trim();
	// BENCH_SERVER_LOG=<file>: the server's log lines (one a request, with its time to headers)
	// go there, to tell the server's own time from the round trip; otherwise they are dropped.
	const serverLog = process.env.BENCH_SERVER_LOG?.trim();
	const server = spawn(
		process.execPath,
		[...(profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : []), 'build'],
		{
			cwd: root,
			env: {
				...env,
				PORT: String(port),
				HOST: '127.0.0.1',
				ORIGIN: origin,
				BODY_SIZE_LIMIT: '32M',
				NODE_ENV: 'production'
			},
			stdio: ['ignore', serverLog ? openSync(serverLog, 'w') : 'ignore', 'inherit']
		}
	);
	const stop = async () => {
		if (server.exitCode === null) {
			const exited = new Promise((r) => server.once('exit', r));
			server.kill('SIGTERM');
			await exited;
		}
		rmSync(dir, { recursive: true, force: true });
	};
	try {
		await waitForHealth(origin, server);
	} catch (err) {
		await stop();
		throw err;
	}
	const pid = server.pid!;
	return { origin, databaseFile, pid, cpuMs: () => processCpuMs(pid), stop };
}
