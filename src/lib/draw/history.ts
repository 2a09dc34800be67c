import { applyCommand, applyCommands, type Command } from './commands.ts';
import type { DrawDocument } from './document.ts';

/** One undo step: what was done and how to take it back (inverses already in undo order). */
export interface Step {
	forward: readonly Command[];
	inverse: readonly Command[];
}

/** What an undo or redo just applied, so the caller can update the renderer cheaply. */
export interface Transition {
	doc: DrawDocument;
	applied: readonly Command[];
}

export const DEFAULT_HISTORY_LIMIT = 100;

/**
 * Undo history of commands with their inverses rather than document snapshots, so a long
 * session costs memory per change, not per op. A gesture (`begin` … `commit`) becomes one step
 * however many commands it issues; a command applied outside a gesture is a step on its own.
 */
export class History {
	#doc: DrawDocument;
	#undo: Step[] = [];
	#redo: Step[] = [];
	#limit: number;
	#open: { start: DrawDocument; forward: Command[]; inverse: Command[] } | null = null;

	constructor(doc: DrawDocument, limit: number = DEFAULT_HISTORY_LIMIT) {
		this.#doc = doc;
		this.#limit = Math.max(1, Math.floor(limit));
	}

	get document(): DrawDocument {
		return this.#doc;
	}

	get canUndo(): boolean {
		return this.#undo.length > 0 && !this.#open;
	}

	get canRedo(): boolean {
		return this.#redo.length > 0 && !this.#open;
	}

	get undoDepth(): number {
		return this.#undo.length;
	}

	get isGestureOpen(): boolean {
		return this.#open !== null;
	}

	begin(): void {
		// A gesture left open (e.g. a lost pointerup) is closed rather than silently merged.
		if (this.#open) this.commit();
		this.#open = { start: this.#doc, forward: [], inverse: [] };
	}

	apply(command: Command): DrawDocument {
		const { doc, inverse } = applyCommand(this.#doc, command);
		if (!inverse) return this.#doc;
		this.#doc = doc;
		if (this.#open) {
			this.#open.forward.push(command);
			this.#open.inverse.unshift(inverse);
		} else {
			this.#push({ forward: [command], inverse: [inverse] });
		}
		return doc;
	}

	commit(): void {
		const open = this.#open;
		this.#open = null;
		if (open && open.forward.length > 0)
			this.#push({ forward: open.forward, inverse: open.inverse });
	}

	/** Drops the open gesture and restores the document it started from. */
	cancel(): DrawDocument {
		if (this.#open) this.#doc = this.#open.start;
		this.#open = null;
		return this.#doc;
	}

	undo(): Transition | null {
		if (!this.canUndo) return null;
		const step = this.#undo.pop() as Step;
		this.#redo.push(step);
		this.#doc = applyCommands(this.#doc, step.inverse).doc;
		return { doc: this.#doc, applied: step.inverse };
	}

	redo(): Transition | null {
		if (!this.canRedo) return null;
		const step = this.#redo.pop() as Step;
		this.#undo.push(step);
		this.#doc = applyCommands(this.#doc, step.forward).doc;
		return { doc: this.#doc, applied: step.forward };
	}

	/** Starts over from `doc` (e.g. after loading a draft); nothing to undo into. */
	reset(doc: DrawDocument): void {
		this.#doc = doc;
		this.#undo = [];
		this.#redo = [];
		this.#open = null;
	}

	#push(step: Step): void {
		this.#undo.push(step);
		if (this.#undo.length > this.#limit) this.#undo.shift();
		this.#redo = [];
	}
}
