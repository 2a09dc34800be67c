import { describe, expect, it } from 'vitest';
import { createDocument, type DrawDocument, type Op, type StrokeOp } from './document.ts';
import { createTimeline, formatReplayTime, frameAt } from './replay.ts';

/** A stroke whose samples carry the given `t` values, at x = 0, 1, 2, … */
function stroke(id: string, times: number[]): StrokeOp {
	return {
		type: 'stroke',
		id,
		tool: 'brush',
		color: '#336699',
		size: 8,
		opacity: 1,
		points: times.flatMap((t, i) => [i, 10, 0.5, t])
	};
}

const fill: Op = { type: 'fill', id: 'f', x: 5, y: 5, color: '#ff0000', tolerance: 32 };

function doc(...ops: Op[]): DrawDocument {
	return { ...createDocument(), ops };
}

const noGap = { opGapMs: 0 };

describe('createTimeline', () => {
	it('plays strokes at the pace they were drawn, one after another', () => {
		const timeline = createTimeline(doc(stroke('a', [0, 40, 100]), stroke('b', [0, 50])), {
			opGapMs: 100
		});
		expect(timeline.steps.map((s) => [s.start, s.end])).toEqual([
			[0, 100],
			[200, 250]
		]);
		expect(timeline.duration).toBe(250);
	});

	it('caps long pauses inside a stroke', () => {
		const timeline = createTimeline(doc(stroke('a', [0, 20, 60_020, 60_040])), {
			...noGap,
			maxGapMs: 300
		});
		expect(Array.from(timeline.steps[0]!.times!)).toEqual([0, 20, 320, 340]);
		expect(timeline.duration).toBe(340);
	});

	it('treats NaN and backwards times as no time passing', () => {
		const timeline = createTimeline(doc(stroke('a', [5, Number.NaN, 25, 10, 45])), noGap);
		expect(Array.from(timeline.steps[0]!.times!)).toEqual([0, 0, 20, 20, 40]);
	});

	it('shows fills and other ops at once', () => {
		const timeline = createTimeline(doc(stroke('a', [0, 100]), fill), { opGapMs: 50 });
		expect(timeline.steps[1]).toMatchObject({ start: 150, end: 150, times: null });
		expect(timeline.duration).toBe(150);
	});

	it('is empty for an empty document', () => {
		const timeline = createTimeline(doc());
		expect(timeline.duration).toBe(0);
		expect(frameAt(timeline, 0)).toEqual({ opsDone: 0, partialStroke: null });
	});
});

describe('frameAt', () => {
	const timeline = createTimeline(doc(stroke('a', [0, 40, 100]), fill, stroke('b', [0, 50])), {
		opGapMs: 100
	});

	it('reveals a stroke sample by sample', () => {
		expect(frameAt(timeline, 0).partialStroke?.points).toEqual([0, 10, 0.5, 0]);
		expect(frameAt(timeline, 39).partialStroke?.points).toHaveLength(4);
		const at40 = frameAt(timeline, 40);
		expect(at40.opsDone).toBe(0);
		expect(at40.partialStroke?.points).toEqual([0, 10, 0.5, 0, 1, 10, 0.5, 40]);
		expect(at40.partialStroke?.id).toBe('a');
	});

	it('counts an op done once its end is reached, with nothing partial in pauses', () => {
		expect(frameAt(timeline, 100)).toEqual({ opsDone: 1, partialStroke: null });
		expect(frameAt(timeline, 199)).toEqual({ opsDone: 1, partialStroke: null });
		expect(frameAt(timeline, 200)).toEqual({ opsDone: 2, partialStroke: null });
		expect(frameAt(timeline, 300).opsDone).toBe(2);
		expect(frameAt(timeline, 300).partialStroke?.id).toBe('b');
	});

	it('clamps before the start and after the end', () => {
		expect(frameAt(timeline, -50).opsDone).toBe(0);
		expect(frameAt(timeline, Number.NaN).opsDone).toBe(0);
		expect(frameAt(timeline, timeline.duration)).toEqual({ opsDone: 3, partialStroke: null });
		expect(frameAt(timeline, 1e12)).toEqual({ opsDone: 3, partialStroke: null });
	});

	it('never mutates the document', () => {
		const original = stroke('a', [0, 10, 20]);
		const frozen = Object.freeze({ ...original, points: Object.freeze([...original.points]) });
		const t = createTimeline(doc(frozen));
		expect(frameAt(t, 10).partialStroke?.points).toHaveLength(8);
		expect(frozen.points).toHaveLength(12);
	});

	it('handles a stroke with a single sample and one with none', () => {
		const empty: StrokeOp = { ...stroke('e', []), points: [] };
		const t = createTimeline(doc(stroke('dot', [7]), empty), noGap);
		expect(t.duration).toBe(0);
		expect(frameAt(t, 0)).toEqual({ opsDone: 2, partialStroke: null });
	});

	it('stays fast on a 5,000-stroke drawing', () => {
		const ops = Array.from({ length: 5000 }, (_, i) =>
			stroke(
				`s${i}`,
				Array.from({ length: 60 }, (_, j) => j * 16)
			)
		);
		const t = createTimeline(doc(...ops));
		const started = performance.now();
		for (let ms = 0; ms < t.duration; ms += t.duration / 1000) frameAt(t, ms);
		expect(performance.now() - started).toBeLessThan(500);
		expect(frameAt(t, t.duration / 2).opsDone).toBeGreaterThan(2000);
	});
});

describe('formatReplayTime', () => {
	it('formats minutes and seconds', () => {
		expect(formatReplayTime(0)).toBe('0:00');
		expect(formatReplayTime(65_400)).toBe('1:05');
		expect(formatReplayTime(-3)).toBe('0:00');
	});
});
