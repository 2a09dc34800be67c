import type { DrawDocument, Op, StampOp } from './document.ts';

export type StampTransform = Partial<Pick<StampOp, 'x' | 'y' | 'scale' | 'rotation' | 'flipX'>>;

/**
 * Every change to a document is one of these. The first five are what tools and the UI issue;
 * `insertOps` and `setOps` exist so that every command has an exact inverse for undo.
 */
export type Command =
	| { type: 'addOp'; op: Op }
	| { type: 'removeOps'; ids: readonly string[] }
	| { type: 'clear' }
	| { type: 'setBackground'; color: string }
	| { type: 'transformStamp'; id: string; transform: StampTransform }
	/** Puts ops back at their former indices (ascending), undoing `removeOps`. */
	| { type: 'insertOps'; entries: readonly { index: number; op: Op }[] }
	/** Replaces the whole op list, undoing `clear`; shares the old array, so it costs nothing. */
	| { type: 'setOps'; ops: readonly Op[] };

export interface Applied {
	doc: DrawDocument;
	/** `null` when the command changed nothing (and so needs no undo step). */
	inverse: Command | null;
}

function withOps(doc: DrawDocument, ops: readonly Op[]): DrawDocument {
	return { ...doc, ops };
}

/**
 * Applies a command without mutating `doc`: the result has a new ops array, but every op that
 * did not change is the same object, which is what lets the renderer and the bitmap
 * checkpoints recognise an unchanged prefix by identity.
 */
export function applyCommand(doc: DrawDocument, command: Command): Applied {
	switch (command.type) {
		case 'addOp': {
			if (doc.ops.some((op) => op.id === command.op.id)) return { doc, inverse: null };
			return {
				doc: withOps(doc, [...doc.ops, command.op]),
				inverse: { type: 'removeOps', ids: [command.op.id] }
			};
		}
		case 'removeOps': {
			const ids = new Set(command.ids);
			const entries: { index: number; op: Op }[] = [];
			const kept: Op[] = [];
			doc.ops.forEach((op, index) => {
				if (ids.has(op.id)) entries.push({ index, op });
				else kept.push(op);
			});
			if (entries.length === 0) return { doc, inverse: null };
			return { doc: withOps(doc, kept), inverse: { type: 'insertOps', entries } };
		}
		case 'insertOps': {
			if (command.entries.length === 0) return { doc, inverse: null };
			const ops = [...doc.ops];
			for (const { index, op } of command.entries) {
				ops.splice(Math.min(index, ops.length), 0, op);
			}
			return {
				doc: withOps(doc, ops),
				inverse: { type: 'removeOps', ids: command.entries.map((e) => e.op.id) }
			};
		}
		case 'clear':
			if (doc.ops.length === 0) return { doc, inverse: null };
			return { doc: withOps(doc, []), inverse: { type: 'setOps', ops: doc.ops } };
		case 'setOps':
			if (command.ops === doc.ops) return { doc, inverse: null };
			return { doc: withOps(doc, command.ops), inverse: { type: 'setOps', ops: doc.ops } };
		case 'setBackground':
			if (command.color === doc.background) return { doc, inverse: null };
			return {
				doc: { ...doc, background: command.color },
				inverse: { type: 'setBackground', color: doc.background }
			};
		case 'transformStamp': {
			const index = doc.ops.findIndex((op) => op.id === command.id);
			const target = doc.ops[index];
			if (!target || target.type !== 'stamp') return { doc, inverse: null };
			const before: StampTransform = {};
			for (const key of Object.keys(command.transform) as (keyof StampTransform)[]) {
				Object.assign(before, { [key]: target[key] });
			}
			const ops = [...doc.ops];
			ops[index] = { ...target, ...command.transform };
			return {
				doc: withOps(doc, ops),
				inverse: { type: 'transformStamp', id: command.id, transform: before }
			};
		}
	}
}

/** Applies several commands in order; the inverse list is already reversed for undo. */
export function applyCommands(
	doc: DrawDocument,
	commands: readonly Command[]
): { doc: DrawDocument; inverses: Command[] } {
	let current = doc;
	const inverses: Command[] = [];
	for (const command of commands) {
		const applied = applyCommand(current, command);
		current = applied.doc;
		if (applied.inverse) inverses.unshift(applied.inverse);
	}
	return { doc: current, inverses };
}

/**
 * The ops `applied` appended to the end of `before`, or null when the change was anything
 * else; the renderer paints appends straight onto its bitmap and re-syncs for the rest.
 */
export function appendedOps(
	before: DrawDocument,
	after: DrawDocument,
	applied: readonly Command[]
): Op[] | null {
	const appended = after.ops.slice(before.ops.length);
	const isAppendOnly =
		applied.length > 0 &&
		applied.every((c) => c.type === 'addOp') &&
		after.background === before.background &&
		appended.length === applied.length &&
		before.ops.every((op, i) => after.ops[i] === op);
	return isAppendOnly ? appended : null;
}
