/**
 * Real draw documents for the demo, made of strokes and shapes as a child's hand would leave
 * them (a sun, grass, a house, trees, a river), so every page shows true drawings that open in
 * the studio, replay and re-render like any other. Deterministic: the same seed gives the same
 * document, which keeps the demo seed idempotent.
 */
import {
	createDocument,
	DOCUMENT_VERSION,
	type DrawDocument,
	type Op,
	type StrokeTool
} from '../../draw/document.ts';

type Point = [number, number];

/** A small deterministic random source (mulberry32). */
function random(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

class Sketch {
	readonly ops: Op[] = [];
	#rand: () => number;
	#n = 0;

	constructor(seed: number) {
		this.#rand = random(seed);
	}

	/** A wobble of up to ±`amount` pixels: hands are not rulers. */
	jitter(amount: number): number {
		return (this.#rand() - 0.5) * 2 * amount;
	}

	stroke(tool: StrokeTool, color: string, size: number, points: Point[], opacity = 1): void {
		const flat: number[] = [];
		points.forEach(([x, y], i) => {
			const pressure = 0.45 + 0.1 * Math.sin(i / 3);
			flat.push(Math.round(x * 10) / 10, Math.round(y * 10) / 10, pressure, i * 16);
		});
		this.ops.push({
			type: 'stroke',
			id: `demo${++this.#n}`,
			tool,
			color,
			size,
			opacity,
			points: flat
		});
	}

	ellipse(color: string, x1: number, y1: number, x2: number, y2: number): void {
		this.ops.push({
			type: 'shape',
			id: `demo${++this.#n}`,
			shape: 'ellipse',
			x1,
			y1,
			x2,
			y2,
			color,
			size: 8,
			filled: true
		});
	}

	rect(color: string, x1: number, y1: number, x2: number, y2: number, filled = true): void {
		this.ops.push({
			type: 'shape',
			id: `demo${++this.#n}`,
			shape: 'rect',
			x1,
			y1,
			x2,
			y2,
			color,
			size: 10,
			filled
		});
	}

	/** Points along a straight line, slightly wobbly. */
	line(from: Point, to: Point, steps = 12, wobble = 2): Point[] {
		return Array.from({ length: steps + 1 }, (_, i) => {
			const t = i / steps;
			return [
				from[0] + (to[0] - from[0]) * t + this.jitter(wobble),
				from[1] + (to[1] - from[1]) * t + this.jitter(wobble)
			];
		});
	}
}

export interface DemoScene {
	sky: string;
	sun: { x: number; y: number; r: number };
	house?: { x: number; w: number; wall: string; roof: string };
	trees: number[];
	river?: boolean;
	flowers: number;
}

/** One drawing of a landscape board (1600 × 1200) from a scene description. */
export function drawScene(scene: DemoScene, seed: number): DrawDocument {
	const s = new Sketch(seed);
	const ground = 860;
	s.rect(scene.sky, 0, 0, 1600, ground);
	s.rect('#7cb342', 0, ground, 1600, 1200);
	// Sun and its rays.
	const { x, y, r } = scene.sun;
	s.ellipse('#fdd835', x - r, y - r, x + r, y + r);
	for (let i = 0; i < 10; i++) {
		const a = (i / 10) * Math.PI * 2;
		s.stroke(
			'marker',
			'#fbc02d',
			14,
			s.line(
				[x + Math.cos(a) * (r + 20), y + Math.sin(a) * (r + 20)],
				[x + Math.cos(a) * (r + 80), y + Math.sin(a) * (r + 80)],
				6,
				1
			)
		);
	}
	if (scene.river) {
		const bank: Point[] = Array.from({ length: 25 }, (_, i) => [
			i * 70,
			ground + 160 + Math.sin(i / 2.5) * 40
		]);
		s.stroke('brush', '#4fc3f7', 110, bank, 0.9);
		s.stroke(
			'pencil',
			'#0288d1',
			8,
			bank.map(([bx, by]) => [bx, by - 30 + s.jitter(3)])
		);
	}
	if (scene.house) {
		const { x: hx, w, wall, roof } = scene.house;
		const top = ground - w * 0.75;
		s.rect(wall, hx, top, hx + w, ground);
		s.stroke('crayon', roof, 26, [
			...s.line([hx - 40, top + 10], [hx + w / 2, top - w * 0.45], 10),
			...s.line([hx + w / 2, top - w * 0.45], [hx + w + 40, top + 10], 10)
		]);
		s.rect('#6d4c41', hx + w * 0.4, ground - w * 0.35, hx + w * 0.6, ground);
		s.rect('#e1f5fe', hx + w * 0.12, top + w * 0.15, hx + w * 0.32, top + w * 0.32);
		s.rect('#37474f', hx, top, hx + w, ground, false);
	}
	for (const tx of scene.trees) {
		s.stroke(
			'brush',
			'#5d4037',
			34,
			s.line([tx, ground + 10], [tx + s.jitter(10), ground - 230], 10, 3)
		);
		const cy = ground - 300;
		for (let k = 0; k < 5; k++) {
			const cx = tx + s.jitter(60);
			const ry = cy + s.jitter(50);
			s.ellipse(k % 2 ? '#388e3c' : '#43a047', cx - 90, ry - 80, cx + 90, ry + 80);
		}
	}
	// Grass, one blade at a time, as children draw it.
	for (let gx = 20; gx < 1600; gx += 38) {
		const base: Point = [gx + s.jitter(8), 1180 - s.jitter(20)];
		s.stroke(
			'pencil',
			'#33691e',
			7,
			s.line(base, [base[0] + s.jitter(18), base[1] - 50 - s.jitter(20)], 5, 1)
		);
	}
	for (let f = 0; f < scene.flowers; f++) {
		const fx = 120 + ((f * 337) % 1400) + s.jitter(20);
		const fy = ground + 90 + ((f * 131) % 200);
		s.stroke('pencil', '#2e7d32', 8, s.line([fx, fy + 60], [fx, fy], 5, 1));
		s.ellipse(
			['#e91e63', '#ffeb3b', '#ab47bc', '#ff7043'][f % 4]!,
			fx - 22,
			fy - 22,
			fx + 22,
			fy + 22
		);
	}
	const doc = createDocument('landscape', '#ffffff');
	return { ...doc, version: DOCUMENT_VERSION, ops: s.ops };
}
