import { describe, expect, it } from 'vitest';
import type { StrokeOp } from '../document.ts';
import { pointer, toolContext } from '../testing/tool-harness.ts';
import { PenTool } from './pen.ts';

describe('PenTool', () => {
	it('goes idle → drawing → idle and emits one addOp for the stroke', () => {
		const pen = new PenTool('brush');
		const ctx = toolContext();
		expect(pen.state).toBe('idle');
		const begin = pen.pointer(pointer('down', 10, 10), ctx);
		expect(pen.state).toBe('drawing');
		expect(begin).toMatchObject([{ type: 'liveBegin', op: { tool: 'brush', color: '#123456' } }]);
		expect(pen.pointer(pointer('move', 20, 10), ctx)).toMatchObject([{ type: 'liveUpdate' }]);
		const end = pen.pointer(pointer('up', 30, 10), ctx);
		expect(pen.state).toBe('idle');
		expect(end.map((e) => e.type)).toEqual(['liveEnd', 'commit']);
		const commit = end[1];
		if (commit?.type !== 'commit') throw new Error('no commit');
		const [command] = commit.commands;
		expect(command?.type).toBe('addOp');
		const op = (command as { op: StrokeOp }).op;
		expect(op).toMatchObject({ type: 'stroke', id: 'id1', tool: 'brush', size: 10, opacity: 1 });
		expect(op.points.filter((_, i) => i % 4 === 0)).toEqual([10, 20, 30]);
		// Times are relative to the first sample, for replay.
		expect(op.points[3]).toBe(0);
		expect(op.points[7]).toBe(16);
	});

	it('records each variant as its own tool', () => {
		for (const variant of ['pencil', 'marker', 'crayon', 'eraser'] as const) {
			const pen = new PenTool(variant);
			const ctx = toolContext();
			pen.pointer(pointer('down', 0, 0), ctx);
			const [, commit] = pen.pointer(pointer('up', 5, 5), ctx);
			expect(commit).toMatchObject({ commands: [{ op: { tool: variant } }] });
		}
	});

	it('ignores moves while idle, right-button presses and a second down while drawing', () => {
		const pen = new PenTool('pencil');
		const ctx = toolContext();
		expect(pen.pointer(pointer('move', 5, 5), ctx)).toEqual([]);
		expect(pen.pointer(pointer('down', 5, 5, { buttons: 2 }), ctx)).toEqual([]);
		expect(pen.state).toBe('idle');
		pen.pointer(pointer('down', 5, 5), ctx);
		expect(pen.pointer(pointer('down', 50, 50), ctx)).toEqual([]);
		expect(pen.state).toBe('drawing');
	});

	it('cancel discards the stroke without committing', () => {
		const pen = new PenTool('brush');
		const ctx = toolContext();
		pen.pointer(pointer('down', 1, 1), ctx);
		pen.pointer(pointer('move', 9, 9), ctx);
		expect(pen.pointer(pointer('cancel', 9, 9), ctx)).toEqual([{ type: 'liveEnd' }]);
		expect(pen.state).toBe('idle');
		expect(pen.pointer(pointer('up', 9, 9), ctx)).toEqual([]);
	});

	it('finish commits a stroke in progress (e.g. the tool is switched mid-stroke)', () => {
		const pen = new PenTool('brush');
		const ctx = toolContext();
		pen.pointer(pointer('down', 1, 1), ctx);
		expect(pen.finish().map((e) => e.type)).toEqual(['liveEnd', 'commit']);
		expect(pen.finish()).toEqual([]);
	});

	it('decimates tiny moves and sends no live update for them', () => {
		const pen = new PenTool('brush');
		const ctx = toolContext();
		pen.pointer(pointer('down', 100, 100), ctx);
		expect(pen.pointer(pointer('move', 100.3, 100.2), ctx)).toEqual([]);
		expect(pen.pointer(pointer('move', 102, 100), ctx)).toHaveLength(1);
	});

	it('uses real pressure for a pen and simulated pressure for a mouse', () => {
		const ctx = toolContext();
		const pressures = (pointerType: string) => {
			const pen = new PenTool('brush');
			pen.pointer(pointer('down', 0, 0, { pointerType, pressure: 0.9 }), ctx);
			pen.pointer(pointer('move', 40, 0, { pointerType, pressure: 0.9 }), ctx);
			const [, commit] = pen.pointer(pointer('up', 80, 0, { pointerType, pressure: 0.9 }), ctx);
			const op = (commit as { commands: { op: StrokeOp }[] }).commands[0]!.op;
			return op.points.filter((_, i) => i % 4 === 2);
		};
		expect(pressures('pen')).toEqual([0.9, 0.9, 0.9]);
		expect(pressures('mouse')[0]).toBe(0.5);
		expect(pressures('mouse')[2]).toBeLessThan(0.5);
	});
});
