// The built server (`node build`) as a real child process, the way a deployment runs it: one
// per instance, killed with real signals. Its JSON log lines are kept for the test to count.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from '../../integration/helpers/ports.ts';

export const root = path.resolve(import.meta.dirname, '../../..');

export type Env = Record<string, string>;

export interface LogLine {
	msg: string;
	[field: string]: unknown;
}

export interface Instance {
	name: string;
	origin: string;
	process: ChildProcess;
	/** Every JSON line it printed, stdout and stderr. */
	logs: LogLine[];
	/** How it ended: an exit code, or the signal that ended it. */
	exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** What every instance of a test deployment shares, plus the fault tests' gate. */
export function serverEnv(deployment: Env, extra: Env = {}): Env {
	return {
		...(process.env as Env),
		...deployment,
		SPROUT_FAULTS: '1',
		NODE_ENV: 'test',
		HOST: '127.0.0.1',
		LOG_FORMAT: 'json',
		...extra
	};
}

/** Starts `node build` on a free port and resolves once /healthz answers ok. */
export async function startInstance(name: string, env: Env): Promise<Instance> {
	if (!existsSync(path.join(root, 'build/index.js')))
		throw new Error('run `npm run build` first (npm run test:faults does)');
	const port = await freePort();
	const origin = `http://127.0.0.1:${port}`;
	const child = spawn(process.execPath, ['build'], {
		cwd: root,
		env: { ...env, PORT: String(port), ORIGIN: origin },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	const logs: LogLine[] = [];
	const raw: string[] = [];
	for (const stream of [child.stdout!, child.stderr!]) {
		let rest = '';
		stream.setEncoding('utf8');
		stream.on('data', (text: string) => {
			const lines = (rest + text).split('\n');
			rest = lines.pop()!;
			for (const line of lines) {
				raw.push(line);
				try {
					logs.push(JSON.parse(line) as LogLine);
				} catch {
					// Not one of ours (a runtime warning): kept in `raw` for the failure message.
				}
			}
		});
	}
	const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
		child.once('exit', (code, signal) => resolve({ code, signal }))
	);
	let ended = false;
	void exited.then(() => (ended = true));
	for (let i = 0; i < 300 && !ended; i++) {
		const health = await fetch(`${origin}/healthz`).catch(() => undefined);
		if (health?.ok) return { name, origin, process: child, logs, exited };
		await sleep(100);
	}
	child.kill('SIGKILL');
	throw new Error(`instance ${name} did not start:\n${raw.slice(-20).join('\n')}`);
}

/** kill -9, and waits until the process is gone. */
export async function killHard(instance: Instance): Promise<void> {
	instance.process.kill('SIGKILL');
	await instance.exited;
}

/** A graceful stop, as systemd does it. */
export async function stop(instance: Instance | undefined): Promise<void> {
	if (!instance || instance.process.exitCode !== null || instance.process.signalCode !== null)
		return;
	instance.process.kill('SIGTERM');
	await instance.exited;
}

/**
 * `npm run db:verify`, as an operator runs it against this deployment. Asynchronous: the test's
 * s3rver runs in this process and must keep answering meanwhile.
 */
export async function verify(deployment: Env): Promise<{ status: number | null; output: string }> {
	const child = spawn(process.execPath, ['src/cli/db-verify.ts'], {
		cwd: root,
		env: { ...(process.env as Env), ...deployment, NODE_ENV: 'production' },
		stdio: ['ignore', 'pipe', 'pipe'],
		timeout: 60_000
	});
	let output = '';
	child.stdout.on('data', (b: Buffer) => (output += b.toString()));
	child.stderr.on('data', (b: Buffer) => (output += b.toString()));
	const status = await new Promise<number | null>((resolve) => child.once('close', resolve));
	return { status, output };
}

/** The ids of the jobs of `kind` this instance logged as done, one per completed run. */
export function jobsDone(instance: Instance, kind: string): string[] {
	return instance.logs
		.filter((l) => l.msg === 'job done' && l.kind === kind)
		.map((l) => String(l.jobId));
}
