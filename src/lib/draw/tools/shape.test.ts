import { describe, expect, it } from 'vitest';
import { pointer, toolContext } from '../testing/tool-harness.ts';
import { constrain, ShapeTool } from './shape.ts';

describe('ShapeTool', () => {
	it('previews while dragging and commits the shape on release', () => {
		const tool = new ShapeTool('rect');
		const ctx = toolContext({ filled: true, size: 6 });
		expect(tool.pointer(pointer('down', 10, 20), ctx)).toMatchObject([
			{ type: 'preview', op: { shape: 'rect', x1: 10, y1: 20, x2: 10, y2: 20 } }
		]);
		expect(tool.state).toBe('dragging');
		expect(tool.pointer(pointer('move', 50, 60), ctx)).toMatchObject([
			{ type: 'preview', op: { x2: 50, y2: 60 } }
		]);
		const effects = tool.pointer(pointer('up', 70, 90), ctx);
		expect(tool.state).toBe('idle');
		expect(effects).toEqual([
			{ type: 'preview', op: null },
			{
				type: 'commit',
				commands: [
					{
						type: 'addOp',
						op: {
							type: 'shape',
							id: 'id1',
							shape: 'rect',
							x1: 10,
							y1: 20,
							x2: 70,
							y2: 90,
							color: '#123456',
							size: 6,
							filled: true
						}
					}
				]
			}
		]);
	});

	it('treats a click without a drag as no shape', () => {
		const tool = new ShapeTool('ellipse');
		const ctx = toolContext();
		tool.pointer(pointer('down', 10, 10), ctx);
		expect(tool.pointer(pointer('up', 11, 10), ctx)).toEqual([{ type: 'preview', op: null }]);
	});

	it('cancel hides the preview and commits nothing', () => {
		const tool = new ShapeTool('line');
		const ctx = toolContext();
		tool.pointer(pointer('down', 0, 0), ctx);
		tool.pointer(pointer('move', 100, 100), ctx);
		expect(tool.pointer(pointer('cancel', 100, 100), ctx)).toEqual([{ type: 'preview', op: null }]);
		expect(tool.state).toBe('idle');
	});

	it('constrains with shift: square boxes and 45° lines', () => {
		const tool = new ShapeTool('rect');
		const ctx = toolContext();
		tool.pointer(pointer('down', 0, 0), ctx);
		const [, commit] = tool.pointer(pointer('up', 30, -10, { shiftKey: true }), ctx);
		expect(commit).toMatchObject({ commands: [{ op: { x2: 30, y2: -30 } }] });
		const snapped = constrain('line', 0, 0, 100, 10);
		expect(snapped.x2).toBeCloseTo(Math.hypot(100, 10));
		expect(snapped.y2).toBeCloseTo(0);
		const diagonal = constrain('line', 0, 0, 50, 40);
		expect(diagonal.x2).toBeCloseTo(diagonal.y2);
	});
});
