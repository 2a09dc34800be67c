import { expect } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

export const E2E_ROOT = path.resolve(import.meta.dirname, '../..');
export const E2E_DATABASE = path.join(E2E_ROOT, '.reports/e2e/sprout.db');

/**
 * Loads the judging demo (a contest in judging with real drawn entries) into the e2e database
 * and storage beside the running server; a second run changes nothing, unless `restart` asks
 * for a fresh round in place of the scores a failed attempt left (a retry starts clean).
 */
export function seedJudgingDemo(entries: number, restart = false): void {
	const args = ['src/cli/demo-judging.ts', String(entries), ...(restart ? ['--restart'] : [])];
	const seeded = spawnSync(process.execPath, args, {
		cwd: E2E_ROOT,
		env: {
			...process.env,
			DATABASE_URL: 'sqlite:./.reports/e2e/sprout.db',
			STORAGE_DIR: './.reports/e2e/objects',
			S3_ENDPOINT: '',
			S3_BUCKET: ''
		},
		encoding: 'utf8'
	});
	expect(seeded.status, seeded.stderr + seeded.stdout).toBe(0);
}
