// The judges of judging-saves.ts, in a worker thread of their own: what they measure is the
// server's round trip, so the client must not add its own pauses. In the bench's main thread,
// with fetch, it did: undici's garbage and the heap the other parts built gave the client
// 25–36 ms collector pauses, which stalled all ten judges at once and showed as server latency
// (a static file measured p95 30 ms that way, 10–12 ms from this client). Like autocannon in
// the gallery bench, this client is a plain keep-alive node:http agent with a small heap.
import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';
import {
	batchOf,
	bodyOf,
	type Pending
} from '../../src/routes/judge/rounds/[roundId]/score-batch.ts';
import { processCpuMs } from './bench-server.ts';

export type Mode = 'batched' | 'perCriterion';

export interface Tally {
	requests: number[];
	criteria: number[];
	cpuMs: number;
}

export interface SavesInput {
	origin: string;
	serverPid: number;
	roundId: string;
	judges: { cookie: string; handles: string[] }[];
	criteria: readonly string[];
}

const input = workerData as SavesInput;
const origin = new URL(input.origin);
const agent = new http.Agent({ keepAlive: true, maxSockets: input.judges.length });

function post(cookie: string, body: unknown): Promise<void> {
	const payload = Buffer.from(JSON.stringify(body));
	return new Promise((resolve, reject) => {
		const req = http.request(
			{
				host: origin.hostname,
				port: origin.port,
				path: `/judge/rounds/${input.roundId}/scores`,
				method: 'POST',
				agent,
				headers: {
					'content-type': 'application/json',
					'content-length': payload.length,
					origin: input.origin,
					cookie: `sprout_session=${cookie}`
				}
			},
			(res) => {
				const chunks: Buffer[] = [];
				res.on('data', (chunk: Buffer) => chunks.push(chunk));
				res.on('end', () => {
					if (res.statusCode === 200) resolve();
					else
						reject(
							new Error(`save answered ${res.statusCode}: ${Buffer.concat(chunks).toString()}`)
						);
				});
				res.on('error', reject);
			}
		);
		req.on('error', reject);
		req.end(payload);
	});
}

/** One artwork as the judge's screen sends it; each criterion's wait from its key press. */
async function scoreArtwork(cookie: string, handle: string, mode: Mode, tally: Tally) {
	const keys: Pending[] = input.criteria.map((criterionId) => ({
		handle,
		criterionId,
		value: 7,
		base: 0
	}));
	const pressed = performance.now();
	// Batched: the first key goes as soon as it is pressed; the others pile up behind it.
	let waiting = keys.slice(0, 1);
	let rest = keys.slice(1);
	while (waiting.length > 0) {
		const sent = batchOf(waiting, waiting[0]!);
		const start = performance.now();
		await post(cookie, bodyOf(sent));
		const end = performance.now();
		tally.requests.push(end - start);
		for (let i = 0; i < sent.length; i++) tally.criteria.push(end - pressed);
		waiting = mode === 'batched' ? rest : rest.slice(0, 1);
		rest = mode === 'batched' ? [] : rest.slice(1);
	}
}

const tallies: Record<Mode, Tally> = {
	batched: { requests: [], criteria: [], cpuMs: 0 },
	perCriterion: { requests: [], criteria: [], cpuMs: 0 }
};
const scratch: Tally = { requests: [], criteria: [], cpuMs: 0 };
// Warm-up, not counted: twenty artworks a judge, half each way. With two a judge, the first
// measured block still ran 10–15 ms slower at p95 than the same mode's second block (the
// server's JIT and statement cache settling in), which is start-up, not steady judging.
const WARM = 20;
const BLOCKS: Mode[] = ['batched', 'perCriterion', 'perCriterion', 'batched'];
const perJudge = Math.min(...input.judges.map((j) => j.handles.length));
const blockSize = Math.floor((perJudge - WARM) / BLOCKS.length);

async function runBlock(mode: Mode, from: number, to: number, tally: Tally) {
	const cpuBefore = processCpuMs(input.serverPid);
	await Promise.all(
		input.judges.map(async (j) => {
			for (const handle of j.handles.slice(from, to))
				await scoreArtwork(j.cookie, handle, mode, tally);
		})
	);
	const cpuAfter = processCpuMs(input.serverPid);
	if (cpuBefore !== null && cpuAfter !== null) tally.cpuMs += cpuAfter - cpuBefore;
}

await runBlock('batched', 0, WARM / 2, scratch);
await runBlock('perCriterion', WARM / 2, WARM, scratch);
// Blocks of the two modes alternate so the machine's load falls on both alike.
for (const [b, mode] of BLOCKS.entries())
	await runBlock(mode, WARM + b * blockSize, WARM + (b + 1) * blockSize, tallies[mode]);
agent.destroy();
parentPort!.postMessage(tallies);
