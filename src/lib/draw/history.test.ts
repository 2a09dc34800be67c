import { describe, expect, it } from 'vitest';
import { createDocument, type Op } from './document.ts';
import { DEFAULT_HISTORY_LIMIT, History } from './history.ts';

const dot = (id: string): Op => ({
	type: 'stroke',
	id,
	tool: 'pencil',
	color: '#000000',
	size: 4,
	opacity: 1,
	points: [1, 1, 0.5, 0]
});

const ids = (history: History) => history.document.ops.map((op) => op.id);

describe('History', () => {
	it('undoes and redoes at least 50 steps in order', () => {
		const history = new History(createDocument());
		for (let i = 0; i < 60; i++) history.apply({ type: 'addOp', op: dot(`s${i}`) });
		for (let i = 59; i >= 0; i--) {
			expect(history.undo()).not.toBeNull();
			expect(history.document.ops).toHaveLength(i);
		}
		expect(history.canUndo).toBe(false);
		for (let i = 0; i < 60; i++) history.redo();
		expect(ids(history)).toEqual(Array.from({ length: 60 }, (_, i) => `s${i}`));
		expect(history.canRedo).toBe(false);
	});

	it('keeps 100 steps by default and drops the oldest beyond the limit', () => {
		expect(DEFAULT_HISTORY_LIMIT).toBe(100);
		const history = new History(createDocument(), 5);
		for (let i = 0; i < 8; i++) history.apply({ type: 'addOp', op: dot(`s${i}`) });
		expect(history.undoDepth).toBe(5);
		while (history.undo());
		expect(ids(history)).toEqual(['s0', 's1', 's2']);
	});

	it('makes one gesture with several commands a single step', () => {
		const history = new History(createDocument());
		history.begin();
		history.apply({ type: 'addOp', op: dot('a') });
		history.apply({ type: 'addOp', op: dot('b') });
		history.apply({ type: 'setBackground', color: '#ffeeee' });
		history.commit();
		expect(history.undoDepth).toBe(1);
		const transition = history.undo();
		expect(transition?.applied.map((c) => c.type)).toEqual([
			'setBackground',
			'removeOps',
			'removeOps'
		]);
		expect(history.document).toEqual(createDocument());
		history.redo();
		expect(ids(history)).toEqual(['a', 'b']);
		expect(history.document.background).toBe('#ffeeee');
	});

	it('clears the redo stack when a new change is made after an undo', () => {
		const history = new History(createDocument());
		history.apply({ type: 'addOp', op: dot('a') });
		history.apply({ type: 'addOp', op: dot('b') });
		history.undo();
		expect(history.canRedo).toBe(true);
		history.apply({ type: 'addOp', op: dot('c') });
		expect(history.canRedo).toBe(false);
		expect(history.redo()).toBeNull();
		expect(ids(history)).toEqual(['a', 'c']);
	});

	it('records nothing for an empty gesture or a command that changes nothing', () => {
		const history = new History(createDocument());
		history.begin();
		history.commit();
		history.apply({ type: 'removeOps', ids: ['missing'] });
		expect(history.canUndo).toBe(false);
	});

	it('cancels an open gesture back to where it started', () => {
		const history = new History(createDocument());
		history.apply({ type: 'addOp', op: dot('a') });
		history.begin();
		history.apply({ type: 'addOp', op: dot('b') });
		expect(history.canUndo).toBe(false);
		history.cancel();
		expect(ids(history)).toEqual(['a']);
		expect(history.undoDepth).toBe(1);
	});

	it('undoes a clear back to the full drawing', () => {
		const history = new History(createDocument());
		history.apply({ type: 'addOp', op: dot('a') });
		history.apply({ type: 'addOp', op: dot('b') });
		history.apply({ type: 'clear' });
		expect(ids(history)).toEqual([]);
		history.undo();
		expect(ids(history)).toEqual(['a', 'b']);
	});

	it('reset forgets all steps', () => {
		const history = new History(createDocument());
		history.apply({ type: 'addOp', op: dot('a') });
		history.reset(createDocument('portrait'));
		expect(history.canUndo).toBe(false);
		expect(history.document.width).toBe(1200);
	});
});
