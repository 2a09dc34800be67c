import { spawnSync } from 'node:child_process';

/**
 * `vite build` for `npm run demo`: a newcomer needs to know it worked, not SvelteKit's
 * "Run npm run preview…" advice (the demo starts the server itself) nor the bundler's timing and
 * empty-chunk notes. The full output is shown only when the build fails.
 */
export function buildQuietly(env: NodeJS.ProcessEnv): void {
	console.log('Building Sprout (about a minute)…');
	const result = spawnSync('npx', ['--no', '--', 'vite', 'build', '--logLevel', 'error'], {
		env,
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024
	});
	if (result.status === 0) return;
	process.stdout.write(result.stdout ?? '');
	process.stderr.write(result.stderr ?? '');
	console.error(`The build failed (exit code ${result.status ?? result.signal}).`);
	process.exit(result.status ?? 1);
}
