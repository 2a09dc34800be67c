// A Chromium performance trace of one action, summarised by where the renderer's main thread
// spent its time (BENCH_TRACE=1 in `npm run bench:draw`). Profile before guessing: the summary
// says whether an undo's frame goes to script, Konva's canvas work, style/layout or the commit.
import type { CDPSession } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

interface TraceEvent {
	name: string;
	cat: string;
	ph: string;
	ts: number;
	dur?: number;
	pid: number;
	tid: number;
	args?: { name?: string; data?: { functionName?: string; url?: string } };
}

const CATEGORIES = [
	'devtools.timeline',
	'disabled-by-default-devtools.timeline',
	'disabled-by-default-devtools.timeline.frame',
	'v8.execute',
	'blink',
	'cc',
	'gpu',
	'viz',
	'skia',
	'disabled-by-default-skia',
	'cc.debug',
	'disabled-by-default-cc.debug'
].join(',');

/** Runs `action` under tracing, writes the raw trace to `file`, returns a readable summary. */
export async function traceAction(
	cdp: CDPSession,
	file: string,
	action: () => Promise<void>
): Promise<string> {
	const events: TraceEvent[] = [];
	const collected = new Promise<void>((resolve) => {
		cdp.on(
			'Tracing.dataCollected',
			({ value }) => void events.push(...(value as unknown as TraceEvent[]))
		);
		cdp.once('Tracing.tracingComplete', () => resolve());
	});
	await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
	// A sampling profile alongside: the trace says "script", the profile says which functions.
	await cdp.send('Profiler.enable');
	await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
	await cdp.send('Profiler.start');
	await action();
	const { profile } = await cdp.send('Profiler.stop');
	await cdp.send('Tracing.end');
	await collected;
	mkdirSync(path.dirname(file), { recursive: true });
	writeFileSync(file, JSON.stringify({ traceEvents: events }));
	writeFileSync(file.replace(/\.json$/, '.cpuprofile'), JSON.stringify(profile));
	return `${summarise(events)}\n${summariseProfile(profile)}`;
}

interface Profile {
	nodes: {
		id: number;
		callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
	}[];
	samples?: number[];
	timeDeltas?: number[];
}

/** The page's JavaScript by self time, longest first (idle and GC apart). */
function summariseProfile(profile: Profile): string {
	const byId = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
	const self = new Map<string, number>();
	const samples = profile.samples ?? [];
	const deltas = profile.timeDeltas ?? [];
	for (let i = 0; i < samples.length; i++) {
		const frame = byId.get(samples[i] as number);
		if (!frame || frame.functionName === '(idle)' || frame.functionName === '(program)') continue;
		const file = frame.url.split('/').at(-1) ?? '';
		const label = `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}:${frame.columnNumber + 1}`;
		self.set(label, (self.get(label) ?? 0) + (deltas[i + 1] ?? 0));
	}
	const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 15);
	return [
		'JavaScript (self time):',
		...top.map(([k, us]) => `  ${(us / 1000).toFixed(1).padStart(7)} ms  ${k}`)
	].join('\n');
}

/** Self time by event name on the busiest renderer main thread, longest first. */
function summarise(events: readonly TraceEvent[]): string {
	const names = new Map<string, string>();
	for (const e of events) {
		if (e.ph === 'M' && e.name === 'thread_name')
			names.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
	}
	const byThread = new Map<string, TraceEvent[]>();
	for (const e of events) {
		if (e.ph !== 'X' || e.dur === undefined) continue;
		const key = `${e.pid}:${e.tid}`;
		let list = byThread.get(key);
		if (!list) byThread.set(key, (list = []));
		list.push(e);
	}
	const lines: string[] = [];
	for (const [key, list] of byThread) {
		const thread = names.get(key) ?? key;
		if (!/CrRendererMain|Compositor|VizCompositor|DedicatedWorker|CrGpuMain/.test(thread)) continue;
		list.sort((a, b) => a.ts - b.ts || (b.dur as number) - (a.dur as number));
		// Self time: an event's duration minus its children's (events nest by time on a thread).
		const self = new Map<string, number>();
		const stack: { end: number; name: string }[] = [];
		let total = 0;
		for (const e of list) {
			const end = e.ts + (e.dur as number);
			while (stack.length > 0 && (stack.at(-1) as { end: number }).end <= e.ts) stack.pop();
			const parent = stack.at(-1);
			const label =
				e.name === 'FunctionCall' && e.args?.data?.functionName
					? `FunctionCall ${e.args.data.functionName}`
					: e.name;
			self.set(label, (self.get(label) ?? 0) + (e.dur as number));
			if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - (e.dur as number));
			else total += e.dur as number;
			stack.push({ end, name: label });
		}
		const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 12);
		lines.push(`${thread}: ${(total / 1000).toFixed(1)} ms busy`);
		for (const [name, us] of top) lines.push(`  ${(us / 1000).toFixed(1).padStart(7)} ms  ${name}`);
	}
	return lines.join('\n');
}
