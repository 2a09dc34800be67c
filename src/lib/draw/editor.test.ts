import { describe, expect, it } from 'vitest';
import { createDocument, type DrawDocument } from './document.ts';
import { Editor, type EditorSnapshot } from './editor.ts';
import { LIMITS } from './parse-document.ts';
import { FakeRenderer } from './testing/fake-renderer.ts';
import { pointer } from './testing/tool-harness.ts';

function setup(document?: DrawDocument) {
	const renderer = new FakeRenderer();
	let n = 0;
	const editor = new Editor({ renderer, document, newId: () => `op${++n}` });
	renderer.reset();
	return { editor, renderer };
}

function drawStroke(editor: Editor, x = 10) {
	editor.pointer(pointer('down', x, 10));
	editor.pointerBatch([pointer('move', x + 5, 12), pointer('move', x + 10, 14)]);
	editor.pointer(pointer('up', x + 15, 16));
}

describe('Editor', () => {
	it('tells listeners about the stroke starting and ending, not about every move of it', () => {
		const { editor } = setup();
		const seen: EditorSnapshot[] = [];
		editor.subscribe((snapshot) => seen.push(snapshot));
		editor.pointer(pointer('down', 10, 10));
		const atDown = seen.length;
		expect(seen.at(-1)?.toolState).toBe('drawing');
		for (let i = 1; i <= 20; i++) editor.pointerBatch([pointer('move', 10 + i, 10 + i)]);
		expect(seen).toHaveLength(atDown);
		editor.pointer(pointer('up', 40, 40));
		expect(seen.length).toBeGreaterThan(atDown);
		expect(seen.at(-1)).toMatchObject({ toolState: 'idle', canUndo: true });
		expect(seen.at(-1)?.doc.ops).toHaveLength(1);
	});

	it('renders the initial document and draws a stroke as one undo step', () => {
		const renderer = new FakeRenderer();
		const editor = new Editor({ renderer });
		expect(renderer.methods()).toEqual(['renderDocument']);
		renderer.reset();
		drawStroke(editor);
		expect(renderer.methods()).toEqual([
			'beginLiveStroke',
			'updateLiveStroke',
			'endLiveStroke',
			'commitOp'
		]);
		expect(editor.getDocument().ops).toHaveLength(1);
		expect(editor.canUndo).toBe(true);
		editor.undo();
		expect(editor.getDocument().ops).toHaveLength(0);
		expect(renderer.methods().at(-1)).toBe('renderDocument');
		editor.redo();
		expect(editor.getDocument().ops).toHaveLength(1);
		expect(renderer.methods().at(-1)).toBe('commitOp');
	});

	it('redraws the live stroke once per batch, not once per sample', () => {
		const { editor, renderer } = setup();
		editor.pointer(pointer('down', 0, 0));
		editor.pointerBatch(Array.from({ length: 8 }, (_, i) => pointer('move', i * 3, 0)));
		const updates = renderer.calls.filter((c) => c.method === 'updateLiveStroke');
		expect(updates).toHaveLength(1);
		expect(updates[0]?.method === 'updateLiveStroke' && updates[0].op.points.length / 4).toBe(8);
	});

	it('notifies subscribers once per batch and stops after unsubscribe', () => {
		const { editor } = setup();
		const seen: EditorSnapshot[] = [];
		const stop = editor.subscribe((s) => seen.push(s));
		expect(seen).toHaveLength(1);
		editor.pointerBatch([pointer('down', 0, 0), pointer('move', 5, 5), pointer('up', 9, 9)]);
		expect(seen).toHaveLength(2);
		expect(seen[1]).toMatchObject({ canUndo: true, revision: 1, toolState: 'idle' });
		stop();
		editor.undo();
		expect(seen).toHaveLength(2);
	});

	it('undoes 50 strokes one by one', () => {
		const { editor } = setup();
		for (let i = 0; i < 50; i++) drawStroke(editor, i);
		for (let i = 0; i < 50; i++) editor.undo();
		expect(editor.getDocument().ops).toHaveLength(0);
		expect(editor.canUndo).toBe(false);
		for (let i = 0; i < 50; i++) editor.redo();
		expect(editor.getDocument().ops).toHaveLength(50);
	});

	it('applies style changes to the next stroke', () => {
		const { editor } = setup();
		editor.setTool('marker');
		editor.setColor('#ff0000');
		editor.setSize(1000);
		editor.setOpacity(0.4);
		drawStroke(editor);
		expect(editor.getDocument().ops[0]).toMatchObject({
			tool: 'marker',
			color: '#ff0000',
			size: 400,
			opacity: 0.4
		});
	});

	it('places, rotates and sticks a stamp, and undo first discards a pending one', () => {
		const { editor, renderer } = setup();
		editor.setTool('stamp');
		editor.setStyle({ stampId: 'bicycle' });
		editor.pointerBatch([pointer('down', 300, 300), pointer('up', 300, 300)]);
		editor.transformStamp({ rotation: 90, flipX: true });
		expect(renderer.calls.at(-1)).toMatchObject({ method: 'showPreview', op: { rotation: 90 } });
		expect(editor.getDocument().ops).toHaveLength(0);
		editor.undo();
		expect(renderer.calls.at(-1)).toEqual({ method: 'showPreview', op: null });
		editor.pointerBatch([pointer('down', 300, 300), pointer('up', 300, 300)]);
		editor.transformStamp({ scale: 2 });
		editor.setTool('brush');
		expect(editor.getDocument().ops).toMatchObject([
			{ type: 'stamp', stampId: 'bicycle', scale: 2 }
		]);
	});

	it('commits text labels through setText and finishTool', () => {
		const { editor } = setup();
		editor.setTool('text');
		editor.pointer(pointer('down', 50, 60));
		expect(editor.getSnapshot().pending).toMatchObject({ type: 'text', x: 50, y: 60 });
		editor.setText('地球');
		editor.finishTool();
		expect(editor.getDocument().ops).toMatchObject([{ type: 'text', text: '地球', x: 50 }]);
		expect(editor.getSnapshot().pending).toBeNull();
	});

	it('picks a colour with the eyedropper and returns to the previous tool', () => {
		const { editor, renderer } = setup();
		renderer.color = '#c0ffee';
		editor.setTool('pencil');
		editor.setTool('eyedropper');
		editor.pointerBatch([pointer('down', 5, 5), pointer('up', 5, 5)]);
		expect(editor.getSnapshot()).toMatchObject({ color: '#c0ffee', tool: 'pencil' });
	});

	it('fills with the bucket as one step', () => {
		const { editor } = setup();
		editor.setTool('fill');
		editor.pointerBatch([pointer('down', 5, 5), pointer('up', 5, 5)]);
		expect(editor.getDocument().ops).toMatchObject([{ type: 'fill', x: 5, y: 5, tolerance: 32 }]);
	});

	it('clears as one undoable step and re-renders', () => {
		const { editor, renderer } = setup();
		drawStroke(editor);
		drawStroke(editor, 50);
		renderer.reset();
		editor.clear();
		expect(editor.getDocument().ops).toHaveLength(0);
		expect(renderer.methods()).toEqual(['renderDocument']);
		editor.undo();
		expect(editor.getDocument().ops).toHaveLength(2);
	});

	it('changes the paper colour undoably', () => {
		const { editor } = setup();
		editor.setBackground('#fff8e1');
		expect(editor.getDocument().background).toBe('#fff8e1');
		editor.undo();
		expect(editor.getDocument().background).toBe('#ffffff');
	});

	it('refuses to grow the drawing past the op limit and says so', () => {
		const base = createDocument();
		const ops = Array.from({ length: LIMITS.maxOps }, (_, i) => ({
			type: 'fill' as const,
			id: `f${i}`,
			x: 1,
			y: 1,
			color: '#000000',
			tolerance: 0
		}));
		const { editor } = setup({ ...base, ops });
		drawStroke(editor);
		expect(editor.getDocument().ops).toHaveLength(LIMITS.maxOps);
		expect(editor.getSnapshot().isFull).toBe(true);
	});

	it('loads a document, forgetting history', () => {
		const { editor, renderer } = setup();
		drawStroke(editor);
		const loaded = createDocument('portrait', '#e8f5e9');
		editor.loadDocument(loaded);
		expect(editor.getDocument()).toBe(loaded);
		expect(editor.canUndo).toBe(false);
		expect(renderer.calls.at(-1)).toEqual({ method: 'renderDocument', doc: loaded });
	});
});
