// A PostgreSQL server for one `npm test` run, so the integration suite tests both dialects on
// a machine where nobody configured TEST_DATABASE_URL. Uses the machine's own PostgreSQL
// binaries (Debian/Ubuntu: apt install postgresql; the cluster need not run). The data lives
// in a temporary folder, the server listens on a Unix socket only, and both go when it stops.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface ThrowawayPostgres {
	url: string;
	stop(): void;
}

/** `initdb` and `pg_ctl` from PATH or the newest /usr/lib/postgresql/<version>/bin. */
function findBinDir(): string | null {
	const root = '/usr/lib/postgresql';
	if (existsSync(root)) {
		const versions = readdirSync(root)
			.filter((v) => existsSync(path.join(root, v, 'bin', 'initdb')))
			.sort((a, b) => Number(b) - Number(a));
		if (versions[0]) return path.join(root, versions[0], 'bin');
	}
	const which = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' });
	const found = which.status === 0 ? which.stdout.trim() : '';
	return found && existsSync(path.join(path.dirname(found), 'pg_ctl')) ? path.dirname(found) : null;
}

/**
 * Starts the server, or explains why it could not (null + reason). PostgreSQL refuses to run
 * as root, so as root (CI containers) it runs as the `postgres` system user.
 */
export function startThrowawayPostgres(): ThrowawayPostgres | { error: string } {
	const bin = findBinDir();
	if (!bin) return { error: 'no PostgreSQL binaries (initdb, pg_ctl) found on this machine' };
	const isRoot = process.getuid?.() === 0;
	const dir = mkdtempSync(path.join(tmpdir(), 'sprout-pg-'));
	const data = path.join(dir, 'data');
	const as = (command: string[]): SpawnSyncReturns<string> =>
		spawnSync(
			isRoot ? 'runuser' : command[0]!,
			isRoot ? ['-u', 'postgres', '--', ...command] : command.slice(1),
			{
				encoding: 'utf8'
			}
		);
	const cleanup = () => rmSync(dir, { recursive: true, force: true });
	if (isRoot && spawnSync('chown', ['postgres:postgres', dir]).status !== 0) {
		cleanup();
		return { error: 'running as root and there is no "postgres" user to run PostgreSQL as' };
	}
	const init = as([
		path.join(bin, 'initdb'),
		'-D',
		data,
		'-U',
		'postgres',
		'--auth=trust',
		'--encoding=UTF8',
		'--no-sync'
	]);
	if (init.status !== 0) {
		cleanup();
		return { error: `initdb failed: ${(init.stderr || init.stdout).trim().split('\n').pop()}` };
	}
	// No TCP port to collide with other runs; fsync off: the data is thrown away anyway.
	const options = `-k ${dir} -c listen_addresses= -c fsync=off -c full_page_writes=off`;
	const start = as([
		path.join(bin, 'pg_ctl'),
		'-D',
		data,
		'-o',
		options,
		'-l',
		path.join(dir, 'server.log'),
		'-w',
		'start'
	]);
	if (start.status !== 0) {
		cleanup();
		return { error: `pg_ctl start failed: ${(start.stderr || start.stdout).trim()}` };
	}
	let stopped = false;
	return {
		url: `postgresql://postgres@${encodeURIComponent(dir)}/postgres`,
		stop() {
			if (stopped) return;
			stopped = true;
			as([path.join(bin, 'pg_ctl'), '-D', data, '-m', 'immediate', 'stop']);
			cleanup();
		}
	};
}

/**
 * For a test run: keeps TEST_DATABASE_URL when set, otherwise starts a throwaway server and sets
 * it for this process and its children (stopped on exit or Ctrl-C). `missing` says why there is
 * no PostgreSQL at all; the PostgreSQL tests are then counted as skipped, never silently dropped.
 */
export function postgresForTestRun(): { missing: string | null; stop(): void } {
	if (process.env.TEST_DATABASE_URL?.trim()) return { missing: null, stop() {} };
	const started = startThrowawayPostgres();
	if ('error' in started) return { missing: started.error, stop() {} };
	process.env.TEST_DATABASE_URL = started.url;
	console.log(`PostgreSQL for this run: a throwaway server (${started.url})`);
	for (const signal of ['SIGINT', 'SIGTERM'] as const)
		process.once(signal, () => {
			started.stop();
			process.exit(130);
		});
	process.once('exit', () => started.stop());
	return { missing: null, stop: () => started.stop() };
}

/** The banner printed before and after a run whose PostgreSQL tests could not run. */
export function postgresWarning(missing: string): string {
	const bar = '!'.repeat(91);
	return [
		'',
		bar,
		`!!  PostgreSQL tests NOT run (counted as skipped): ${missing}.`,
		'!!  Install PostgreSQL (apt install postgresql) or set TEST_DATABASE_URL=postgresql://…',
		bar,
		''
	].join('\n');
}
