import { describe, expect, it } from 'vitest';
import { pointer, toolContext } from '../testing/tool-harness.ts';
import { FillTool } from './fill.ts';

describe('FillTool', () => {
	it('emits a fill op at the pressed pixel on release', () => {
		const tool = new FillTool();
		const ctx = toolContext({ color: '#ff8800', tolerance: 48 });
		expect(tool.pointer(pointer('down', 10.7, 20.2), ctx)).toEqual([]);
		expect(tool.state).toBe('pressed');
		expect(tool.pointer(pointer('up', 12, 22), ctx)).toEqual([
			{
				type: 'commit',
				commands: [
					{
						type: 'addOp',
						op: { type: 'fill', id: 'id1', x: 10, y: 20, color: '#ff8800', tolerance: 48 }
					}
				]
			}
		]);
		expect(tool.state).toBe('idle');
	});

	it('ignores presses off the board and cancelled presses', () => {
		const tool = new FillTool();
		const ctx = toolContext();
		tool.pointer(pointer('down', -5, 20), ctx);
		expect(tool.state).toBe('idle');
		expect(tool.pointer(pointer('up', -5, 20), ctx)).toEqual([]);
		tool.pointer(pointer('down', 5, 20), ctx);
		tool.pointer(pointer('cancel', 5, 20), ctx);
		expect(tool.pointer(pointer('up', 5, 20), ctx)).toEqual([]);
	});
});
