// score_save_p95_ms.10judges and criterion_saved_p95_ms.10judges: 10 judges score their
// artworks at once through the built server, each in a closed loop (a save waits behind the
// other judges' saves), with every request a full round trip.
//
// Each artwork's three keys are pressed at once (faster than a round trip, as a judge who knows
// their scores types them), and the requests are what the judge's queue sends for that:
// score-batch.ts, the client's own grouping — the first key at once, alone; the two pressed
// while it travelled, together. The baseline, in the same run on the same server, is the client
// before batches: one request per criterion, one after the other. Blocks of the two alternate
// so the machine's load falls on both alike.
//   score_save_p95_ms.10judges       one request's round trip (what the target is on)
//   criterion_saved_p95_ms.10judges  key press → that criterion confirmed, what the judge waits
// The judges run in a worker thread with a lean HTTP client (judging-saves-client.ts says why).
// Read the two with the server CPU in the note: in this closed loop (no pause between artworks)
// the server is always busy, so a round trip is about ten requests' work, and a request that
// carries two criteria takes longer than one that carries one, while each criterion costs less.
import { loadavg } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { BenchServer } from './bench-server.ts';
import type { Mode, SavesInput, Tally } from './judging-saves-client.ts';
import { median, percentile, type Figure } from './report.ts';

const round1 = (v: number) => Math.round(v * 10) / 10;

function runJudges(input: SavesInput): Promise<Record<Mode, Tally>> {
	return new Promise((resolve, reject) => {
		const worker = new Worker(new URL('./judging-saves-client.ts', import.meta.url), {
			workerData: input
		});
		worker.once('message', resolve);
		worker.once('error', reject);
		worker.once('exit', (code) => reject(new Error(`the judges' worker exited with ${code}`)));
	});
}

export async function measureSaves(
	server: BenchServer,
	roundId: string,
	judges: { cookie: string; handles: string[] }[],
	criteria: readonly string[]
): Promise<Figure[]> {
	const { batched, perCriterion } = await runJudges({
		origin: server.origin,
		serverPid: server.pid,
		roundId,
		judges,
		criteria
	});
	const load = loadavg()[0]?.toFixed(1);
	const cpu = (t: Tally) =>
		server.cpuMs() === null
			? ''
			: `, server CPU ${(t.cpuMs / t.requests.length).toFixed(2)} ms a request, ` +
				`${(t.cpuMs / t.criteria.length).toFixed(2)} ms a criterion`;
	const describe = (t: Tally, what: string) =>
		`${what}: ${t.requests.length} requests for ${t.criteria.length} criteria, request median ` +
		`${median(t.requests).toFixed(1)} ms, criterion median ${median(t.criteria).toFixed(1)} ms${cpu(t)}`;
	const figure = (id: string, value: number, base: number): Figure => ({
		id,
		value: round1(value),
		unit: 'ms',
		target: '<= 50',
		baseline: round1(base),
		ratio: Math.round((base / value) * 100) / 100
	});
	const note =
		`${describe(batched, 'batched as the client sends')}; baseline ` +
		`${describe(perCriterion, 'one request per criterion')}; load average ${load}`;
	return [
		{
			...figure(
				'score_save_p95_ms.10judges',
				percentile(batched.requests, 95),
				percentile(perCriterion.requests, 95)
			),
			note
		},
		{
			...figure(
				'criterion_saved_p95_ms.10judges',
				percentile(batched.criteria, 95),
				percentile(perCriterion.criteria, 95)
			),
			target: undefined,
			note: 'key press → criterion confirmed, three keys pressed at once per artwork'
		}
	];
}
