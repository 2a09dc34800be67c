/**
 * Sprout's own sticker set, drawn for this project as plain SVG path data on a 64×64 grid.
 * Shapes are built from a few helpers so they stay small and easy to tweak; each stamp is
 * painted path by path, in order, with a flat fill.
 */

export interface StampPath {
	d: string;
	fill: string;
}

export interface Stamp {
	id: string;
	viewBox: string;
	paths: StampPath[];
}

/** Art-board pixels across a stamp at scale 1. */
export const STAMP_BASE_SIZE = 160;
export const STAMP_GRID = 64;

const f = (n: number) => String(Math.round(n * 10) / 10);

function circle(cx: number, cy: number, r: number, hole = false): string {
	const sweep = hole ? 1 : 0;
	return `M${f(cx - r)} ${f(cy)}a${f(r)} ${f(r)} 0 1 ${sweep} ${f(2 * r)} 0a${f(r)} ${f(r)} 0 1 ${sweep} ${f(-2 * r)} 0z`;
}

function ellipse(cx: number, cy: number, rx: number, ry: number): string {
	return `M${f(cx - rx)} ${f(cy)}a${f(rx)} ${f(ry)} 0 1 0 ${f(2 * rx)} 0a${f(rx)} ${f(ry)} 0 1 0 ${f(-2 * rx)} 0z`;
}

/** A ring: the inner circle winds the other way, so it is a hole under the nonzero rule. */
function ring(cx: number, cy: number, r: number, width: number): string {
	return circle(cx, cy, r) + circle(cx, cy, r - width, true);
}

function poly(points: readonly (readonly [number, number])[]): string {
	return `M${points.map(([x, y]) => `${f(x)} ${f(y)}`).join('L')}z`;
}

/** A straight bar of the given width from one point to another. */
function bar(x1: number, y1: number, x2: number, y2: number, width: number): string {
	const length = Math.hypot(x2 - x1, y2 - y1);
	const nx = (-(y2 - y1) / length) * (width / 2);
	const ny = ((x2 - x1) / length) * (width / 2);
	return poly([
		[x1 + nx, y1 + ny],
		[x2 + nx, y2 + ny],
		[x2 - nx, y2 - ny],
		[x1 - nx, y1 - ny]
	]);
}

function rotated(
	points: readonly (readonly [number, number])[],
	cx: number,
	cy: number,
	degrees: number
): [number, number][] {
	const a = (degrees * Math.PI) / 180;
	return points.map(([x, y]) => [
		cx + (x - cx) * Math.cos(a) - (y - cy) * Math.sin(a),
		cy + (x - cx) * Math.sin(a) + (y - cy) * Math.cos(a)
	]);
}

function star(cx: number, cy: number, outer: number, inner: number, tips: number): string {
	const points: [number, number][] = [];
	for (let i = 0; i < tips * 2; i++) {
		const r = i % 2 === 0 ? outer : inner;
		const a = (Math.PI * i) / tips - Math.PI / 2;
		points.push([cx + r * Math.cos(a), cy + r * Math.sin(a)]);
	}
	return poly(points);
}

// Built by pure calls only (marked so): a bundle that paints no stamp (the ink worker) drops
// the whole set instead of keeping it for fear of side effects.
const petals = /* @__PURE__ */ (() =>
	[0, 72, 144, 216, 288]
		.map((deg) => rotated([[32, 14]], 32, 24, deg)[0] as [number, number])
		.map(([x, y]) => circle(x, y, 7.5))
		.join(''))();

const blade: [number, number][] = [
	[31, 26],
	[30, 7],
	[32, 3],
	[34, 7],
	[33, 26]
];

// Solar cells: a 3×2 grid inside the tilted panel, by interpolating its four corners.
function cell(col: number, row: number): string {
	const at = (u: number, v: number): [number, number] => [16 + u * 40 - v * 8, 14 + v * 26];
	const u0 = col / 3 + 0.02;
	const u1 = (col + 1) / 3 - 0.02;
	const v0 = row / 2 + 0.04;
	const v1 = (row + 1) / 2 - 0.04;
	return poly([at(u0, v0), at(u1, v0), at(u1, v1), at(u0, v1)]);
}

export const STAMPS: readonly Stamp[] = /* @__PURE__ */ (() =>
	[
		{
			id: 'tree',
			paths: [
				{ d: 'M28 38h8v22h-8z', fill: '#8d5a2b' },
				{ d: circle(32, 24, 16) + circle(19, 32, 10) + circle(45, 32, 10), fill: '#3fa34d' },
				{ d: circle(25, 18, 5), fill: '#7bcf6f' }
			]
		},
		{
			id: 'leaf',
			paths: [
				{ d: 'M10 54C10 26 28 10 56 8c0 28-16 46-46 46z', fill: '#4caf50' },
				{ d: bar(12, 52, 46, 18, 2.5), fill: '#2e7d32' }
			]
		},
		{
			id: 'flower',
			paths: [
				{ d: 'M31 30h2.5v30H31z', fill: '#388e3c' },
				{ d: 'M33 50c5-8 13-9 17-6-4 6-11 8-17 6z', fill: '#4caf50' },
				{ d: petals, fill: '#ff6fa5' },
				{ d: circle(32, 24, 6), fill: '#ffd54f' }
			]
		},
		{
			id: 'sun',
			paths: [
				{ d: star(32, 32, 30, 20, 12), fill: '#ffb300' },
				{ d: circle(32, 32, 17), fill: '#ffd54f' },
				{ d: circle(26, 29, 2) + circle(38, 29, 2), fill: '#6d4c41' },
				{ d: 'M25 36q7 7 14 0l-1.5-1q-5.5 5-11 0z', fill: '#6d4c41' }
			]
		},
		{
			id: 'cloud',
			paths: [
				{
					d: circle(22, 38, 10) + circle(34, 32, 14) + circle(46, 40, 9) + 'M22 40v8h24v-8z',
					fill: '#90caf9'
				},
				{
					d: circle(22, 36, 10) + circle(34, 30, 14) + circle(46, 38, 9) + 'M22 38v8h24v-8z',
					fill: '#e3f2fd'
				}
			]
		},
		{
			id: 'rain-drop',
			paths: [
				{ d: 'M32 4C32 4 14 30 14 42a18 18 0 0 0 36 0C50 30 32 4 32 4z', fill: '#42a5f5' },
				{ d: 'M22 42a10 10 0 0 0 10 10v-3a7 7 0 0 1-7-7z', fill: '#bbdefb' }
			]
		},
		{
			id: 'wind-turbine',
			paths: [
				{ d: 'M8 58h48v6H8z', fill: '#66bb6a' },
				{ d: 'M30.5 27h3l3 32h-9z', fill: '#b0bec5' },
				{
					d: [0, 120, 240].map((deg) => poly(rotated(blade, 32, 26, deg))).join(''),
					fill: '#78909c'
				},
				{ d: circle(32, 26, 3), fill: '#455a64' }
			]
		},
		{
			id: 'solar-panel',
			paths: [
				{ d: 'M30 38h4v20h-4zM20 58h24v4H20z', fill: '#607d8b' },
				{ d: 'M8 40L16 14h40l-8 26z', fill: '#37474f' },
				{ d: [0, 1, 2].flatMap((c) => [cell(c, 0), cell(c, 1)]).join(''), fill: '#1e88e5' },
				{ d: circle(54, 8, 5), fill: '#ffca28' }
			]
		},
		{
			id: 'bicycle',
			paths: [
				{ d: ring(15, 44, 12, 3) + ring(49, 44, 12, 3), fill: '#37474f' },
				{
					d: [
						bar(15, 44, 27, 26, 3),
						bar(27, 26, 31, 44, 3),
						bar(31, 44, 15, 44, 3),
						bar(27, 26, 45, 26, 3),
						bar(45, 26, 31, 44, 3),
						bar(45, 26, 49, 44, 3),
						bar(45, 26, 43, 18, 3),
						bar(43, 18, 50, 18, 3)
					].join(''),
					fill: '#43a047'
				},
				{ d: 'M21 21h11v4H21z', fill: '#5d4037' }
			]
		},
		{
			id: 'recycling-bin',
			paths: [
				{ d: 'M15 20h34l-4 40H19z', fill: '#2e7d32' },
				{ d: 'M11 13h42v7H11zM26 8h12v5H26z', fill: '#1b5e20' },
				{
					d: bar(32, 30, 41, 46, 3) + bar(41, 46, 23, 46, 3) + bar(23, 46, 32, 30, 3),
					fill: '#ffffff'
				},
				{ d: 'M35 30l4 6-7 1zM42 49l-7 3 1-7zM20 43l4-6 3 6z', fill: '#ffffff' }
			]
		},
		{
			id: 'bird',
			paths: [
				{ d: 'M18 32L4 25l4 11-4 9 14-5z', fill: '#0288d1' },
				{ d: circle(30, 36, 14) + circle(44, 25, 9), fill: '#29b6f6' },
				{ d: 'M52 22l9 3.5-9 3.5z', fill: '#ffa000' },
				{ d: 'M19 34c6-11 17-11 19 0-6 6-13 6-19 0z', fill: '#0288d1' },
				{ d: circle(46, 23, 2), fill: '#263238' }
			]
		},
		{
			id: 'fish',
			paths: [
				{ d: 'M46 32l14-13v26z', fill: '#ff7043' },
				{ d: 'M26 23l8-10 5 11z', fill: '#ff7043' },
				{ d: 'M8 32C16 17 40 15 50 32 40 49 16 47 8 32z', fill: '#ff8a65' },
				{ d: 'M30 20q5 12 0 24h3q5-12 0-24z', fill: '#ffccbc' },
				{ d: circle(19, 29, 4), fill: '#ffffff' },
				{ d: circle(19, 29, 2), fill: '#263238' }
			]
		},
		{
			id: 'bee',
			paths: [
				{ d: circle(27, 19, 8) + circle(38, 17, 8), fill: '#b3e5fc' },
				{ d: 'M14 36l-8-3v6z', fill: '#3e2723' },
				{ d: ellipse(32, 36, 18, 12), fill: '#ffd54f' },
				{ d: 'M25 25.5h5v21h-5zM36 27h5v18h-5z', fill: '#3e2723' },
				{ d: circle(52, 34, 6), fill: '#3e2723' },
				{ d: circle(54, 32, 1.5), fill: '#ffffff' }
			]
		},
		{
			id: 'planet',
			paths: [
				{ d: circle(32, 32, 24), fill: '#42a5f5' },
				{ d: 'M18 20c7-6 16-3 14 4s-10 5-11 13c-6-3-8-11-3-17z', fill: '#66bb6a' },
				{ d: 'M38 36c6-2 12 1 11 7s-8 9-13 7c3-4-3-11 2-14z', fill: '#66bb6a' },
				{ d: ellipse(40, 20, 6, 2.5) + ellipse(24, 46, 5, 2), fill: '#e3f2fd' }
			]
		}
	].map((stamp) => ({ ...stamp, viewBox: `0 0 ${STAMP_GRID} ${STAMP_GRID}` })))();

export function findStamp(id: string): Stamp | undefined {
	return STAMPS.find((stamp) => stamp.id === id);
}
