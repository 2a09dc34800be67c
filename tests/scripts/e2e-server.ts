// Started by Playwright (playwright.config.ts → webServer): a fresh, seeded SQLite database and
// local object storage under .reports/e2e/, then the built server (`npm run build` first) on
// 127.0.0.1:4173. Every run starts from the same demo data.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { constants } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const dataDir = path.join(root, '.reports/e2e');

if (!existsSync(path.join(root, 'build/index.js'))) {
	console.error('[e2e-server] build/ is missing: run `npm run build` before the browser tests.');
	process.exit(1);
}

rmSync(dataDir, { recursive: true, force: true });
mkdirSync(path.join(dataDir, 'objects'), { recursive: true });

const env: NodeJS.ProcessEnv = {
	...process.env,
	DATABASE_URL: 'sqlite:./.reports/e2e/sprout.db',
	STORAGE_DIR: './.reports/e2e/objects',
	// Empty (not absent) so neither the shell nor a developer's .env can switch storage to S3.
	S3_ENDPOINT: '',
	S3_BUCKET: ''
};

const seed = spawnSync(process.execPath, ['src/cli/db-seed.ts'], {
	cwd: root,
	env,
	encoding: 'utf8'
});
if (seed.status !== 0) {
	console.error('[e2e-server] seeding the e2e database failed:');
	if (seed.error) console.error(seed.error);
	console.error(seed.stdout);
	console.error(seed.stderr);
	console.error(`[e2e-server] seed-cli exited with ${seed.status ?? seed.signal}`);
	process.exit(1);
}
process.stdout.write(seed.stdout);

const server = spawn(process.execPath, ['build'], {
	cwd: root,
	env: {
		...env,
		PORT: process.env.E2E_PORT ?? '4173',
		HOST: '127.0.0.1',
		ORIGIN: `http://127.0.0.1:${process.env.E2E_PORT ?? '4173'}`,
		// BODY_SIZE_LIMIT left unset on purpose: the built server's own default must hold.
		NODE_ENV: 'production'
	},
	stdio: 'inherit'
});

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
	process.on(signal, () => server.kill(signal));
}
server.on('error', (err) => {
	console.error('[e2e-server] could not start `node build`:', err);
	process.exit(1);
});
server.on('exit', (code, signal) => {
	process.exit(code ?? 128 + (signal ? constants.signals[signal] : 0));
});
