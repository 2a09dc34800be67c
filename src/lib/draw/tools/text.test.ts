import { describe, expect, it } from 'vitest';
import { pointer, toolContext } from '../testing/tool-harness.ts';
import { TextTool } from './text.ts';

describe('TextTool', () => {
	it('opens a label where pressed and commits the typed text', () => {
		const tool = new TextTool();
		const ctx = toolContext({ fontSize: 64, color: '#00ff00' });
		const open = tool.pointer(pointer('down', 40, 50), ctx);
		expect(open).toMatchObject([{ type: 'preview', op: { x: 40, y: 50, text: '' } }]);
		expect(tool.state).toBe('editing');
		expect(tool.setText('你好 Sprout')).toMatchObject([
			{ type: 'preview', op: { text: '你好 Sprout' } }
		]);
		expect(tool.finish()).toEqual([
			{ type: 'preview', op: null },
			{
				type: 'commit',
				commands: [
					{
						type: 'addOp',
						op: {
							type: 'text',
							id: 'id1',
							x: 40,
							y: 50,
							text: '你好 Sprout',
							color: '#00ff00',
							size: 64
						}
					}
				]
			}
		]);
		expect(tool.state).toBe('idle');
	});

	it('commits nothing for an empty or blank label', () => {
		const tool = new TextTool();
		const ctx = toolContext();
		tool.pointer(pointer('down', 40, 50), ctx);
		tool.setText('   ');
		expect(tool.finish()).toEqual([{ type: 'preview', op: null }]);
	});

	it('commits the current label when the child clicks somewhere else', () => {
		const tool = new TextTool();
		const ctx = toolContext();
		tool.pointer(pointer('down', 40, 50), ctx);
		tool.setText('one');
		const effects = tool.pointer(pointer('down', 400, 500), ctx);
		expect(effects.map((e) => e.type)).toEqual(['preview', 'commit', 'preview']);
		expect(tool.pending).toMatchObject({ id: 'id2', x: 400, text: '' });
	});

	it('cancel drops the label', () => {
		const tool = new TextTool();
		const ctx = toolContext();
		tool.pointer(pointer('down', 40, 50), ctx);
		tool.setText('oops');
		expect(tool.cancel()).toEqual([{ type: 'preview', op: null }]);
		expect(tool.state).toBe('idle');
		expect(tool.setText('late')).toEqual([]);
	});
});
