import { describe, expect, it } from 'vitest';
import {
	appendSample,
	DEFAULT_PRESSURE,
	MIN_POINT_DISTANCE,
	pressureFor,
	simulatePressure,
	type Sample
} from './stroke-input.ts';

/** Pressure after moving steadily at `speed` px/ms for a while. */
function settle(speed: number): number {
	let previous: Sample = { x: 0, y: 0, t: 0, pressure: DEFAULT_PRESSURE };
	for (let i = 1; i <= 30; i++) {
		const x = previous.x + speed * 16;
		previous = { x, y: 0, t: i * 16, pressure: simulatePressure(previous, x, 0, i * 16) };
	}
	return previous.pressure;
}

describe('simulated pressure', () => {
	it('starts a mouse stroke at the default pressure', () => {
		expect(simulatePressure(null, 5, 5, 0)).toBe(DEFAULT_PRESSURE);
	});

	it('makes fast strokes thinner than slow ones, within 0.2–0.9', () => {
		const slow = settle(0.05);
		const fast = settle(3);
		expect(slow).toBeGreaterThan(0.8);
		expect(fast).toBeLessThan(0.3);
		expect(fast).toBeGreaterThanOrEqual(0.2);
	});

	it('eases toward the target so one jump does not swing the width', () => {
		const previous: Sample = { x: 0, y: 0, t: 0, pressure: 0.8 };
		const next = simulatePressure(previous, 200, 0, 16);
		expect(next).toBeLessThan(0.8);
		expect(next).toBeGreaterThan(0.5);
	});

	it('uses real pressure only for pens', () => {
		const previous: Sample = { x: 0, y: 0, t: 0, pressure: 0.5 };
		const base = { x: 1, y: 0, t: 16, pressure: 0.93 };
		expect(pressureFor({ ...base, pointerType: 'pen' }, previous)).toBe(0.93);
		expect(pressureFor({ ...base, pointerType: 'mouse' }, previous)).not.toBe(0.93);
		expect(pressureFor({ ...base, pointerType: 'touch' }, previous)).not.toBe(0.93);
		// Some tablets report 0 for the first pressed sample.
		expect(pressureFor({ ...base, pressure: 0, pointerType: 'pen' }, previous)).toBe(
			DEFAULT_PRESSURE
		);
	});
});

describe('appendSample', () => {
	it('drops samples closer than the minimum distance', () => {
		const points: number[] = [];
		expect(appendSample(points, { x: 0, y: 0, pressure: 0.5, t: 0 })).toBe(true);
		expect(appendSample(points, { x: MIN_POINT_DISTANCE * 0.9, y: 0, pressure: 0.5, t: 8 })).toBe(
			false
		);
		expect(appendSample(points, { x: 1, y: 0, pressure: 0.5, t: 16 })).toBe(true);
		expect(points).toEqual([0, 0, 0.5, 0, 1, 0, 0.5, 16]);
	});

	it('keeps a forced final sample unless it repeats the last one exactly', () => {
		const points = [0, 0, 0.5, 0];
		expect(appendSample(points, { x: 0.2, y: 0, pressure: 0.5, t: 5 }, true)).toBe(true);
		expect(appendSample(points, { x: 0.2, y: 0, pressure: 0.5, t: 9 }, true)).toBe(false);
		expect(points).toHaveLength(8);
	});

	it('rounds values so saved documents stay compact', () => {
		const points: number[] = [];
		appendSample(points, { x: 1.23456, y: 7.891011, pressure: 0.123456, t: 15.7 });
		expect(points).toEqual([1.23, 7.89, 0.123, 16]);
	});

	it('keeps a jittery 10,000-sample gesture within a few thousand points', () => {
		const points: number[] = [];
		for (let i = 0; i < 10_000; i++) {
			// A hand resting almost still: sub-pixel jitter around a slowly moving point.
			const x = i * 0.2 + Math.sin(i) * 0.3;
			appendSample(points, { x, y: Math.cos(i) * 0.3, pressure: 0.5, t: i });
		}
		expect(points.length / 4).toBeLessThan(3000);
		expect(points.length / 4).toBeGreaterThan(1000);
	});
});
