// Synthetic drawings for the draw benchmark: the same strokes feed the real studio (as a
// document in IndexedDB) and the naive Konva baseline (as Konva.Line nodes).
import { DOCUMENT_VERSION, type DrawDocument, type StrokeOp } from '../../src/lib/draw/document.ts';

const PALETTE = ['#2e7d32', '#1565c0', '#f9a825', '#c62828', '#6a1b9a', '#00838f', '#4e342e'];
const TOOLS = ['brush', 'pencil', 'marker', 'crayon'] as const;

/** Mulberry32: a small seeded generator, so every run draws the same picture. */
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

/** `count` strokes of `points` samples each: wandering lines at a child's hand speed. */
export function makeDocument(count: number, points = 60, seed = 7): DrawDocument {
	const next = random(seed + count);
	const width = 1600;
	const height = 1200;
	const ops: StrokeOp[] = [];
	for (let s = 0; s < count; s++) {
		let x = 80 + next() * (width - 160);
		let y = 80 + next() * (height - 160);
		let heading = next() * Math.PI * 2;
		const flat: number[] = [];
		for (let i = 0; i < points; i++) {
			heading += (next() - 0.5) * 0.6;
			x = Math.min(width - 1, Math.max(0, x + Math.cos(heading) * 7));
			y = Math.min(height - 1, Math.max(0, y + Math.sin(heading) * 7));
			flat.push(Math.round(x * 10) / 10, Math.round(y * 10) / 10, 0.5, i * 16);
		}
		const tool = TOOLS[s % TOOLS.length] as StrokeOp['tool'];
		ops.push({
			type: 'stroke',
			id: `bench${s.toString(36)}`,
			tool,
			color: PALETTE[s % PALETTE.length] as string,
			size: 4 + Math.round(next() * 20),
			opacity: tool === 'marker' ? 0.5 : 1,
			points: flat
		});
	}
	return { version: DOCUMENT_VERSION, width, height, background: '#ffffff', ops };
}

/** Points of the stroke the benchmark draws: a spiral of `moves` steps around a centre. */
export function spiral(moves: number, cx: number, cy: number, radius: number) {
	return Array.from({ length: moves }, (_, i) => {
		const k = i / moves;
		const angle = k * Math.PI * 6;
		const r = radius * (0.2 + 0.8 * k);
		return { x: Math.round(cx + Math.cos(angle) * r), y: Math.round(cy + Math.sin(angle) * r) };
	});
}
