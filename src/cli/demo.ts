// npm run demo — builds the app, loads demo data into the embedded SQLite database and
// local object store (./data), and serves it on http://localhost:3000 (PORT to change).
import { spawn, spawnSync } from 'node:child_process';
import { buildQuietly } from '../lib/server/demo/build-quietly.ts';

const port = process.env.PORT ?? '3000';
const env = {
	...process.env,
	PORT: port,
	ORIGIN: process.env.ORIGIN ?? `http://localhost:${port}`,
	NODE_ENV: 'production',
	// A person watches the demo's terminal: log lines as text, not JSON.
	LOG_FORMAT: process.env.LOG_FORMAT ?? 'text'
};

function run(args: string[]): void {
	const result = spawnSync(args[0]!, args.slice(1), { stdio: 'inherit', env });
	if (result.status !== 0) process.exit(result.status ?? 1);
}

buildQuietly(env);
run([process.execPath, 'src/cli/db-seed.ts']);
run([process.execPath, 'src/lib/server/demo/seed-demo-cli.ts']);
// A contest already in judging (drawn entries, open rubric round, three judges).
run([process.execPath, 'src/cli/demo-judging.ts']);
// Beside it, a panel round open for the demo judges and a past one with its Schulze results.
run([process.execPath, 'src/cli/demo-panel.ts']);
// A past contest with its exhibition published (awards, every kind of consent).
run([process.execPath, 'src/cli/demo-exhibition.ts']);
console.log(`\nSprout is starting on ${env.ORIGIN} (Ctrl+C to stop)\n`);
const server = spawn(process.execPath, ['build'], { stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
