import { describe, expect, it } from 'vitest';
import { pointer, toolContext } from '../testing/tool-harness.ts';
import { EyedropperTool } from './eyedropper.ts';

describe('EyedropperTool', () => {
	it('asks for the colour under the pointer and settles it on release', () => {
		const tool = new EyedropperTool();
		const ctx = toolContext({}, '#00aa00');
		expect(tool.pointer(pointer('down', 5, 5), ctx)).toEqual([
			{ type: 'pickColor', color: '#00aa00', final: false }
		]);
		expect(tool.state).toBe('sampling');
		expect(tool.pointer(pointer('up', 6, 6), ctx)).toEqual([
			{ type: 'pickColor', color: '#00aa00', final: true }
		]);
		expect(tool.state).toBe('idle');
	});

	it('keeps the last colour seen when released off the board', () => {
		const tool = new EyedropperTool();
		const ctx = toolContext({}, '#00aa00');
		tool.pointer(pointer('down', 5, 5), ctx);
		expect(tool.pointer(pointer('up', -50, 5), ctx)).toEqual([
			{ type: 'pickColor', color: '#00aa00', final: true }
		]);
	});

	it('picks nothing after a cancel', () => {
		const tool = new EyedropperTool();
		const ctx = toolContext();
		tool.pointer(pointer('down', 5, 5), ctx);
		tool.pointer(pointer('cancel', 5, 5), ctx);
		expect(tool.pointer(pointer('up', 5, 5), ctx)).toEqual([]);
	});
});
