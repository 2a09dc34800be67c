import { describe, expect, it } from 'vitest';
import { createDocument, type StampOp } from './document.ts';
import { Editor } from './editor.ts';
import { KeyboardDrawing, keyCommand, type KeyCommand, type KeyboardResult } from './keyboard.ts';
import type { ToolName } from './tools/index.ts';

const BOARD = { width: 1600, height: 1200 };
const key = (k: string, shiftKey = false) =>
	keyCommand({ key: k, shiftKey, ctrlKey: false, metaKey: false, altKey: false })!;

/** A headless editor driven only by keys, the way the paper's keydown handler does it. */
function setup() {
	let n = 0;
	const editor = new Editor({ document: createDocument(), newId: () => `op${++n}` });
	const keys = new KeyboardDrawing(BOARD);
	const press = (...commands: KeyCommand[]): KeyboardResult[] =>
		commands.map((command) => {
			const snap = editor.getSnapshot();
			const result = keys.handle(command, { tool: snap.tool, pending: snap.pending, board: BOARD });
			for (const action of result.actions) {
				if (action.type === 'pointer') editor.pointer(action.input);
				else if (action.type === 'transformStamp') editor.transformStamp(action.change);
				else if (action.type === 'finish') editor.finishTool();
				else editor.cancelTool();
			}
			return result;
		});
	const use = (tool: ToolName) => editor.setTool(tool);
	return { editor, keys, press, use };
}

describe('keyCommand', () => {
	it('maps arrows (Shift for big steps), Enter and Space, Escape and the sticker keys', () => {
		expect(key('ArrowLeft')).toEqual({ type: 'move', dx: -1, dy: 0, big: false });
		expect(key('ArrowDown', true)).toEqual({ type: 'move', dx: 0, dy: 1, big: true });
		expect(key('Enter')).toEqual({ type: 'press' });
		expect(key(' ')).toEqual({ type: 'press' });
		expect(key('Escape')).toEqual({ type: 'cancel' });
		expect(key('+')).toEqual({ type: 'scale', bigger: true });
		expect(key('-')).toEqual({ type: 'scale', bigger: false });
		expect(key('>')).toEqual({ type: 'rotate', clockwise: true });
		expect(key(',')).toEqual({ type: 'rotate', clockwise: false });
	});

	it('leaves letters and shortcuts with modifiers to the page', () => {
		expect(
			keyCommand({ key: 'b', shiftKey: false, ctrlKey: false, metaKey: false, altKey: false })
		).toBeNull();
		expect(
			keyCommand({ key: 'Enter', shiftKey: false, ctrlKey: true, metaKey: false, altKey: false })
		).toBeNull();
	});
});

describe('KeyboardDrawing', () => {
	it('starts in the middle, moves by small and big steps and stays on the paper', () => {
		const { keys, press } = setup();
		expect(keys.cursor).toEqual({ x: 800, y: 600 });
		press(key('ArrowRight'), key('ArrowUp', true));
		expect(keys.cursor).toEqual({ x: 825, y: 400 });
		const results = press(...Array.from({ length: 12 }, () => key('ArrowLeft', true)));
		expect(keys.cursor.x).toBe(0);
		expect(results.at(-1)?.notice).toEqual({ type: 'cursor', x: 0, y: 400 });
		press(...Array.from({ length: 12 }, () => key('ArrowDown', true)));
		expect(keys.cursor.y).toBe(1199);
	});

	it('places, moves, scales, turns and sticks a sticker as one undo step', () => {
		const { editor, press, use } = setup();
		use('stamp');
		press(key('Enter'));
		const placed = editor.getSnapshot().pending as StampOp;
		expect(placed).toMatchObject({ type: 'stamp', x: 800, y: 600, scale: 1 });
		const [moved, , bigger, turned] = press(
			key('ArrowLeft', true),
			key('ArrowUp', true),
			key('+'),
			key('.')
		);
		expect(moved?.notice).toMatchObject({ type: 'sticker', change: 'moved' });
		expect(bigger?.notice).toMatchObject({ type: 'sticker', change: 'scaled' });
		expect(turned?.notice).toMatchObject({ type: 'sticker', change: 'rotated' });
		expect(editor.getDocument().ops).toHaveLength(0);
		press(key('Enter'));
		expect(editor.getDocument().ops).toEqual([
			expect.objectContaining({ type: 'stamp', x: 600, y: 400, scale: 1.2, rotation: 15 })
		]);
		expect(editor.getSnapshot().pending).toBeNull();
		editor.undo();
		expect(editor.getDocument().ops).toHaveLength(0);
	});

	it('draws a rectangle from one press to the next, as one undo step', () => {
		const { editor, press, use } = setup();
		use('rect');
		press(key('ArrowLeft', true), key('ArrowUp', true));
		const [start] = press(key('Enter'));
		expect(start?.notice).toEqual({ type: 'started', tool: 'rect', x: 600, y: 400 });
		press(key('ArrowRight', true), key('ArrowRight', true), key('ArrowDown', true));
		expect(editor.getDocument().ops).toHaveLength(0);
		press(key(' '));
		expect(editor.getDocument().ops).toEqual([
			expect.objectContaining({ type: 'shape', shape: 'rect', x1: 600, y1: 400, x2: 1000, y2: 600 })
		]);
		editor.undo();
		expect(editor.getDocument().ops).toHaveLength(0);
	});

	it('draws a straight brush stroke through the cursor and drops it on Escape', () => {
		const { editor, keys, press, use } = setup();
		use('brush');
		press(key('Enter'), key('ArrowRight', true), key('Enter'));
		expect(editor.getDocument().ops).toEqual([expect.objectContaining({ type: 'stroke' })]);
		press(key('Enter'), key('ArrowDown', true));
		expect(keys.isDragging).toBe(true);
		const [cancelled] = press(key('Escape'));
		expect(cancelled?.notice).toEqual({ type: 'cancelled' });
		expect(keys.isDragging).toBe(false);
		expect(editor.getDocument().ops).toHaveLength(1);
	});

	it('fills under the cursor and starts a label there', () => {
		const { editor, press, use } = setup();
		use('fill');
		press(key('ArrowDown'), key('Enter'));
		expect(editor.getDocument().ops).toEqual([
			expect.objectContaining({ type: 'fill', x: 800, y: 625 })
		]);
		use('text');
		const [writing] = press(key('Enter'));
		expect(writing?.notice).toEqual({ type: 'writing', x: 800, y: 625 });
		expect(editor.getSnapshot().pending).toMatchObject({ type: 'text', x: 800, y: 625 });
		editor.setText('绿色家园');
		editor.finishTool();
		expect(editor.getDocument().ops.at(-1)).toMatchObject({ type: 'text', text: '绿色家园' });
	});

	it('stops following the cursor once the child switches tool mid-line', () => {
		const { editor, keys, press, use } = setup();
		use('line');
		press(key('Enter'), key('ArrowRight', true));
		use('ellipse');
		press(key('ArrowDown'));
		expect(keys.isDragging).toBe(false);
		// Changing tool finishes the line where it was (as with the mouse); it follows no further.
		expect(editor.getDocument().ops).toEqual([
			expect.objectContaining({ shape: 'line', x1: 800, x2: 1000, y2: 600 })
		]);
	});
});
