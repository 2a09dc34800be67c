import { describe, expect, it } from 'vitest';
import { changedBox, intersects, outlinesBox, tileGrid, toDevice } from './ink-tiles.ts';
import { strokePasses } from './stroke-geometry.ts';

type Outline = [number, number][];

/** Every pixel centre whose even-odd fill differs between two polygons (brute force). */
function differingPixels(a: Outline, b: Outline, size: number): [number, number][] {
	const inside = (poly: Outline, x: number, y: number) => {
		let isIn = false;
		for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
			const [xi, yi] = poly[i] as [number, number];
			const [xj, yj] = poly[j] as [number, number];
			if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) isIn = !isIn;
		}
		return isIn;
	};
	const out: [number, number][] = [];
	for (let y = 0.5; y < size; y++) {
		for (let x = 0.5; x < size; x++) if (inside(a, x, y) !== inside(b, x, y)) out.push([x, y]);
	}
	return out;
}

describe('tileGrid', () => {
	it('covers the stage exactly, with smaller tiles at the right and bottom edges', () => {
		const tiles = tileGrid(600, 300, 256);
		expect(tiles).toHaveLength(6);
		expect(tiles[2]).toEqual({ x: 512, y: 0, w: 88, h: 256 });
		expect(tiles[5]).toEqual({ x: 512, y: 256, w: 88, h: 44 });
		const area = tiles.reduce((sum, t) => sum + t.w * t.h, 0);
		expect(area).toBe(600 * 300);
	});

	it('finds the tiles a box touches, not those it only borders', () => {
		const tiles = tileGrid(512, 512, 256);
		const touched = tiles.filter((t) => intersects(t, { x0: 250, y0: 10, x1: 256, y1: 20 }));
		expect(touched).toEqual([{ x: 0, y: 0, w: 256, h: 256 }]);
	});
});

describe('changedBox', () => {
	it('is null when nothing moved', () => {
		const outline: Outline = [
			[0, 0],
			[10, 0],
			[10, 10]
		];
		expect(changedBox([outline], [outline.map((p) => [...p] as [number, number])])).toBeNull();
	});

	it('covers every pixel whose fill changes as a real stroke grows, and stays near the pen', () => {
		const points: number[] = [];
		for (let i = 0; i < 40; i++) points.push(20 + i * 4, 60 + Math.sin(i / 4) * 20, 0.5, i * 8);
		const op = { id: 's1', tool: 'pencil' as const, size: 8, points };
		const before = strokePasses({ ...op, points: points.slice(0, 30 * 4) }, false);
		const after = strokePasses(op, false);
		const box = changedBox(
			before.map((p) => p.outline),
			after.map((p) => p.outline)
		);
		expect(box).not.toBeNull();
		const changed = differingPixels(
			before[0]?.outline as Outline,
			after[0]?.outline as Outline,
			200
		);
		expect(changed.length).toBeGreaterThan(0);
		for (const [x, y] of changed) {
			expect(x).toBeGreaterThanOrEqual(box?.x0 as number);
			expect(x).toBeLessThanOrEqual(box?.x1 as number);
			expect(y).toBeGreaterThanOrEqual(box?.y0 as number);
			expect(y).toBeLessThanOrEqual(box?.y1 as number);
		}
		// The start of the stroke did not move: the box leaves it out.
		const whole = outlinesBox(after.map((p) => p.outline));
		expect(box?.x0).toBeGreaterThan((whole?.x0 as number) + 40);
	});

	it('takes both whole outlines when the number of passes changes', () => {
		const a: Outline = [
			[0, 0],
			[5, 0],
			[5, 5]
		];
		const b: Outline = [
			[50, 50],
			[60, 50],
			[60, 60]
		];
		expect(changedBox([a], [a, b])).toEqual({ x0: 0, y0: 0, x1: 60, y1: 60 });
	});
});

describe('toDevice', () => {
	it('maps through the view and pads for anti-aliasing', () => {
		const box = toDevice({ x0: 10, y0: 20, x1: 30, y1: 40 }, { a: 2, d: 2, e: 5, f: 7 }, 2);
		expect(box).toEqual({ x0: 23, y0: 45, x1: 67, y1: 89 });
	});
});
