// Deploying from the README: copies exactly the set the README says to ship into an empty
// folder, installs production dependencies only (from npm's cache when it has them), then runs
// what an operator runs there: migrate, create the first organizer, start, /healthz, sign in.
// Slow (an npm install), so it runs in `npm run test:faults`, after `npm run build`.
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(path.join(tmpdir(), 'sprout-shipped-'));
const PORT = String(4400 + (process.pid % 500));
const env: NodeJS.ProcessEnv = {
	...process.env,
	DATABASE_URL: `sqlite:${dir}/data/sprout.db`,
	STORAGE_DIR: `${dir}/data/objects`,
	S3_ENDPOINT: '',
	S3_BUCKET: '',
	PORT,
	HOST: '127.0.0.1',
	ORIGIN: `http://127.0.0.1:${PORT}`,
	NODE_ENV: 'production'
};
let server: ReturnType<typeof spawn> | undefined;

afterAll(() => {
	// The server runs under `npm start` in its own process group: end the whole group.
	if (server?.pid) process.kill(-server.pid, 'SIGTERM');
	rmSync(dir, { recursive: true, force: true });
});

/** The backticked items of the README's "Ship … together" sentence. */
function shipList(): string[] {
	const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
	const sentence = /^Ship ([\s\S]+?) together/m.exec(readme);
	expect(sentence, 'README says what to ship').not.toBeNull();
	return [...sentence![1]!.matchAll(/`([^`]+)`/g)].map((m) => m[1]!.replace(/\/$/, ''));
}

function run(command: string, args: string[]): SpawnSyncReturns<string> {
	const result = spawnSync(command, args, { cwd: dir, env, encoding: 'utf8', timeout: 300_000 });
	expect(result.status, `${command} ${args.join(' ')}\n${result.stdout}\n${result.stderr}`).toBe(0);
	return result;
}

describe('the shipped file set', () => {
	it('installs with production dependencies only, migrates, creates an organizer and serves', async () => {
		expect(existsSync(path.join(root, 'build/index.js')), 'run `npm run build` first').toBe(true);
		const items = shipList();
		expect(items).toEqual(expect.arrayContaining(['build', 'migrations', 'package.json']));
		for (const item of items)
			cpSync(path.join(root, item), path.join(dir, item), { recursive: true });

		run('npm', ['ci', '--omit=dev', '--prefer-offline', '--no-audit', '--no-fund']);
		expect(existsSync(path.join(dir, 'node_modules/vitest'))).toBe(false);
		run('npm', ['run', 'db:migrate']);
		const created = run('npm', [
			'run',
			'user:create',
			'--',
			'--role',
			'organizer',
			'--email',
			'first@ngo.example',
			'--name',
			'First Organizer',
			'--admin',
			'--password',
			'a long enough password'
		]);
		expect(created.stdout).toContain('first@ngo.example');

		server = spawn('npm', ['start'], { cwd: dir, env, detached: true, stdio: 'ignore' });
		const base = `http://127.0.0.1:${PORT}`;
		let health: Response | undefined;
		for (let i = 0; i < 100 && !health?.ok; i++) {
			health = await fetch(`${base}/healthz`).catch(() => undefined);
			if (!health?.ok) await new Promise((r) => setTimeout(r, 200));
		}
		expect(health?.status).toBe(200);
		expect(await health!.json()).toEqual({ status: 'ok', database: 'ok', storage: 'ok' });

		const login = await fetch(`${base}/login`, {
			method: 'POST',
			redirect: 'manual',
			// text/html: a browser's form post (with */* SvelteKit answers an action as JSON).
			headers: {
				origin: base,
				accept: 'text/html',
				'content-type': 'application/x-www-form-urlencoded'
			},
			body: new URLSearchParams({ email: 'first@ngo.example', password: 'a long enough password' })
		});
		expect(login.status).toBe(303);
		expect(login.headers.get('set-cookie')).toContain('sprout_session=');
	});
});
