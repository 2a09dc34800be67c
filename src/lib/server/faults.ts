/**
 * Fault injection for the fault tests (tests/faults/), which run the built server as a real
 * process: it kills itself with SIGKILL at a named point of a child's submission (what a power
 * cut or the OOM killer does), an image job pauses half-way so a test can kill the instance
 * holding it, and the job lease and the abandoned-receipt window shrink so a test does not wait
 * a minute for each.
 *
 * Never active in a deployment: it is armed only when SPROUT_FAULTS=1 and NODE_ENV=test are
 * both set (nothing sets NODE_ENV=test when Sprout is started, from the README or otherwise),
 * a SPROUT_FAULT_* setting without them stops start-up (config.ts), and an armed server says
 * so at start-up. Unarmed, every point is one comparison with null.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { FaultConfig } from './config.ts';
import { log } from './log.ts';

/** The places a fault can be injected. */
export const FAULT_POINTS = [
	/** A child's original is in storage; the commit that queues its job has not happened. */
	'submit.stored',
	/** That commit happened; the answer has not been sent. */
	'submit.committed',
	/** An image job wrote the renditions; the entry does not record them yet. */
	'entry-job.rendered'
] as const;

export type FaultPoint = (typeof FAULT_POINTS)[number];

let armed: FaultConfig | null = null;

/** Called once at start-up with the parsed configuration (null: nothing is injected). */
export function armFaults(config: FaultConfig | null): void {
	// Start-up is retried while the database or storage is down: say it once.
	const changed = armed !== config;
	armed = config;
	if (config && changed)
		log('warn', 'fault injection armed: this server is for fault tests only', {
			killAt: config.killAt,
			pauseAt: config.pauseAt,
			pauseMs: config.pauseAt ? config.pauseMs : undefined,
			leaseMs: config.leaseMs,
			receiptMs: config.receiptMs
		});
}

/** Passing `point`: the process dies here (kill -9) or pauses, if a fault test asked for it. */
export async function faultPoint(point: FaultPoint): Promise<void> {
	if (!armed) return;
	if (armed.killAt === point) {
		process.kill(process.pid, 'SIGKILL');
		// The signal is delivered at once; nothing after this point may run meanwhile.
		await new Promise<never>(() => {});
	}
	if (armed.pauseAt === point) {
		// The test counts these lines: how many jobs this instance holds when it is killed.
		log('info', 'fault pause', { point, ms: armed.pauseMs });
		// Unreferenced: a paused job must not keep a stopping process alive.
		await sleep(armed.pauseMs, undefined, { ref: false });
	}
}

/** A shortened timing for the fault tests, or undefined to keep the real one. */
export function faultTiming(name: 'leaseMs' | 'receiptMs'): number | undefined {
	return armed?.[name];
}
