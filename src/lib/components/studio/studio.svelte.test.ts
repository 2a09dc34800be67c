import { describe, expect, it } from 'vitest';
import { createDocument, type DrawDocument } from '$lib/draw/document';
import { Editor } from '$lib/draw/editor';
import { FakeRenderer } from '$lib/draw/testing/fake-renderer';
import type { PointerInput } from '$lib/draw/tools/types';
import { StudioState, type ResizableRenderer } from './studio.svelte.ts';

class SizedFakeRenderer extends FakeRenderer implements ResizableRenderer {
	resized: [number, number][] = [];
	resize(width: number, height: number): void {
		this.resized.push([width, height]);
	}
}

function input(type: PointerInput['type'], x: number, y: number, t: number): PointerInput {
	return { type, x, y, t, pressure: 0.5, pointerType: 'mouse', buttons: type === 'up' ? 0 : 1 };
}

function setup(width = 1000, height = 800) {
	const changes: DrawDocument[] = [];
	const studio = new StudioState((doc) => changes.push(doc));
	const renderer = new SizedFakeRenderer();
	const editor = new Editor({ document: createDocument('landscape'), renderer });
	studio.attach(editor, renderer, width, height);
	return { studio, renderer, editor, changes };
}

describe('StudioState', () => {
	it('fits and centres the paper in the viewport on attach', () => {
		const { studio, renderer } = setup(1000, 800);
		// 1600×1200 into (1000−32)×(800−32): width limits, 968 / 1600.
		expect(studio.view.scale).toBeCloseTo(0.605);
		expect(studio.view.x).toBeCloseTo(16);
		expect(studio.view.y).toBeCloseTo((800 - 1200 * 0.605) / 2);
		expect(renderer.view).toEqual(studio.view);
	});

	it('zooms around the given point and refits only while fitted', () => {
		const { studio, renderer } = setup();
		const before = studio.view;
		studio.zoomBy(2, { x: 500, y: 400 });
		const boardBefore = {
			x: (500 - before.x) / before.scale,
			y: (400 - before.y) / before.scale
		};
		const boardAfter = {
			x: (500 - studio.view.x) / studio.view.scale,
			y: (400 - studio.view.y) / studio.view.scale
		};
		expect(boardAfter.x).toBeCloseTo(boardBefore.x);
		expect(boardAfter.y).toBeCloseTo(boardBefore.y);
		const zoomed = studio.view;
		studio.resize(1200, 700);
		expect(studio.view).toEqual(zoomed);
		expect(renderer.resized).toEqual([[1200, 700]]);
		studio.fit();
		studio.resize(600, 600);
		expect(studio.view.scale).toBeCloseTo((600 - 32) / 1600);
	});

	it('reports document changes, not tool or colour changes', () => {
		const { studio, changes } = setup();
		studio.setTool('pencil');
		studio.setColor('#e53935');
		expect(changes).toHaveLength(0);
		studio.pointer(input('down', 100, 100, 0));
		studio.pointerBatch([input('move', 150, 120, 16), input('move', 200, 140, 32)]);
		studio.pointer(input('up', 200, 140, 48));
		expect(changes).toHaveLength(1);
		expect(changes[0]?.ops[0]).toMatchObject({ type: 'stroke', tool: 'pencil', color: '#e53935' });
		studio.undo();
		expect(changes).toHaveLength(2);
		expect(changes[1]?.ops).toEqual([]);
		expect(studio.snapshot?.canRedo).toBe(true);
	});

	it('points the size slider at the font size for text, clamped to its range', () => {
		const { studio } = setup();
		studio.setSizeValue(500);
		expect(studio.snapshot?.size).toBe(120);
		studio.setTool('text');
		expect(studio.sizeRange).toEqual({ min: 16, max: 240 });
		studio.setSizeValue(80);
		expect(studio.snapshot?.fontSize).toBe(80);
		expect(studio.snapshot?.size).toBe(120);
	});

	it('destroys the editor and renderer on detach', () => {
		const { studio, renderer } = setup();
		studio.detach();
		expect(renderer.methods()).toContain('destroy');
		expect(studio.snapshot).toBeNull();
		expect(studio.getDocument()).toBeNull();
	});

	it('sets the pen opacity in percent, clamped to 10–100 and whole', () => {
		const { studio, changes } = setup();
		expect(studio.opacityPercent).toBe(100);
		studio.setOpacityPercent(50);
		expect(studio.snapshot?.opacity).toBe(0.5);
		expect(studio.opacityPercent).toBe(50);
		studio.setOpacityPercent(0);
		expect(studio.snapshot?.opacity).toBe(0.1);
		studio.setOpacityPercent(250);
		expect(studio.snapshot?.opacity).toBe(1);
		studio.setOpacityPercent(72.4);
		expect(studio.opacityPercent).toBe(72);
		studio.setOpacityPercent(Number.NaN);
		expect(studio.opacityPercent).toBe(72);
		// A style, not a drawing change: nothing to save, nothing to undo.
		expect(changes).toHaveLength(0);
		expect(studio.snapshot?.canUndo).toBe(false);

		studio.setTool('marker');
		studio.pointer(input('down', 100, 100, 0));
		studio.pointer(input('move', 200, 100, 16));
		studio.pointer(input('up', 200, 100, 32));
		expect(changes.at(-1)?.ops[0]).toMatchObject({ tool: 'marker', opacity: 0.72 });
	});

	it('sets the fill tolerance, clamped to 0–128, and fills with it', () => {
		const { studio, editor } = setup();
		expect(studio.snapshot?.tolerance).toBe(32);
		studio.setTolerance(200);
		expect(studio.snapshot?.tolerance).toBe(128);
		studio.setTolerance(-5);
		expect(studio.snapshot?.tolerance).toBe(0);
		studio.setTolerance(40.6);
		expect(studio.snapshot?.tolerance).toBe(41);
		studio.setTool('fill');
		studio.pointer(input('down', 10, 10, 0));
		studio.pointer(input('up', 10, 10, 16));
		expect(editor.getDocument().ops).toMatchObject([{ type: 'fill', tolerance: 41 }]);
	});

	it('changes the paper as one undo step; undo brings the old paper back', () => {
		const { studio, changes } = setup();
		expect(studio.paper).toBe('#ffffff');
		studio.setPaper('#FFF8E1');
		expect(studio.paper).toBe('#fff8e1');
		expect(changes.at(-1)?.background).toBe('#fff8e1');
		studio.setPaper('#263238');
		expect(studio.paper).toBe('#263238');
		studio.undo();
		expect(studio.paper).toBe('#fff8e1');
		studio.undo();
		expect(studio.paper).toBe('#ffffff');
		expect(studio.snapshot?.canUndo).toBe(false);
		studio.redo();
		expect(studio.paper).toBe('#fff8e1');
	});

	it('ignores the same paper again and anything that is not a #rrggbb colour', () => {
		const { studio, changes } = setup();
		studio.setPaper('#ffffff');
		studio.setPaper('red');
		studio.setPaper('#fff');
		studio.setPaper('#fff8e1; background: url(x)');
		expect(changes).toHaveLength(0);
		expect(studio.snapshot?.canUndo).toBe(false);
		expect(studio.paper).toBe('#ffffff');
	});
});
