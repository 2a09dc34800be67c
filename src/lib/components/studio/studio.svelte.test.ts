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
});
