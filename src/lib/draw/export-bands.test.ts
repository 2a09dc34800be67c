import type { Canvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { createDocument, serializeDocument, type Op, type StrokeOp } from './document.ts';
import { bandRows, hasFills, jsonHasFills, reachesRows } from './export-bands.ts';

const stroke = (ys: number[], size = 6): StrokeOp => ({
	type: 'stroke',
	id: 's',
	tool: 'crayon',
	color: '#2e7d32',
	size,
	opacity: 1,
	points: ys.flatMap((y, i) => [10 + i * 5, y, 0.5, i * 16])
});

describe('bandRows', () => {
	it('splits the rows without gaps or overlaps, in whole pixels', () => {
		expect(bandRows(2400, { index: 0, count: 2 })).toEqual({ top: 0, bottom: 1200 });
		expect(bandRows(2400, { index: 1, count: 2 })).toEqual({ top: 1200, bottom: 2400 });
		const thirds = [0, 1, 2].map((index) => bandRows(1001, { index, count: 3 }));
		expect(thirds).toEqual([
			{ top: 0, bottom: 333 },
			{ top: 333, bottom: 667 },
			{ top: 667, bottom: 1001 }
		]);
	});
});

describe('reachesRows', () => {
	it('keeps a stroke whose points, widened by its size, reach the rows', () => {
		expect(reachesRows(stroke([100, 120, 140]), 0, 90)).toBe(false);
		expect(reachesRows(stroke([100, 120, 140]), 0, 93)).toBe(true);
		expect(reachesRows(stroke([100, 120, 140]), 150, 300)).toBe(false);
		expect(reachesRows(stroke([100, 120, 140]), 147, 300)).toBe(true);
		expect(reachesRows(stroke([10, 500]), 200, 300)).toBe(true);
		// A thick brush reaches further.
		expect(reachesRows(stroke([100], 40), 0, 57)).toBe(false);
		expect(reachesRows(stroke([100], 40), 0, 58)).toBe(true);
	});

	it('always keeps ops that are not strokes', () => {
		const text: Op = {
			type: 'text',
			id: 't',
			x: 0,
			y: 900,
			text: 'hi',
			color: '#000000',
			size: 20
		};
		expect(reachesRows(text, 0, 10)).toBe(true);
	});
});

describe('hasFills / jsonHasFills', () => {
	it('finds a fill in a document and in its JSON, and no fill in a child’s words', () => {
		const fill: Op = { type: 'fill', id: 'f', x: 5, y: 5, color: '#ff0000', tolerance: 32 };
		const words: Op = {
			type: 'text',
			id: 't',
			x: 0,
			y: 0,
			text: '"type":"fill"',
			color: '#000000',
			size: 20
		};
		const plain = { ...createDocument({ width: 80, height: 60 }, '#ffffff'), ops: [words] };
		const filled = { ...plain, ops: [stroke([1]), fill] };
		expect(hasFills(plain)).toBe(false);
		expect(jsonHasFills(serializeDocument(plain))).toBe(false);
		expect(hasFills(filled)).toBe(true);
		expect(jsonHasFills(serializeDocument(filled))).toBe(true);
	});
});

describe('a picture painted in two bands', () => {
	it('has the pixels of the picture painted whole (real canvas, seam included)', async () => {
		const {
			napiPath: createPath,
			napiSurface: surface,
			pixelsOf: pixels
		} = await import('./testing/napi-surface.ts');
		const { renderPicture } = await import('./picture.ts');
		const { runExport } = await import('./export-job.ts');
		const tools = ['brush', 'pencil', 'marker', 'crayon', 'eraser'] as const;
		// Strokes wandering over the seam (board row 30), of every tool, the eraser included.
		const ops: StrokeOp[] = Array.from({ length: 40 }, (_, i) => ({
			...stroke([10 + ((i * 7) % 45), 22 + ((i * 5) % 17), 40 - ((i * 3) % 25)], 3 + (i % 9)),
			id: `s${i}`,
			tool: tools[i % tools.length] as StrokeOp['tool'],
			color: ['#2e7d32', '#1565c0', '#c62828'][i % 3] as string,
			opacity: i % 4 === 0 ? 0.6 : 1
		}));
		const doc = { ...createDocument({ width: 80, height: 60 }, '#fff8e1'), ops };
		const whole = await renderPicture(doc, surface, { scale: 3, createPath });

		let handed: { canvas: Canvas; top: number }[] = [];
		const encoded: Uint8ClampedArray[] = [];
		const deps = {
			surface,
			createPath,
			loadPage: () => Promise.reject(new Error('no page')),
			encode: async (c: Canvas) => {
				encoded.push(pixels(c));
				return new Blob([]);
			},
			bands: {
				flush: (c: Canvas) => c,
				send: (canvas: Canvas, top: number) => void (handed = [{ canvas, top }]),
				receive: async () => handed
			}
		};
		const json = serializeDocument(doc);
		for (const index of [1, 0]) {
			await runExport(
				{ type: 'render', id: 1, json, scale: 3, band: { index, count: 2 } },
				deps,
				() => {}
			);
		}
		expect(encoded).toHaveLength(1);
		const a = pixels(whole);
		const b = encoded[0] as Uint8ClampedArray;
		let differ = 0;
		let worst = 0;
		for (let i = 0; i < a.length; i++) {
			const d = Math.abs((a[i] as number) - (b[i] as number));
			if (d > 0) differ++;
			worst = Math.max(worst, d);
		}
		expect(b.length).toBe(a.length);
		// Skia may antialias a path cut by a canvas edge a shade differently (measured: at most
		// 7 of 255 on a few edge pixels); a missing stroke or a shifted band would differ by far
		// more, and on many pixels.
		expect(worst).toBeLessThanOrEqual(8);
		expect(differ / a.length).toBeLessThan(0.005);
	});
});
