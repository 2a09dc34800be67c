// Runs one of the demo seed CLIs against the e2e database and storage, beside the running server.
import { expect } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

export function seedE2e(script: string, ...args: string[]): void {
	const root = path.resolve(import.meta.dirname, '../..');
	const seeded = spawnSync(process.execPath, [script, ...args], {
		cwd: root,
		env: {
			...process.env,
			DATABASE_URL: 'sqlite:./.reports/e2e/sprout.db',
			STORAGE_DIR: './.reports/e2e/objects',
			// Empty (not absent) so neither the shell nor a .env can switch storage to S3.
			S3_ENDPOINT: '',
			S3_BUCKET: ''
		},
		encoding: 'utf8'
	});
	expect(seeded.status, seeded.stderr + seeded.stdout).toBe(0);
}
