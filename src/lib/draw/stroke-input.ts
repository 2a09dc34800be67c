/**
 * Turning raw pointer samples into stored stroke samples: pressure (real or simulated) and
 * decimation. Kept apart from the pen tool so both are testable on their own.
 */

/** Samples closer than this to the previous kept one add size, not shape. */
export const MIN_POINT_DISTANCE = 0.75;

/** Pressure a mouse stroke starts with, and what a pen reporting 0 while pressed gets. */
export const DEFAULT_PRESSURE = 0.5;

export interface Sample {
	x: number;
	y: number;
	pressure: number;
	t: number;
}

export interface PressureInput {
	x: number;
	y: number;
	t: number;
	pressure: number;
	pointerType: string;
}

/**
 * A mouse has no pressure, so speed stands in for it the way ink behaves: slow lines are full,
 * fast flicks get thinner. Eased toward the target so one jittery sample cannot make a bulge.
 */
export function simulatePressure(previous: Sample | null, x: number, y: number, t: number): number {
	if (!previous) return DEFAULT_PRESSURE;
	const distance = Math.hypot(x - previous.x, y - previous.y);
	const elapsed = Math.max(1, t - previous.t);
	const speed = distance / elapsed;
	const target = Math.min(0.9, Math.max(0.2, 0.9 - speed * 0.25));
	return previous.pressure + (target - previous.pressure) * 0.35;
}

/** Real pen pressure when there is a pen; everything else (mouse, touch) is simulated. */
export function pressureFor(input: PressureInput, previous: Sample | null): number {
	if (input.pointerType === 'pen') {
		return input.pressure > 0 ? Math.min(1, input.pressure) : DEFAULT_PRESSURE;
	}
	return simulatePressure(previous, input.x, input.y, input.t);
}

function round(value: number, decimals: number): number {
	const factor = 10 ** decimals;
	return Math.round(value * factor) / factor;
}

/**
 * Appends a sample to a flat `[x, y, pressure, t, …]` array unless it is within
 * `MIN_POINT_DISTANCE` of the last kept one (`force` keeps the final sample of a stroke).
 * Values are rounded so a saved document does not carry 17-digit floats.
 */
export function appendSample(points: number[], sample: Sample, force = false): boolean {
	const n = points.length;
	if (n >= 4 && !force) {
		const dx = sample.x - (points[n - 4] as number);
		const dy = sample.y - (points[n - 3] as number);
		if (dx * dx + dy * dy < MIN_POINT_DISTANCE * MIN_POINT_DISTANCE) return false;
	}
	if (n >= 4 && force && sample.x === points[n - 4] && sample.y === points[n - 3]) return false;
	points.push(
		round(sample.x, 2),
		round(sample.y, 2),
		round(sample.pressure, 3),
		Math.max(0, Math.round(sample.t))
	);
	return true;
}
