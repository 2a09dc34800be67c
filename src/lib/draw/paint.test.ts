import { describe, expect, it } from 'vitest';
import type { Op, StrokeOp } from './document.ts';
import { paintOp, paintStroke, type PaintEnv } from './paint.ts';
import { STAMPS } from './stamps.ts';
import { FakeContext } from './testing/fake-context.ts';

const env = (width = 16, height = 16): PaintEnv => ({
	width,
	height,
	pixelRatio: 1,
	createPath: (d) => ({ d }) as unknown as Path2D
});

const stroke = (tool: StrokeOp['tool']): StrokeOp => ({
	type: 'stroke',
	id: 'a',
	tool,
	color: '#ff0000',
	size: 4,
	opacity: 0.8,
	points: [1, 1, 0.5, 0, 10, 10, 0.5, 16]
});

describe('paintOp', () => {
	it('fills a stroke outline with its colour and opacity, restoring state after', () => {
		const ctx = new FakeContext();
		paintOp(ctx, stroke('brush'), env());
		const [fill] = ctx.named('fill');
		expect(fill?.state).toMatchObject({ fillStyle: '#ff0000', globalAlpha: 0.8 });
		expect(ctx.named('lineTo').length).toBeGreaterThan(4);
		expect(ctx.calls[0]?.method).toBe('save');
		expect(ctx.calls.at(-1)?.method).toBe('restore');
		expect(ctx.globalAlpha).toBe(1);
	});

	it('erases with destination-out', () => {
		const ctx = new FakeContext();
		paintOp(ctx, stroke('eraser'), env());
		expect(ctx.named('fill')[0]?.state.globalCompositeOperation).toBe('destination-out');
		expect(ctx.globalCompositeOperation).toBe('source-over');
	});

	it('previews a live eraser in the paper colour instead of cutting the live layer', () => {
		const ctx = new FakeContext();
		paintStroke(ctx, stroke('eraser'), { last: false, eraserPreviewColor: '#fff8e1' });
		expect(ctx.named('fill')[0]?.state).toMatchObject({
			fillStyle: '#fff8e1',
			globalCompositeOperation: 'source-over'
		});
	});

	it('paints the crayon as several translucent passes', () => {
		const ctx = new FakeContext();
		paintOp(ctx, stroke('crayon'), env());
		const fills = ctx.named('fill');
		expect(fills.length).toBeGreaterThan(1);
		for (const fill of fills) expect(fill.state.globalAlpha).toBeLessThan(0.8);
	});

	it('strokes an outlined rectangle and fills a filled ellipse', () => {
		const base = { id: 's', x1: 8, y1: 9, x2: 2, y2: 3, color: '#00ff00', size: 2 };
		const ctx = new FakeContext();
		paintOp(ctx, { type: 'shape', shape: 'rect', filled: false, ...base }, env());
		expect(ctx.named('rect')[0]?.args).toEqual([2, 3, 6, 6]);
		expect(ctx.named('stroke')).toHaveLength(1);
		const ctx2 = new FakeContext();
		paintOp(ctx2, { type: 'shape', shape: 'ellipse', filled: true, ...base }, env());
		expect(ctx2.named('ellipse')[0]?.args).toEqual([5, 6, 3, 3, 0, 0, Math.PI * 2]);
		expect(ctx2.named('fill')).toHaveLength(1);
	});

	it('always strokes lines, even when filled is set', () => {
		const ctx = new FakeContext();
		const op: Op = {
			type: 'shape',
			id: 'l',
			shape: 'line',
			x1: 0,
			y1: 0,
			x2: 5,
			y2: 5,
			color: '#000000',
			size: 3,
			filled: true
		};
		paintOp(ctx, op, env());
		expect(ctx.named('stroke')).toHaveLength(1);
		expect(ctx.named('fill')).toHaveLength(0);
	});

	it('places a stamp by centre, rotation, flip and scale, one fill per path', () => {
		const ctx = new FakeContext();
		const stamp = STAMPS.find((s) => s.id === 'sun')!;
		paintOp(
			ctx,
			{
				type: 'stamp',
				id: 'p',
				stampId: 'sun',
				x: 100,
				y: 50,
				scale: 0.5,
				rotation: 90,
				flipX: true
			},
			env()
		);
		expect(ctx.named('translate')[0]?.args).toEqual([100, 50]);
		expect(ctx.named('rotate')[0]?.args).toEqual([Math.PI / 2]);
		expect(ctx.named('scale')[0]?.args).toEqual([-1.25, 1.25]);
		expect(ctx.named('fill').map((c) => c.args[0])).toEqual(stamp.paths.map((p) => ({ d: p.d })));
	});

	it('draws nothing for an unknown stamp id', () => {
		const ctx = new FakeContext();
		const op: Op = {
			type: 'stamp',
			id: 'p',
			stampId: 'unicorn',
			x: 0,
			y: 0,
			scale: 1,
			rotation: 0,
			flipX: false
		};
		paintOp(ctx, op, env());
		expect(ctx.calls).toEqual([]);
	});

	it('writes each line of a label below the previous one', () => {
		const ctx = new FakeContext();
		paintOp(
			ctx,
			{ type: 'text', id: 't', x: 10, y: 20, text: '绿色\nGreen', color: '#000000', size: 40 },
			env()
		);
		expect(ctx.named('fillText').map((c) => c.args)).toEqual([
			['绿色', 10, 20],
			['Green', 10, 70]
		]);
	});

	it('bucket-fills the pixels of the context and writes back only the changed box', () => {
		const ctx = new FakeContext(8, 8);
		// A vertical opaque wall at x = 4 on an empty bitmap.
		for (let y = 0; y < 8; y++) ctx.pixels.data.set([0, 0, 0, 255], (y * 8 + 4) * 4);
		paintOp(ctx, { type: 'fill', id: 'f', x: 1, y: 1, color: '#0000ff', tolerance: 10 }, env(8, 8));
		const at = (x: number, y: number) =>
			Array.from(ctx.pixels.data.slice((y * 8 + x) * 4, (y * 8 + x) * 4 + 4));
		expect(at(0, 7)).toEqual([0, 0, 255, 255]);
		expect(at(4, 3)).toEqual([0, 0, 0, 255]);
		expect(at(6, 3)).toEqual([0, 0, 0, 0]);
		expect(ctx.named('putImageData')[0]?.args).toEqual([0, 0, 0, 0, 5, 8]);
	});
});
