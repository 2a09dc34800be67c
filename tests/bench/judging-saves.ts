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
// Read the two with the server CPU in the note: in this closed loop (no pause between artworks)
// the server is always busy, so a round trip is about ten requests' work, and a request that
// carries two criteria takes longer than one that carries one, while each criterion costs less.
import { loadavg } from 'node:os';
import {
	batchOf,
	bodyOf,
	type Pending
} from '../../src/routes/judge/rounds/[roundId]/score-batch.ts';
import type { BenchServer } from './bench-server.ts';
import { median, percentile, type Figure } from './report.ts';

type Mode = 'batched' | 'perCriterion';

interface Tally {
	requests: number[];
	criteria: number[];
	cpuMs: number;
}

const round1 = (v: number) => Math.round(v * 10) / 10;

export async function measureSaves(
	server: BenchServer,
	roundId: string,
	judges: { cookie: string; handles: string[] }[],
	criteria: readonly string[]
): Promise<Figure[]> {
	const post = async (cookie: string, body: unknown) => {
		const res = await fetch(`${server.origin}/judge/rounds/${roundId}/scores`, {
			method: 'POST',
			headers: {
				'content-type': 'application/json',
				origin: server.origin,
				cookie: `sprout_session=${cookie}`
			},
			body: JSON.stringify(body)
		});
		const text = await res.text();
		if (!res.ok) throw new Error(`save answered ${res.status}: ${text}`);
	};

	/** One artwork as the judge's screen sends it; each criterion's wait from its key press. */
	async function scoreArtwork(cookie: string, handle: string, mode: Mode, tally: Tally) {
		const keys: Pending[] = criteria.map((criterionId) => ({
			handle,
			criterionId,
			value: 7,
			base: 0
		}));
		const pressed = performance.now();
		// Batched: the first key goes as soon as it is pressed; the others pile up behind it.
		let waiting = mode === 'batched' ? [keys[0]!] : keys.slice(0, 1);
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
	// Warm-up (JIT, statement cache), not counted: four artworks a judge, both ways.
	const WARM = 4;
	const BLOCKS: Mode[] = ['batched', 'perCriterion', 'perCriterion', 'batched'];
	const perJudge = Math.min(...judges.map((j) => j.handles.length));
	const blockSize = Math.floor((perJudge - WARM) / BLOCKS.length);
	const runBlock = async (mode: Mode, from: number, to: number, tally: Tally) => {
		const cpuBefore = server.cpuMs();
		await Promise.all(
			judges.map(async (j) => {
				for (const handle of j.handles.slice(from, to))
					await scoreArtwork(j.cookie, handle, mode, tally);
			})
		);
		const cpuAfter = server.cpuMs();
		if (cpuBefore !== null && cpuAfter !== null) tally.cpuMs += cpuAfter - cpuBefore;
	};
	await runBlock('batched', 0, WARM / 2, scratch);
	await runBlock('perCriterion', WARM / 2, WARM, scratch);
	for (const [b, mode] of BLOCKS.entries())
		await runBlock(mode, WARM + b * blockSize, WARM + (b + 1) * blockSize, tallies[mode]);

	const load = loadavg()[0]?.toFixed(1);
	const { batched, perCriterion } = tallies;
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
