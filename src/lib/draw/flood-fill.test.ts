import { describe, expect, it } from 'vitest';
import { compositeFill, floodFill, hexToRgba } from './flood-fill.ts';

const RED = hexToRgba('#ff0000');

function blank(width: number, height: number, value = 255, alpha = 255): Uint8ClampedArray {
	const data = new Uint8ClampedArray(width * height * 4);
	for (let i = 0; i < data.length; i += 4) data.set([value, value, value, alpha], i);
	return data;
}

/** Black ink of the given coverage (0–1) over white, like an anti-aliased line. */
function ink(data: Uint8ClampedArray, width: number, x: number, y: number, coverage: number) {
	const i = (y * width + x) * 4;
	const v = Math.round(255 * (1 - coverage));
	data.set([v, v, v, 255], i);
}

/** An anti-aliased black circle outline about 1.5 px wide, like a canvas would draw. */
function ringImage(size: number, radius: number): Uint8ClampedArray {
	const data = blank(size, size);
	const c = size / 2;
	for (let y = 0; y < size; y++) {
		for (let x = 0; x < size; x++) {
			const d = Math.hypot(x + 0.5 - c, y + 0.5 - c);
			const coverage = Math.min(1, Math.max(0, 1.25 - Math.abs(d - radius)));
			if (coverage > 0) ink(data, size, x, y, coverage);
		}
	}
	return data;
}

const green = (data: Uint8ClampedArray, width: number, x: number, y: number) =>
	data[(y * width + x) * 4 + 1] as number;

function fillAt(data: Uint8ClampedArray, w: number, h: number, x: number, y: number, tol: number) {
	const mask = floodFill(data, w, h, x, y, tol);
	if (mask) compositeFill(data, w, mask, RED);
	return mask;
}

describe('floodFill', () => {
	it('fills the inside of an enclosed shape and nothing outside it', () => {
		const size = 64;
		const data = ringImage(size, 20);
		fillAt(data, size, size, 32, 32, 32);
		expect(Array.from(data.slice((32 * size + 32) * 4, (32 * size + 32) * 4 + 4))).toEqual(RED);
		for (let y = 0; y < size; y++) {
			for (let x = 0; x < size; x++) {
				const d = Math.hypot(x + 0.5 - 32, y + 0.5 - 32);
				if (d < 17) expect(green(data, size, x, y)).toBe(0);
				if (d > 23) expect(green(data, size, x, y)).toBe(255);
			}
		}
	});

	it('leaves no pale halo along an anti-aliased outline', () => {
		const size = 64;
		const data = ringImage(size, 20);
		const inner = (x: number, y: number) => Math.hypot(x + 0.5 - 32, y + 0.5 - 32) < 20;
		const paleBefore = [];
		for (let y = 0; y < size; y++) {
			for (let x = 0; x < size; x++) {
				const g = green(data, size, x, y);
				if (inner(x, y) && g > 128 && g < 250) paleBefore.push([x, y]);
			}
		}
		// The picture really has soft edge pixels a naive fill would leave behind.
		expect(paleBefore.length).toBeGreaterThan(20);
		fillAt(data, size, size, 32, 32, 32);
		for (const [x, y] of paleBefore) expect(green(data, size, x!, y!)).toBeLessThan(100);
	});

	it('does not leak through a closed 1-px anti-aliased outline', () => {
		const size = 40;
		const data = blank(size, size);
		// A square outline on pixel boundaries: every edge is two half-grey pixels wide.
		for (let i = 9; i <= 30; i++) {
			for (const [x, y] of [
				[i, 9],
				[i, 10],
				[i, 29],
				[i, 30],
				[9, i],
				[10, i],
				[29, i],
				[30, i]
			] as const) {
				ink(data, size, x, y, 0.5);
			}
		}
		const mask = fillAt(data, size, size, 20, 20, 100);
		expect(green(data, size, 20, 20)).toBe(0);
		expect(green(data, size, 2, 2)).toBe(255);
		expect(green(data, size, 35, 20)).toBe(255);
		expect(mask).toMatchObject({ x: 10, y: 10, width: 20, height: 20 });
	});

	it('uses the tolerance to decide how similar a colour must be', () => {
		const w = 20;
		const h = 4;
		const data = blank(w, h, 250);
		for (let y = 0; y < h; y++)
			for (let x = 10; x < w; x++) data.set([200, 200, 200, 255], (y * w + x) * 4);
		const tight = floodFill(data, w, h, 0, 0, 10);
		const loose = floodFill(data, w, h, 0, 0, 60);
		// Ten similar columns plus a one-pixel rim that a hard edge gives no coverage.
		expect(tight).toMatchObject({ x: 0, width: 11 });
		expect(tight?.mask[9]).toBe(255);
		expect(tight?.mask[10]).toBe(0);
		expect(loose).toMatchObject({ x: 0, width: 20 });
		expect(loose?.mask.every((m) => m === 255)).toBe(true);
	});

	it('treats all fully transparent pixels as one colour on an empty bitmap', () => {
		const w = 8;
		const data = new Uint8ClampedArray(w * w * 4);
		data.set([255, 0, 0, 0], (3 * w + 3) * 4);
		for (let y = 0; y < w; y++) data.set([0, 0, 0, 255], (y * w + 5) * 4);
		const mask = floodFill(data, w, w, 0, 0, 0);
		expect(mask?.mask[3 * (mask?.width ?? 0) + 3]).toBe(255);
		expect(mask).toMatchObject({ x: 0, width: 6 });
		expect(mask?.mask[0 * (mask?.width ?? 0) + 5]).toBe(0);
	});

	it("stops at a colouring page's lines, which are not in the pixels, and reaches under them", () => {
		const size = 40;
		// An empty bitmap (the page is drawn over it, not into it); the page is a box outline.
		const data = blank(size, size, 0, 0);
		const walls = new Uint8Array(size * size);
		for (let i = 10; i <= 30; i++) {
			for (const [x, y] of [
				[i, 10],
				[i, 30],
				[10, i],
				[30, i]
			] as const) {
				walls[y * size + x] = 255;
			}
		}
		const mask = floodFill(data, size, size, 20, 20, 32, walls);
		expect(mask).not.toBeNull();
		compositeFill(data, size, mask!, RED);
		const alpha = (x: number, y: number) => data[(y * size + x) * 4 + 3] as number;
		expect(alpha(20, 20)).toBe(255);
		expect(alpha(11, 11)).toBe(255);
		// Under the line: covered, so no paper shows between the colour and the line.
		expect(alpha(10, 20)).toBe(255);
		expect(alpha(5, 5)).toBe(0);
		expect(alpha(35, 20)).toBe(0);
		// A tap on the line itself fills nothing.
		expect(floodFill(data, size, size, 10, 20, 32, walls)).toBeNull();
	});

	it('returns null for a seed outside the image', () => {
		expect(floodFill(blank(4, 4), 4, 4, -1, 0, 10)).toBeNull();
		expect(floodFill(blank(4, 4), 4, 4, 4, 0, 10)).toBeNull();
	});

	// Speed is measured by `npm run bench:draw`, not here: timed unit tests flake on shared CI.
	it('fills a whole 1600×1200 board edge to edge', () => {
		const w = 1600;
		const h = 1200;
		const data = blank(w, h);
		const mask = fillAt(data, w, h, 800, 600, 32);
		expect(mask).toMatchObject({ x: 0, y: 0, width: w, height: h });
		expect(green(data, w, 1599, 1199)).toBe(0);
	});
});

describe('compositeFill', () => {
	it('blends partial coverage over what is there, source-over', () => {
		const data = new Uint8ClampedArray([0, 0, 255, 255, 0, 0, 0, 0]);
		compositeFill(
			data,
			2,
			{ x: 0, y: 0, width: 2, height: 1, mask: new Uint8Array([128, 128]) },
			RED
		);
		expect(Array.from(data.slice(0, 4))).toEqual([128, 0, 127, 255]);
		expect(Array.from(data.slice(4, 8))).toEqual([255, 0, 0, 128]);
	});
});
