import type { Canvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { createDocument, type DrawDocument, type Op, type StrokeOp } from './document.ts';
import type { ExportReply } from './export-job.ts';
import {
	ExportRaster,
	LOOSE_OPS,
	type RasterDeps,
	type RasterHead,
	type RasterSync
} from './export-raster.ts';

import { renderPicture } from './picture.ts';
import {
	napiPath as createPath,
	napiSurface as surface,
	pixelsOf as pixels
} from './testing/napi-surface.ts';

const SCALE = 2;
const tools = ['brush', 'pencil', 'marker', 'crayon', 'eraser'] as const;

function stroke(i: number): StrokeOp {
	const ys = [10 + ((i * 7) % 45), 22 + ((i * 5) % 17), 40 - ((i * 3) % 25)];
	return {
		type: 'stroke',
		id: `s${i}`,
		tool: tools[i % tools.length] as StrokeOp['tool'],
		color: ['#2e7d32', '#1565c0', '#c62828'][i % 3] as string,
		size: 3 + (i % 9),
		opacity: i % 4 === 0 ? 0.6 : 1,
		points: ys.flatMap((y, k) => [5 + ((i * 11) % 50) + k * 6, y, 0.5, k * 16])
	};
}

/** Strokes of every tool (the eraser too), a bucket fill that reads them, and a shape. */
function ops(count: number): Op[] {
	return Array.from({ length: count }, (_, i): Op => {
		if (i === 12) return { type: 'fill', id: 'f12', x: 70, y: 5, color: '#fdd835', tolerance: 32 };
		if (i === 20) {
			return {
				type: 'shape',
				id: 'r20',
				shape: 'rect',
				x1: 8,
				y1: 8,
				x2: 60,
				y2: 40,
				color: '#6a1b9a',
				size: 4,
				filled: false
			};
		}
		return stroke(i);
	});
}

function setup(onYield: () => void = () => {}) {
	const encoded: Uint8ClampedArray[] = [];
	const deps: RasterDeps<Canvas> = {
		surface,
		createPath,
		loadPage: () => Promise.reject(new Error('no page here')),
		encode: async (canvas) => {
			encoded.push(pixels(canvas));
			return new Blob([]);
		},
		yieldNow: async () => onYield(),
		flush: () => {}
	};
	return { raster: new ExportRaster(deps), encoded };
}

function head(doc: DrawDocument): RasterHead {
	return {
		width: doc.width,
		height: doc.height,
		scale: SCALE,
		background: doc.background,
		template: doc.template ?? null
	};
}

let version = 0;
function sync(doc: DrawDocument, keep: number, append: readonly Op[]): RasterSync {
	return { type: 'sync', version: ++version, head: head(doc), keep, append: [...append] };
}

async function exportOf(raster: ExportRaster<Canvas>, doc: DrawDocument) {
	const replies: ExportReply[] = [];
	const request = {
		type: 'export' as const,
		id: 1,
		version,
		ops: doc.ops.length,
		lastOpId: doc.ops.at(-1)?.id ?? null
	};
	await raster.export(request, (reply) => replies.push(reply));
	return replies;
}

/** The picture as the full export paints it, from the document alone. */
async function painted(doc: DrawDocument): Promise<Uint8ClampedArray> {
	return pixels(await renderPicture(doc, surface, { scale: SCALE, createPath }));
}

const board = (list: Op[], background = '#fff8e1'): DrawDocument => ({
	...createDocument({ width: 80, height: 60 }, background),
	ops: list
});

describe('the export raster', () => {
	it('has the pixels of the picture painted whole, ops arriving one by one', async () => {
		const all = ops(40);
		const { raster, encoded } = setup();
		for (let i = 0; i < all.length; i++) {
			raster.sync(sync(board(all), i, [all[i] as Op]));
			// The background paints now and then, as in the worker.
			if (i % 7 === 0) await raster.paintFor(0);
		}
		await raster.paintFor(Infinity);
		expect(raster.flat).toBe(all.length - LOOSE_OPS);
		const replies = await exportOf(raster, board(all));
		expect(replies.at(-1)?.type).toBe('done');
		expect(encoded).toHaveLength(1);
		expect(encoded[0]).toEqual(await painted(board(all)));
	});

	it('keeps its pixels when a loose op is undone, and repaints after an older one is', async () => {
		const all = ops(40);
		const { raster, encoded } = setup();
		raster.sync(sync(board(all), 0, all));
		await raster.paintFor(Infinity);
		const flat = raster.flat;
		// Undo of the newest op: nothing to repaint.
		raster.sync(sync(board(all), 39, []));
		expect(raster.flat).toBe(flat);
		await exportOf(raster, board(all.slice(0, 39)));
		expect(encoded[0]).toEqual(await painted(board(all.slice(0, 39))));
		// Undo back past the loose ops (and the fill): the raster starts again from blank.
		raster.sync(sync(board(all), 10, []));
		expect(raster.flat).toBe(0);
		await exportOf(raster, board(all.slice(0, 10)));
		expect(encoded[1]).toEqual(await painted(board(all.slice(0, 10))));
	});

	it('puts a new paper colour under the same ink without repainting it', async () => {
		const all = ops(30);
		const { raster, encoded } = setup();
		raster.sync(sync(board(all), 0, all));
		await raster.paintFor(Infinity);
		const flat = raster.flat;
		raster.sync(sync(board(all, '#0d1b2a'), 30, []));
		expect(raster.flat).toBe(flat);
		await exportOf(raster, board(all, '#0d1b2a'));
		expect(encoded[0]).toEqual(await painted(board(all, '#0d1b2a')));
	});

	it('never encodes a raster that is not exactly the document asked for', async () => {
		const all = ops(30);
		const { raster, encoded } = setup();
		raster.sync(sync(board(all), 0, all));
		const asked = (change: Partial<{ version: number; ops: number; lastOpId: string }>) => {
			const replies: ExportReply[] = [];
			const request = { type: 'export' as const, id: 2, version, ops: 30, lastOpId: 's29' };
			return raster.export({ ...request, ...change }, (r) => replies.push(r)).then(() => replies);
		};
		for (const change of [{ version: version - 1 }, { ops: 29 }, { lastOpId: 's28' }]) {
			expect((await asked(change)).at(-1)).toEqual({ type: 'error', id: 2, reason: 'stale' });
		}
		expect(encoded).toHaveLength(0);
	});

	it('gives up as stale when the drawing changes during an export', async () => {
		const all = ops(40);
		let undoDuringExport = false;
		const { raster, encoded } = setup(() => {
			// An undo arrives while the export catches up with the ops not painted yet.
			if (undoDuringExport) raster.sync(sync(board(all), 39, []));
		});
		raster.sync(sync(board(all), 0, all));
		undoDuringExport = true;
		const replies = await exportOf(raster, board(all));
		expect(replies.at(-1)).toEqual({ type: 'error', id: 1, reason: 'stale' });
		expect(encoded).toHaveLength(0);
	});

	it('fails a drawing on a colouring page whose page cannot load', async () => {
		const doc = { ...board(ops(3)), template: `/objects/public/templates/${'a'.repeat(64)}.png` };
		const { raster, encoded } = setup();
		raster.sync(sync(doc, 0, doc.ops));
		expect((await exportOf(raster, doc)).at(-1)).toEqual({ type: 'error', id: 1, reason: 'page' });
		expect(encoded).toHaveLength(0);
	});
});
