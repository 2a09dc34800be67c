/**
 * Geometry for drawing the live stroke on a grid of small canvases (see `ink.worker.ts`): which
 * tiles cover the stage, and which part of a growing stroke changed since the last frame, so a
 * frame redraws and hands the compositor only the few tiles around the pen.
 */

/** A rectangle in device pixels (or art-board pixels for `changedBox`). */
export interface Box {
	x0: number;
	y0: number;
	x1: number;
	y1: number;
}

export interface Tile {
	/** Device-pixel position and size on the stage. */
	x: number;
	y: number;
	w: number;
	h: number;
}

/** CSS pixels per tile side (times the pixel density on the device): a few cover the pen. */
export const TILE_SIZE = 256;

/** Tiles covering a `width` × `height` device-pixel stage, row by row; edge tiles are smaller. */
export function tileGrid(width: number, height: number, size = TILE_SIZE): Tile[] {
	const tiles: Tile[] = [];
	for (let y = 0; y < height; y += size) {
		for (let x = 0; x < width; x += size) {
			tiles.push({ x, y, w: Math.min(size, width - x), h: Math.min(size, height - y) });
		}
	}
	return tiles;
}

export function intersects(tile: Tile, box: Box): boolean {
	return box.x0 < tile.x + tile.w && box.x1 > tile.x && box.y0 < tile.y + tile.h && box.y1 > tile.y;
}

export function union(a: Box | null, b: Box | null): Box | null {
	if (!a) return b;
	if (!b) return a;
	return {
		x0: Math.min(a.x0, b.x0),
		y0: Math.min(a.y0, b.y0),
		x1: Math.max(a.x1, b.x1),
		y1: Math.max(a.y1, b.y1)
	};
}

type Outline = readonly (readonly [number, number])[];

function grow(box: Box | null, point: readonly [number, number] | undefined): Box | null {
	if (!point) return box;
	const [x, y] = point;
	if (!box) return { x0: x, y0: y, x1: x, y1: y };
	return {
		x0: Math.min(box.x0, x),
		y0: Math.min(box.y0, y),
		x1: Math.max(box.x1, x),
		y1: Math.max(box.y1, y)
	};
}

function same(a: readonly [number, number] | undefined, b: readonly [number, number] | undefined) {
	return a !== undefined && b !== undefined && a[0] === b[0] && a[1] === b[1];
}

/** The bounding box of every point of the outlines. */
export function outlinesBox(outlines: readonly Outline[]): Box | null {
	let box: Box | null = null;
	for (const outline of outlines) for (const point of outline) box = grow(box, point);
	return box;
}

/**
 * The art-board box outside which filling `next` gives the same pixels as filling `prev`.
 *
 * A growing stroke's polygon keeps its start and changes near the pen: the points both share
 * at the front and at the back are the same, and only the chain between them moved. Outside
 * the box of the old and new chains the winding number of every point is unchanged, so its
 * fill is too (anti-aliasing reaches a pixel further; callers pad for it). Null: nothing moved.
 */
export function changedBox(prev: readonly Outline[], next: readonly Outline[]): Box | null {
	if (prev.length !== next.length) return union(outlinesBox(prev), outlinesBox(next));
	let box: Box | null = null;
	for (let pass = 0; pass < next.length; pass++) {
		const a = prev[pass] as Outline;
		const b = next[pass] as Outline;
		const shortest = Math.min(a.length, b.length);
		let head = 0;
		while (head < shortest && same(a[head], b[head])) head++;
		if (head === a.length && head === b.length) continue;
		let tail = 0;
		while (tail < shortest - head && same(a[a.length - 1 - tail], b[b.length - 1 - tail])) {
			tail++;
		}
		// The changed chains, with the unchanged point on each side that their edges reach.
		for (const outline of [a, b]) {
			for (
				let i = Math.max(0, head - 1);
				i <= Math.min(outline.length - 1, outline.length - tail);
				i++
			) {
				box = grow(box, outline[i]);
			}
			// The polygon closes from its last point to its first: that edge moved too.
			if (head === 0 || tail === 0) {
				box = grow(box, outline[0]);
				box = grow(box, outline[outline.length - 1]);
			}
		}
	}
	return box;
}

/** `box` (art-board pixels) on the device-pixel stage of a scale-and-translate view, padded. */
export function toDevice(
	box: Box,
	m: { a: number; d: number; e: number; f: number },
	pad: number
): Box {
	return {
		x0: Math.floor(m.a * box.x0 + m.e - pad),
		y0: Math.floor(m.d * box.y0 + m.f - pad),
		x1: Math.ceil(m.a * box.x1 + m.e + pad),
		y1: Math.ceil(m.d * box.y1 + m.f + pad)
	};
}
