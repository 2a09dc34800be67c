// npm start — runs the built server with Sprout's defaults for variables adapter-node reads
// itself (its 512K body limit is too small for artworks).
import { spawn } from 'node:child_process';

const env = { ...process.env, BODY_SIZE_LIMIT: process.env.BODY_SIZE_LIMIT || '32M' };
const server = spawn(process.execPath, ['build'], { stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
