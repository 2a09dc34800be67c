// The built server on an S3-compatible store that goes away while it runs: requests that need
// storage answer 503 with Retry-After and the translated "cannot reach … nothing is lost"
// message (never SvelteKit's bare English 500), and everything works again when it is back.
// Its own server and store, so the rest of the suite is untouched.
import { expect, test } from '@playwright/test';
import S3rver from '@20minutes/s3rver';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from '../integration/helpers/ports.ts';

const root = path.resolve(import.meta.dirname, '../..');
const dataDir = path.join(root, '.reports/outage');
const KEY = `public/templates/${'a'.repeat(64)}.png`;

let s3: S3rver | undefined;
let s3Port = 0;
let app: ChildProcess | undefined;
let origin = '';

async function startS3(): Promise<void> {
	s3 = new S3rver({
		address: '127.0.0.1',
		port: s3Port,
		silent: true,
		directory: path.join(dataDir, 's3'),
		allowMismatchedSignatures: true,
		configureBuckets: [{ name: 'sprout' }]
	});
	await s3.run();
}

async function stopS3(): Promise<void> {
	await s3?.close();
	s3 = undefined;
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
	rmSync(dataDir, { recursive: true, force: true });
	mkdirSync(path.join(dataDir, 's3'), { recursive: true });
	s3Port = await freePort();
	await startS3();
	const port = await freePort();
	origin = `http://127.0.0.1:${port}`;
	const env = {
		...process.env,
		// PostgreSQL where the suite has one (CI does): its pool is what kept a stopping server alive.
		DATABASE_URL: process.env.TEST_DATABASE_URL || `sqlite:${path.join(dataDir, 'sprout.db')}`,
		S3_ENDPOINT: `http://127.0.0.1:${s3Port}`,
		S3_BUCKET: 'sprout',
		S3_ACCESS_KEY_ID: 'S3RVER',
		S3_SECRET_ACCESS_KEY: 'S3RVER',
		S3_FORCE_PATH_STYLE: 'true'
	};
	const migrate = spawnSync(process.execPath, ['src/cli/db-migrate.ts'], {
		cwd: root,
		env,
		encoding: 'utf8'
	});
	expect(migrate.status, migrate.stderr).toBe(0);
	app = spawn(process.execPath, ['build'], {
		cwd: root,
		env: { ...env, PORT: String(port), HOST: '127.0.0.1', ORIGIN: origin, NODE_ENV: 'production' },
		stdio: 'ignore'
	});
	for (let i = 0; i < 100; i++) {
		const ok = await fetch(`${origin}/healthz`).then(
			(r) => r.ok,
			() => false
		);
		if (ok) return;
		await sleep(100);
	}
	throw new Error('the outage test server did not start');
});

test.afterAll(async () => {
	app?.kill('SIGTERM');
	await stopS3();
	rmSync(dataDir, { recursive: true, force: true });
});

test('a storage outage answers 503 with the translated message, and recovers', async () => {
	const url = `${origin}/objects/${KEY}`;
	// Reachable: the object simply does not exist.
	expect((await fetch(url)).status).toBe(404);

	await stopS3();
	const json = await fetch(url, { headers: { 'accept-language': 'en' } });
	expect(json.status).toBe(503);
	expect(json.headers.get('retry-after')).toBe('5');
	expect(await json.text()).toContain('No work is lost');

	const page = await fetch(url, { headers: { accept: 'text/html', 'accept-language': 'zh-CN' } });
	expect(page.status).toBe(503);
	expect(page.headers.get('content-type')).toContain('text/html');
	const html = await page.text();
	expect(html).toContain('暂时无法连接');
	expect(html).not.toContain('Internal Error');

	await startS3();
	expect((await fetch(url)).status).toBe(404);
});

test('SIGTERM ends the server within a few seconds, even with keep-alive connections open', async () => {
	// fetch keeps its connections alive: exactly what a reverse proxy does.
	for (let i = 0; i < 3; i++) expect((await fetch(`${origin}/healthz`)).ok).toBe(true);
	const exited = new Promise<number>((resolve) => app!.once('exit', () => resolve(Date.now())));
	const sentAt = Date.now();
	app!.kill('SIGTERM');
	const seconds = ((await exited) - sentAt) / 1000;
	expect(seconds).toBeLessThan(5);
	app = undefined;
});
