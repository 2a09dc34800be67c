import { describe, expect, it } from 'vitest';
import type { StrokeOp } from './document.ts';
import { strokePasses } from './stroke-geometry.ts';

const line = (tool: StrokeOp['tool'], id = 'abc'): StrokeOp => ({
	type: 'stroke',
	id,
	tool,
	color: '#000000',
	size: 10,
	opacity: 1,
	points: Array.from({ length: 20 }, (_, i) => [i * 5, 50, 0.5, i * 16]).flat()
});

function bounds(outline: [number, number][]) {
	const ys = outline.map(([, y]) => y);
	const xs = outline.map(([x]) => x);
	return {
		minX: Math.min(...xs),
		maxX: Math.max(...xs),
		minY: Math.min(...ys),
		maxY: Math.max(...ys)
	};
}

describe('strokePasses', () => {
	it('outlines a stroke around its points, about its size wide', () => {
		const [pass] = strokePasses(line('pencil'));
		const box = bounds(pass!.outline);
		expect(box.minX).toBeLessThan(0);
		expect(box.maxX).toBeGreaterThan(95);
		expect(box.maxY - box.minY).toBeGreaterThan(4);
		expect(box.maxY - box.minY).toBeLessThan(14);
		expect(pass!.alpha).toBe(1);
	});

	it('outlines a single tap as a dot', () => {
		const [pass] = strokePasses({ ...line('brush'), points: [10, 10, 0.5, 0] });
		expect(pass!.outline.length).toBeGreaterThan(4);
	});

	it('makes the marker translucent', () => {
		expect(strokePasses(line('marker'))[0]!.alpha).toBeLessThan(1);
	});

	it('gives the crayon several grainy passes, the same every time for the same stroke', () => {
		const first = strokePasses(line('crayon'));
		const again = strokePasses(line('crayon'));
		const other = strokePasses(line('crayon', 'different-id'));
		expect(first.length).toBeGreaterThan(1);
		expect(again).toEqual(first);
		expect(other).not.toEqual(first);
	});
});
