import { POINT_STRIDE, type DrawDocument, type Op, type StrokeOp } from './document.ts';

/**
 * A time-lapse of how a drawing was made, derived from the document alone (pure, no canvas).
 * Strokes are revealed sample by sample at the pace the child drew them, using each sample's
 * `t`; everything else (fills, shapes, stamps, labels) appears at once. The document does not
 * record time between ops, so ops are separated by a fixed short pause.
 */

export interface ReplayOptions {
	/** Longest pause kept inside a stroke; a child who stopped to think is not replayed idle. */
	maxGapMs?: number;
	/** Pause between two ops. */
	opGapMs?: number;
}

export const DEFAULT_REPLAY_OPTIONS: Required<ReplayOptions> = { maxGapMs: 300, opGapMs: 120 };

export interface ReplayStep {
	op: Op;
	/** Replay ms at which the op starts to show. */
	start: number;
	/** Replay ms at which the op is complete (equal to `start` for ops that appear at once). */
	end: number;
	/**
	 * Strokes only: replay ms, relative to `start`, at which each sample appears
	 * (non-decreasing, first is 0).
	 */
	times: Float64Array | null;
}

export interface ReplayTimeline {
	doc: DrawDocument;
	steps: readonly ReplayStep[];
	/** Replay ms at which the last op is complete. */
	duration: number;
}

export interface ReplayFrame {
	/** The first `opsDone` ops of the document are finished at this moment. */
	opsDone: number;
	/** The stroke being drawn at this moment, cut to the samples already shown. */
	partialStroke: StrokeOp | null;
}

/**
 * Sample times relative to the stroke's first sample with long pauses capped. Bad `t` values
 * (NaN, going backwards, from a buggy tablet driver) count as no time passing, never as an
 * error: a replay must show every stroke the child made.
 */
function sampleTimes(op: StrokeOp, maxGapMs: number): Float64Array {
	const count = Math.floor(op.points.length / POINT_STRIDE);
	const times = new Float64Array(count);
	let elapsed = 0;
	let previous = Number.NaN;
	for (let i = 0; i < count; i++) {
		const t = op.points[i * POINT_STRIDE + 3] as number;
		if (Number.isFinite(t)) {
			if (!Number.isFinite(previous)) previous = t;
			else if (t > previous) {
				elapsed += Math.min(t - previous, maxGapMs);
				previous = t;
			}
		}
		times[i] = elapsed;
	}
	return times;
}

export function createTimeline(doc: DrawDocument, options: ReplayOptions = {}): ReplayTimeline {
	const { maxGapMs, opGapMs } = { ...DEFAULT_REPLAY_OPTIONS, ...options };
	const steps: ReplayStep[] = [];
	let cursor = 0;
	for (const op of doc.ops) {
		if (steps.length > 0) cursor += opGapMs;
		const times = op.type === 'stroke' ? sampleTimes(op, maxGapMs) : null;
		const length = times && times.length > 0 ? (times[times.length - 1] as number) : 0;
		steps.push({ op, start: cursor, end: cursor + length, times });
		cursor += length;
	}
	return { doc, steps, duration: cursor };
}

/** Number of steps whose `end` is at or before `ms` (steps are sorted by `end`). */
function countDone(steps: readonly ReplayStep[], ms: number): number {
	let lo = 0;
	let hi = steps.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if ((steps[mid] as ReplayStep).end <= ms) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

/** Number of samples shown `elapsed` ms into a stroke: at least the first one. */
function countSamples(times: Float64Array, elapsed: number): number {
	let lo = 1;
	let hi = times.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if ((times[mid] as number) <= elapsed) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

/** What the picture looks like `ms` into the replay; clamped to [0, duration]. */
export function frameAt(timeline: ReplayTimeline, ms: number): ReplayFrame {
	const at = Number.isFinite(ms) ? Math.max(0, ms) : 0;
	const opsDone = countDone(timeline.steps, at);
	const next = timeline.steps[opsDone];
	if (!next || next.start > at || next.op.type !== 'stroke' || !next.times) {
		return { opsDone, partialStroke: null };
	}
	const shown = countSamples(next.times, at - next.start);
	const partialStroke: StrokeOp = {
		...next.op,
		points: next.op.points.slice(0, shown * POINT_STRIDE)
	};
	return { opsDone, partialStroke };
}

/** `m:ss` for the scrubber's spoken value and the time read-out. */
export function formatReplayTime(ms: number): string {
	const seconds = Math.max(0, Math.floor(ms / 1000));
	return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
