import { describe, expect, it } from 'vitest';
import { appendedOps, applyCommand, applyCommands } from './commands.ts';
import { createDocument, type DrawDocument, type Op, type StampOp } from './document.ts';

const dot = (id: string): Op => ({
	type: 'stroke',
	id,
	tool: 'pencil',
	color: '#000000',
	size: 4,
	opacity: 1,
	points: [1, 1, 0.5, 0]
});

const stamp: StampOp = {
	type: 'stamp',
	id: 'st',
	stampId: 'sun',
	x: 10,
	y: 20,
	scale: 1,
	rotation: 0,
	flipX: false
};

function docWith(...ops: Op[]): DrawDocument {
	return { ...createDocument(), ops };
}

describe('applyCommand', () => {
	it('adds an op without mutating the document and shares the untouched ops', () => {
		const doc = docWith(dot('a'));
		const before = doc.ops;
		const { doc: next, inverse } = applyCommand(doc, { type: 'addOp', op: dot('b') });
		expect(doc.ops).toBe(before);
		expect(doc.ops).toHaveLength(1);
		expect(next.ops.map((op) => op.id)).toEqual(['a', 'b']);
		expect(next.ops[0]).toBe(doc.ops[0]);
		expect(inverse).toEqual({ type: 'removeOps', ids: ['b'] });
	});

	it('ignores an op whose id is already present', () => {
		const doc = docWith(dot('a'));
		expect(applyCommand(doc, { type: 'addOp', op: dot('a') })).toEqual({ doc, inverse: null });
	});

	it('removes ops and its inverse puts them back at the same places', () => {
		const doc = docWith(dot('a'), dot('b'), dot('c'), dot('d'));
		const removed = applyCommand(doc, { type: 'removeOps', ids: ['b', 'd'] });
		expect(removed.doc.ops.map((op) => op.id)).toEqual(['a', 'c']);
		const restored = applyCommand(removed.doc, removed.inverse!);
		expect(restored.doc.ops).toEqual(doc.ops);
		expect(restored.doc.ops[1]).toBe(doc.ops[1]);
	});

	it('clear empties the ops and its inverse restores the very same array', () => {
		const doc = docWith(dot('a'), dot('b'));
		const cleared = applyCommand(doc, { type: 'clear' });
		expect(cleared.doc.ops).toEqual([]);
		expect(applyCommand(cleared.doc, cleared.inverse!).doc.ops).toBe(doc.ops);
		expect(applyCommand(cleared.doc, { type: 'clear' }).inverse).toBeNull();
	});

	it('sets the background and remembers the old one', () => {
		const doc = createDocument();
		const { doc: next, inverse } = applyCommand(doc, { type: 'setBackground', color: '#fff3e0' });
		expect(next.background).toBe('#fff3e0');
		expect(next.ops).toBe(doc.ops);
		expect(inverse).toEqual({ type: 'setBackground', color: '#ffffff' });
	});

	it('transforms a stamp and inverts exactly the changed fields', () => {
		const doc = docWith(dot('a'), stamp);
		const change = {
			type: 'transformStamp' as const,
			id: 'st',
			transform: { rotation: 45, x: 99 }
		};
		const { doc: next, inverse } = applyCommand(doc, change);
		expect(next.ops[1]).toEqual({ ...stamp, rotation: 45, x: 99 });
		expect(next.ops[0]).toBe(doc.ops[0]);
		expect(inverse).toEqual({
			type: 'transformStamp',
			id: 'st',
			transform: { rotation: 0, x: 10 }
		});
		expect(applyCommand(next, inverse!).doc.ops[1]).toEqual(stamp);
	});

	it('does not transform ops that are not stamps', () => {
		const doc = docWith(dot('a'));
		const result = applyCommand(doc, { type: 'transformStamp', id: 'a', transform: { x: 5 } });
		expect(result).toEqual({ doc, inverse: null });
	});

	it('applies a list of commands and returns inverses in undo order', () => {
		const doc = createDocument();
		const { doc: next, inverses } = applyCommands(doc, [
			{ type: 'addOp', op: dot('a') },
			{ type: 'setBackground', color: '#000000' }
		]);
		expect(next.ops).toHaveLength(1);
		expect(inverses.map((c) => c.type)).toEqual(['setBackground', 'removeOps']);
		expect(applyCommands(next, inverses).doc).toEqual(doc);
	});
});

describe('appendedOps', () => {
	it('returns the appended ops when a change only added ops at the end', () => {
		const before = docWith(dot('a'));
		const commands = [{ type: 'addOp' as const, op: dot('b') }];
		const after = applyCommands(before, commands).doc;
		expect(appendedOps(before, after, commands)).toEqual([dot('b')]);
	});

	it('returns null for removals, background changes and undo of an add', () => {
		const before = docWith(dot('a'), dot('b'));
		const remove = [{ type: 'removeOps' as const, ids: ['a'] }];
		expect(appendedOps(before, applyCommands(before, remove).doc, remove)).toBeNull();
		const paper = [{ type: 'setBackground' as const, color: '#000000' }];
		expect(appendedOps(before, applyCommands(before, paper).doc, paper)).toBeNull();
		expect(appendedOps(before, docWith(dot('a')), [])).toBeNull();
	});
});
