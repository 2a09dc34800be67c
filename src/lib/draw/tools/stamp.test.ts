import { describe, expect, it } from 'vitest';
import { pointer, toolContext } from '../testing/tool-harness.ts';
import { StampTool } from './stamp.ts';

describe('StampTool', () => {
	it('places a stamp as a preview that only sticks on finish', () => {
		const tool = new StampTool();
		const ctx = toolContext({ stampId: 'bee' });
		expect(tool.pointer(pointer('down', 100, 100), ctx)).toEqual([
			{
				type: 'preview',
				op: {
					type: 'stamp',
					id: 'id1',
					stampId: 'bee',
					x: 100,
					y: 100,
					scale: 1,
					rotation: 0,
					flipX: false
				}
			}
		]);
		expect(tool.state).toBe('dragging');
		tool.pointer(pointer('move', 120, 110), ctx);
		expect(tool.pointer(pointer('up', 120, 110), ctx)).toEqual([]);
		expect(tool.state).toBe('placed');
		expect(tool.pending).toMatchObject({ x: 120, y: 110 });
		expect(tool.finish()).toEqual([
			{ type: 'preview', op: null },
			{
				type: 'commit',
				commands: [{ type: 'addOp', op: expect.objectContaining({ x: 120, y: 110 }) }]
			}
		]);
		expect(tool.state).toBe('idle');
	});

	it('scales, rotates and flips the placed stamp, keeping values in range', () => {
		const tool = new StampTool();
		const ctx = toolContext();
		tool.pointer(pointer('down', 100, 100), ctx);
		tool.pointer(pointer('up', 100, 100), ctx);
		tool.transform({ scale: 2.5, rotation: -30, flipX: true });
		expect(tool.pending).toMatchObject({ scale: 2.5, rotation: 330, flipX: true });
		expect(tool.transform({ scale: 1000 })).toMatchObject([{ op: { scale: 20 } }]);
	});

	it('moves the placed stamp when grabbed, keeping the grab offset', () => {
		const tool = new StampTool();
		const ctx = toolContext();
		tool.pointer(pointer('down', 100, 100), ctx);
		tool.pointer(pointer('up', 100, 100), ctx);
		expect(tool.pointer(pointer('down', 130, 100), ctx)).toEqual([]);
		expect(tool.state).toBe('dragging');
		tool.pointer(pointer('move', 230, 150), ctx);
		tool.pointer(pointer('up', 230, 150), ctx);
		expect(tool.pending).toMatchObject({ id: 'id1', x: 200, y: 150 });
	});

	it('sticks the current stamp and starts a new one when pressing elsewhere', () => {
		const tool = new StampTool();
		const ctx = toolContext();
		tool.pointer(pointer('down', 100, 100), ctx);
		tool.pointer(pointer('up', 100, 100), ctx);
		const effects = tool.pointer(pointer('down', 800, 600), ctx);
		expect(effects.map((e) => e.type)).toEqual(['preview', 'commit', 'preview']);
		expect(effects[1]).toMatchObject({ commands: [{ op: { id: 'id1', x: 100 } }] });
		expect(tool.pending).toMatchObject({ id: 'id2', x: 800, y: 600 });
	});

	it('cancel discards the pending stamp; a cancelled drag keeps it', () => {
		const tool = new StampTool();
		const ctx = toolContext();
		tool.pointer(pointer('down', 100, 100), ctx);
		tool.pointer(pointer('cancel', 100, 100), ctx);
		expect(tool.state).toBe('placed');
		expect(tool.cancel()).toEqual([{ type: 'preview', op: null }]);
		expect(tool.pending).toBeNull();
		expect(tool.finish()).toEqual([]);
	});
});
