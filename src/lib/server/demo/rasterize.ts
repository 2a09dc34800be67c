/**
 * Paints a draw document's strokes and shapes into RGBA pixels on the server, with the same
 * stroke geometry the studio uses (`strokePasses`), so the demo's entry pictures are really
 * made from their stroke documents. Covers what the demo drawings use: strokes (not the
 * eraser), rects and ellipses; fills, stamps, text and colouring pages are not painted.
 */
import type { DrawDocument, ShapeOp } from '../../draw/document.ts';
import { strokePasses, type Vec2 } from '../../draw/stroke-geometry.ts';

export interface Pixels {
	data: Uint8ClampedArray;
	width: number;
	height: number;
}

function hex(color: string): [number, number, number] {
	const n = Number.parseInt(color.slice(1), 16);
	return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** Fills a polygon (non-zero winding, sampled at pixel centres), blending `alpha` over. */
function fillPolygon(px: Pixels, polygon: readonly Vec2[], color: string, alpha: number): void {
	if (polygon.length < 3 || alpha <= 0) return;
	const [r, g, b] = hex(color);
	let minY = Infinity;
	let maxY = -Infinity;
	for (const [, y] of polygon) {
		minY = Math.min(minY, y);
		maxY = Math.max(maxY, y);
	}
	const y0 = Math.max(0, Math.floor(minY));
	const y1 = Math.min(px.height - 1, Math.ceil(maxY));
	for (let y = y0; y <= y1; y++) {
		const cy = y + 0.5;
		const crossings: { x: number; dir: number }[] = [];
		for (let i = 0; i < polygon.length; i++) {
			const [ax, ay] = polygon[i]!;
			const [bx, by] = polygon[(i + 1) % polygon.length]!;
			if (ay <= cy === by <= cy) continue;
			crossings.push({ x: ax + ((cy - ay) / (by - ay)) * (bx - ax), dir: by > ay ? 1 : -1 });
		}
		crossings.sort((p, q) => p.x - q.x);
		let winding = 0;
		for (let i = 0; i < crossings.length - 1; i++) {
			winding += crossings[i]!.dir;
			if (winding === 0) continue;
			const xs = Math.max(0, Math.ceil(crossings[i]!.x - 0.5));
			const xe = Math.min(px.width - 1, Math.floor(crossings[i + 1]!.x - 0.5));
			for (let x = xs; x <= xe; x++) {
				const o = (y * px.width + x) * 4;
				px.data[o] = px.data[o]! + (r - px.data[o]!) * alpha;
				px.data[o + 1] = px.data[o + 1]! + (g - px.data[o + 1]!) * alpha;
				px.data[o + 2] = px.data[o + 2]! + (b - px.data[o + 2]!) * alpha;
			}
		}
	}
}

function shapePolygon(op: ShapeOp): Vec2[] {
	const [x1, x2] = [Math.min(op.x1, op.x2), Math.max(op.x1, op.x2)];
	const [y1, y2] = [Math.min(op.y1, op.y2), Math.max(op.y1, op.y2)];
	if (op.shape === 'rect')
		return [
			[x1, y1],
			[x2, y1],
			[x2, y2],
			[x1, y2]
		];
	const cx = (x1 + x2) / 2;
	const cy = (y1 + y2) / 2;
	return Array.from({ length: 64 }, (_, i) => {
		const a = (i / 64) * Math.PI * 2;
		return [cx + Math.cos(a) * (x2 - x1) * 0.5, cy + Math.sin(a) * (y2 - y1) * 0.5] as Vec2;
	});
}

/** An outline of width `size` around a closed polygon, drawn as one quad per edge. */
function outline(px: Pixels, polygon: readonly Vec2[], color: string, size: number): void {
	for (let i = 0; i < polygon.length; i++) {
		const [ax, ay] = polygon[i]!;
		const [bx, by] = polygon[(i + 1) % polygon.length]!;
		const len = Math.hypot(bx - ax, by - ay) || 1;
		const nx = (-(by - ay) / len) * (size / 2);
		const ny = ((bx - ax) / len) * (size / 2);
		fillPolygon(
			px,
			[
				[ax + nx - (((bx - ax) / len) * size) / 2, ay + ny - (((by - ay) / len) * size) / 2],
				[bx + nx + (((bx - ax) / len) * size) / 2, by + ny + (((by - ay) / len) * size) / 2],
				[bx - nx + (((bx - ax) / len) * size) / 2, by - ny + (((by - ay) / len) * size) / 2],
				[ax - nx - (((bx - ax) / len) * size) / 2, ay - ny - (((by - ay) / len) * size) / 2]
			],
			color,
			1
		);
	}
}

export function rasterizeDocument(doc: DrawDocument): Pixels {
	const px: Pixels = {
		data: new Uint8ClampedArray(doc.width * doc.height * 4),
		width: doc.width,
		height: doc.height
	};
	const [r, g, b] = hex(doc.background);
	for (let o = 0; o < px.data.length; o += 4) {
		px.data[o] = r;
		px.data[o + 1] = g;
		px.data[o + 2] = b;
		px.data[o + 3] = 255;
	}
	for (const op of doc.ops) {
		if (op.type === 'stroke' && op.tool !== 'eraser') {
			for (const pass of strokePasses(op))
				fillPolygon(px, pass.outline, op.color, pass.alpha * op.opacity);
		} else if (op.type === 'shape' && op.shape !== 'line') {
			if (op.filled) fillPolygon(px, shapePolygon(op), op.color, 1);
			else outline(px, shapePolygon(op), op.color, op.size);
		}
	}
	return px;
}
