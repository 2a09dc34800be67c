/**
 * Paint-bucket fill on raw RGBA pixels (non-premultiplied, like ImageData). Pure, so it runs in
 * Node tests and could move to a worker unchanged.
 */

export interface FillMask {
	/** Bounding box of the mask in image pixels. */
	x: number;
	y: number;
	width: number;
	height: number;
	/** Coverage 0–255 per pixel of the box, row by row: 255 inside, partial on soft edges. */
	mask: Uint8Array;
}

/**
 * Colour distance 0–255 that ignores the colour of transparent pixels: channels are compared
 * premultiplied, so a half-transparent black stroke edge on an empty bitmap is "half way"
 * from empty, exactly like a half-grey edge on white paper.
 */
function distanceAt(data: Uint8ClampedArray, i: number, seed: readonly number[]): number {
	const a = data[i + 3] as number;
	const da = Math.abs(a - (seed[3] as number));
	const dr = Math.abs(((data[i] as number) * a) / 255 - (seed[0] as number));
	const dg = Math.abs(((data[i + 1] as number) * a) / 255 - (seed[1] as number));
	const db = Math.abs(((data[i + 2] as number) * a) / 255 - (seed[2] as number));
	return Math.max(da, dr, dg, db);
}

/** Colouring-page pixels at least this opaque are line, not paper: the fill stops there. */
export const WALL_ALPHA = 64;

/**
 * Scanline flood fill from (x, y) over pixels within `tolerance` of the seed colour, then a
 * one-pixel soft rim: pixels bordering the region that are only partly "wall" (anti-aliased
 * edges) get coverage in proportion to how much seed colour they contain, so no pale halo is
 * left along outlines. The rim is a dilation, not a flood, so it cannot leak through a wall.
 * `walls` (one alpha per pixel, a colouring page's lines) stops the region too; the rim then
 * reaches a pixel under the line, which hides the seam. Returns null when the seed is outside
 * the image or on a line of the page.
 */
export function floodFill(
	data: Uint8ClampedArray,
	width: number,
	height: number,
	x: number,
	y: number,
	tolerance: number,
	walls: Uint8Array | null = null
): FillMask | null {
	const sx = Math.floor(x);
	const sy = Math.floor(y);
	if (sx < 0 || sy < 0 || sx >= width || sy >= height) return null;
	if (walls && (walls[sy * width + sx] as number) >= WALL_ALPHA) return null;
	const s = (sy * width + sx) * 4;
	const sa = data[s + 3] as number;
	const seed = [
		((data[s] as number) * sa) / 255,
		((data[s + 1] as number) * sa) / 255,
		((data[s + 2] as number) * sa) / 255,
		sa
	];
	const inside = new Uint8Array(width * height);
	const words = wordsOf(data);
	const seedWord = words ? (words[sy * width + sx] as number) : 0;
	// Most pixels of a region are exactly the seed colour; one 32-bit compare settles those.
	const matches = (p: number) =>
		inside[p] === 0 &&
		(walls === null || (walls[p] as number) < WALL_ALPHA) &&
		((words !== null && words[p] === seedWord) || distanceAt(data, p * 4, seed) <= tolerance);
	let minX = sx;
	let maxX = sx;
	let minY = sy;
	let maxY = sy;
	const stack = [sy * width + sx];
	while (stack.length > 0) {
		const p = stack.pop() as number;
		if (inside[p] !== 0) continue;
		const row = Math.floor(p / width);
		const rowStart = row * width;
		let left = p - rowStart;
		let right = left;
		while (left > 0 && matches(rowStart + left - 1)) left--;
		while (right < width - 1 && matches(rowStart + right + 1)) right++;
		inside.fill(1, rowStart + left, rowStart + right + 1);
		if (left < minX) minX = left;
		if (right > maxX) maxX = right;
		if (row < minY) minY = row;
		if (row > maxY) maxY = row;
		for (let next = row - 1; next <= row + 1; next += 2) {
			if (next < 0 || next >= height) continue;
			let inRun = false;
			for (let col = left; col <= right; col++) {
				const q = next * width + col;
				if (matches(q)) {
					if (!inRun) stack.push(q);
					inRun = true;
				} else inRun = false;
			}
		}
	}
	const box = {
		x: Math.max(0, minX - 1),
		y: Math.max(0, minY - 1),
		width: Math.min(width - 1, maxX + 1) - Math.max(0, minX - 1) + 1,
		height: Math.min(height - 1, maxY + 1) - Math.max(0, minY - 1) + 1
	};
	const mask = new Uint8Array(box.width * box.height);
	for (let row = box.y; row < box.y + box.height; row++) {
		for (let col = box.x; col < box.x + box.width; col++) {
			const p = row * width + col;
			const m = (row - box.y) * box.width + (col - box.x);
			if (inside[p] !== 0) mask[m] = 255;
			else if (touchesRegion(inside, width, height, col, row)) {
				mask[m] = rimCoverage(data, width, height, col, row, seed);
			}
		}
	}
	return { ...box, mask };
}

function touchesRegion(inside: Uint8Array, w: number, h: number, x: number, y: number): boolean {
	for (let dy = -1; dy <= 1; dy++) {
		for (let dx = -1; dx <= 1; dx++) {
			const nx = x + dx;
			const ny = y + dy;
			if (nx >= 0 && ny >= 0 && nx < w && ny < h && inside[ny * w + nx] !== 0) return true;
		}
	}
	return false;
}

/**
 * The wall's own colour is unknown, so its strength is estimated as the largest distance in
 * the 3×3 neighbourhood; a pixel at most half way to that is mostly seed colour and is fully
 * covered, a pixel as far as the wall itself is wall and is left alone.
 */
function rimCoverage(
	data: Uint8ClampedArray,
	w: number,
	h: number,
	x: number,
	y: number,
	seed: readonly number[]
): number {
	const own = distanceAt(data, (y * w + x) * 4, seed);
	let wall = own;
	for (let dy = -1; dy <= 1; dy++) {
		for (let dx = -1; dx <= 1; dx++) {
			const nx = x + dx;
			const ny = y + dy;
			if (nx < 0 || ny < 0 || nx >= w || ny >= h) continue;
			wall = Math.max(wall, distanceAt(data, (ny * w + nx) * 4, seed));
		}
	}
	if (wall === 0) return 255;
	const wallShare = own / wall;
	return Math.round(255 * Math.min(1, 2 * (1 - wallShare)));
}

/** A 32-bit view for whole-pixel compares and writes, when the buffer's alignment allows. */
function wordsOf(data: Uint8ClampedArray): Uint32Array | null {
	if (data.byteOffset % 4 !== 0) return null;
	return new Uint32Array(data.buffer, data.byteOffset, data.length / 4);
}

/** Paints `rgba` (0–255 each) through the mask onto the pixels, source-over. */
export function compositeFill(
	data: Uint8ClampedArray,
	width: number,
	fill: FillMask,
	rgba: readonly [number, number, number, number]
): void {
	const [r, g, b, alpha] = rgba;
	const words = wordsOf(data);
	// Packed by the platform itself, so byte order never matters.
	const solid = new Uint32Array(new Uint8ClampedArray([r, g, b, 255]).buffer)[0] as number;
	for (let row = 0; row < fill.height; row++) {
		for (let col = 0; col < fill.width; col++) {
			const coverage = fill.mask[row * fill.width + col] as number;
			if (coverage === 0) continue;
			const p = (fill.y + row) * width + fill.x + col;
			if (words && coverage === 255 && alpha === 255) {
				words[p] = solid;
				continue;
			}
			const i = p * 4;
			const a = (coverage / 255) * (alpha / 255);
			const da = (data[i + 3] as number) / 255;
			const outA = a + da * (1 - a);
			if (outA === 0) continue;
			const mix = (src: number, dst: number) => (src * a + dst * da * (1 - a)) / outA;
			data[i] = mix(r, data[i] as number);
			data[i + 1] = mix(g, data[i + 1] as number);
			data[i + 2] = mix(b, data[i + 2] as number);
			data[i + 3] = outA * 255;
		}
	}
}

export function hexToRgba(hex: string, alpha = 255): [number, number, number, number] {
	const value = Number.parseInt(hex.slice(1, 7), 16);
	return [(value >> 16) & 255, (value >> 8) & 255, value & 255, alpha];
}
