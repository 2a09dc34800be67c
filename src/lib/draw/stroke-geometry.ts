import { getStroke, type StrokeOptions } from 'perfect-freehand';
import { POINT_STRIDE, type StrokeOp, type StrokeTool } from './document.ts';

export type Vec2 = [number, number];

/** One filled polygon of a stroke and the alpha it is painted with (times the op opacity). */
export interface StrokePass {
	outline: Vec2[];
	alpha: number;
}

interface ToolStyle {
	options: StrokeOptions;
	/** Multiplies the stroke's opacity; the marker is translucent even at opacity 1. */
	alpha: number;
}

const STYLES: Record<StrokeTool, ToolStyle> = {
	pencil: { options: { thinning: 0.25, smoothing: 0.4, streamline: 0.35 }, alpha: 1 },
	brush: { options: { thinning: 0.65, smoothing: 0.6, streamline: 0.5 }, alpha: 1 },
	marker: {
		options: {
			thinning: 0,
			smoothing: 0.5,
			streamline: 0.5,
			start: { cap: true },
			end: { cap: true }
		},
		alpha: 0.5
	},
	crayon: { options: { thinning: 0.3, smoothing: 0.3, streamline: 0.3 }, alpha: 1 },
	eraser: { options: { thinning: 0, smoothing: 0.5, streamline: 0.4 }, alpha: 1 }
};

const CRAYON_PASSES = 4;

/** Deterministic hash → [0, 1): the same stroke always gets the same crayon grain. */
function noise(seed: number, n: number): number {
	let h = Math.imul(seed ^ Math.imul(n, 0x9e3779b1), 0x85ebca6b);
	h ^= h >>> 13;
	h = Math.imul(h, 0xc2b2ae35);
	h ^= h >>> 16;
	return (h >>> 0) / 4294967296;
}

export function hashString(text: string): number {
	let h = 2166136261;
	for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
	return h >>> 0;
}

function toTriples(points: readonly number[], jitter?: (i: number, axis: number) => number) {
	const out: [number, number, number][] = [];
	for (let i = 0; i + POINT_STRIDE <= points.length; i += POINT_STRIDE) {
		const k = i / POINT_STRIDE;
		out.push([
			(points[i] as number) + (jitter ? jitter(k, 0) : 0),
			(points[i + 1] as number) + (jitter ? jitter(k, 1) : 0),
			points[i + 2] as number
		]);
	}
	return out;
}

/**
 * The polygons that make up a stroke, in art-board pixels. `last` is false while the stroke is
 * still being drawn so perfect-freehand does not cap an end that will move.
 */
export function strokePasses(
	op: Pick<StrokeOp, 'id' | 'tool' | 'size' | 'points'>,
	last = true
): StrokePass[] {
	const style = STYLES[op.tool];
	const options: StrokeOptions = { ...style.options, size: op.size, simulatePressure: false, last };
	if (op.tool !== 'crayon') {
		return [{ outline: getStroke(toTriples(op.points), options) as Vec2[], alpha: style.alpha }];
	}
	// Crayon: several thin passes, each wobbling differently, so paper shows through.
	const seed = hashString(op.id);
	const spread = op.size * 0.3;
	const passes: StrokePass[] = [];
	for (let pass = 0; pass < CRAYON_PASSES; pass++) {
		const passSeed = seed + pass * 7919;
		const jitter = (i: number, axis: number) => (noise(passSeed, i * 2 + axis) - 0.5) * spread;
		const outline = getStroke(toTriples(op.points, jitter), {
			...options,
			size: op.size * 0.55
		}) as Vec2[];
		passes.push({ outline, alpha: 0.45 });
	}
	return passes;
}
