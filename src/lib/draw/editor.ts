import { appendedOps, type Command, type StampTransform } from './commands.ts';
import { createDocument, type DrawDocument, type StampOp, type TextOp } from './document.ts';
import { History, DEFAULT_HISTORY_LIMIT } from './history.ts';
import { createId } from './ids.ts';
import { fitsLimits } from './limits.ts';
import type { Renderer } from './renderer.ts';
import { createTool, type ToolName } from './tools/index.ts';
import { StampTool } from './tools/stamp.ts';
import { TextTool } from './tools/text.ts';
import {
	DEFAULT_TOOL_STYLE,
	type PointerInput,
	type Tool,
	type ToolContext,
	type ToolEffect,
	type ToolStyle
} from './tools/types.ts';

/** Everything a UI needs to draw its toolbar and indicators; a new object on every change. */
export interface EditorSnapshot extends ToolStyle {
	doc: DrawDocument;
	tool: ToolName;
	toolState: string;
	canUndo: boolean;
	canRedo: boolean;
	/** Increments on every document change; a cheap "dirty since save" marker. */
	revision: number;
	/** Set when the last change was refused because the drawing reached its size limit. */
	isFull: boolean;
	/**
	 * The stamp or label being placed: the UI shows handles or a text field (with IME for
	 * Chinese) over it and feeds changes back through `transformStamp` / `setText`.
	 */
	pending: StampOp | TextOp | null;
}

export type EditorListener = (snapshot: EditorSnapshot) => void;

export interface EditorOptions {
	document?: DrawDocument;
	renderer?: Renderer;
	historyLimit?: number;
	newId?: () => string;
	style?: Partial<ToolStyle>;
}

/**
 * Ties document, history, the current tool and a renderer together. UI code talks only to
 * this class; the Svelte bridge subscribes and mirrors snapshots into `$state`.
 */
export class Editor {
	#history: History;
	#renderer: Renderer | null;
	#newId: () => string;
	#style: ToolStyle;
	#toolName: ToolName = 'brush';
	#previousTool: ToolName = 'brush';
	#tool: Tool = createTool('brush');
	#listeners = new Set<EditorListener>();
	#revision = 0;
	#isFull = false;
	#batching = false;
	#dirty = false;
	#pendingLive: ToolEffect | null = null;
	/** What listeners last saw; a move that changes none of it notifies nobody. */
	#lastSnapshot: EditorSnapshot | null = null;

	constructor(options: EditorOptions = {}) {
		const doc = options.document ?? createDocument();
		this.#history = new History(doc, options.historyLimit ?? DEFAULT_HISTORY_LIMIT);
		this.#renderer = options.renderer ?? null;
		this.#newId = options.newId ?? (() => createId());
		this.#style = { ...DEFAULT_TOOL_STYLE, ...options.style };
		this.#renderer?.renderDocument(doc);
	}

	getDocument(): DrawDocument {
		return this.#history.document;
	}

	get tool(): ToolName {
		return this.#toolName;
	}

	get canUndo(): boolean {
		return this.#hasPending() || this.#history.canUndo;
	}

	get canRedo(): boolean {
		return this.#history.canRedo;
	}

	getSnapshot(): EditorSnapshot {
		return {
			...this.#style,
			doc: this.getDocument(),
			tool: this.#toolName,
			toolState: this.#tool.state,
			canUndo: this.canUndo,
			canRedo: this.canRedo,
			revision: this.#revision,
			isFull: this.#isFull,
			pending:
				this.#tool instanceof StampTool || this.#tool instanceof TextTool
					? this.#tool.pending
					: null
		};
	}

	/** Calls `listener` now and after every change; returns the unsubscribe function. */
	subscribe(listener: EditorListener): () => void {
		this.#listeners.add(listener);
		this.#lastSnapshot = this.getSnapshot();
		listener(this.#lastSnapshot);
		return () => this.#listeners.delete(listener);
	}

	setTool(name: ToolName): void {
		if (name === this.#toolName) return;
		this.#run(this.#tool.finish(this.#context()));
		this.#previousTool = this.#toolName;
		this.#toolName = name;
		this.#tool = createTool(name);
		this.#changed();
	}

	setColor(color: string): void {
		this.#setStyle({ color });
	}

	setSize(size: number): void {
		this.#setStyle({ size: Math.min(400, Math.max(0.5, size)) });
	}

	setOpacity(opacity: number): void {
		this.#setStyle({ opacity: Math.min(1, Math.max(0, opacity)) });
	}

	setStyle(style: Partial<ToolStyle>): void {
		this.#setStyle(style);
	}

	pointer(input: PointerInput): void {
		this.pointerBatch([input]);
	}

	/**
	 * One animation frame's worth of input (a pointer event and its coalesced events). The live
	 * stroke is redrawn and listeners notified once per batch, not once per sample.
	 */
	pointerBatch(inputs: readonly PointerInput[]): void {
		this.#batching = true;
		try {
			for (const input of inputs) this.#run(this.#tool.pointer(input, this.#context()));
		} finally {
			this.#batching = false;
			this.#flush();
		}
	}

	/** Move, scale, rotate or flip the stamp being placed. */
	transformStamp(change: StampTransform): void {
		if (this.#tool instanceof StampTool) this.#run(this.#tool.transform(change));
	}

	/** The text field's content for the label being placed. */
	setText(text: string): void {
		if (this.#tool instanceof TextTool) this.#run(this.#tool.setText(text));
	}

	/** Sticks a placed stamp, commits a label. */
	finishTool(): void {
		this.#run(this.#tool.finish(this.#context()));
	}

	cancelTool(): void {
		this.#run(this.#tool.cancel());
	}

	/** Undo first discards whatever is being placed, then steps back through history. */
	undo(): void {
		if (this.#hasPending()) return this.cancelTool();
		const before = this.getDocument();
		if (this.#history.undo()) this.#documentChanged(before, []);
	}

	redo(): void {
		const before = this.getDocument();
		const transition = this.#history.redo();
		if (transition) this.#documentChanged(before, transition.applied);
	}

	clear(): void {
		this.#run(this.#tool.cancel());
		this.#commit([{ type: 'clear' }]);
	}

	setBackground(color: string): void {
		this.#commit([{ type: 'setBackground', color }]);
	}

	/** Replaces the document (a loaded draft) and forgets history. */
	loadDocument(doc: DrawDocument): void {
		this.#run(this.#tool.cancel());
		this.#history.reset(doc);
		this.#renderer?.renderDocument(doc);
		this.#revision++;
		this.#changed();
	}

	destroy(): void {
		this.#listeners.clear();
		this.#renderer?.destroy();
		this.#renderer = null;
	}

	#hasPending(): boolean {
		return this.#tool.state !== 'idle';
	}

	#context(): ToolContext {
		const doc = this.getDocument();
		return {
			style: this.#style,
			board: { width: doc.width, height: doc.height },
			newId: this.#newId,
			sampleColor: (x, y) => this.#renderer?.sampleColor(x, y) ?? null
		};
	}

	#setStyle(style: Partial<ToolStyle>): void {
		this.#style = { ...this.#style, ...style };
		this.#changed();
	}

	#run(effects: readonly ToolEffect[]): void {
		const renderer = this.#renderer;
		for (const effect of effects) {
			switch (effect.type) {
				case 'liveBegin':
					this.#pendingLive = null;
					renderer?.beginLiveStroke(effect.op);
					break;
				case 'liveUpdate':
					if (this.#batching) this.#pendingLive = effect;
					else renderer?.updateLiveStroke(effect.op);
					break;
				case 'liveEnd':
					this.#pendingLive = null;
					renderer?.endLiveStroke();
					break;
				case 'preview':
					renderer?.showPreview(effect.op);
					break;
				case 'commit':
					this.#commit(effect.commands);
					break;
				case 'pickColor':
					this.#style = { ...this.#style, color: effect.color };
					if (effect.final) this.setTool(this.#previousTool);
					break;
			}
		}
		this.#changed();
	}

	#commit(commands: readonly Command[]): void {
		const before = this.getDocument();
		if (!fitsLimits(before, commands)) {
			this.#isFull = true;
			return this.#changed();
		}
		this.#isFull = false;
		this.#history.begin();
		for (const command of commands) this.#history.apply(command);
		this.#history.commit();
		this.#documentChanged(before, commands);
	}

	/** Appends go straight onto the bitmap; anything else lets the renderer re-sync. */
	#documentChanged(before: DrawDocument, applied: readonly Command[]): void {
		const after = this.getDocument();
		if (after === before) return;
		this.#revision++;
		const appended = appendedOps(before, after, applied);
		if (appended) for (const op of appended) this.#renderer?.commitOp(op);
		else this.#renderer?.renderDocument(after);
		this.#changed();
	}

	#changed(): void {
		this.#dirty = true;
		if (!this.#batching) this.#flush();
	}

	#flush(): void {
		if (this.#pendingLive?.type === 'liveUpdate') {
			this.#renderer?.updateLiveStroke(this.#pendingLive.op);
		}
		this.#pendingLive = null;
		if (!this.#dirty) return;
		this.#dirty = false;
		const snapshot = this.getSnapshot();
		// Every pointer move marks the editor dirty, but mid-stroke nothing a listener shows has
		// changed: skipping those keeps the page's reactive work out of the ink's frames.
		if (this.#lastSnapshot && sameSnapshot(this.#lastSnapshot, snapshot)) return;
		this.#lastSnapshot = snapshot;
		for (const listener of this.#listeners) listener(snapshot);
	}
}

function sameSnapshot(a: EditorSnapshot, b: EditorSnapshot): boolean {
	for (const key of Object.keys(b) as (keyof EditorSnapshot)[]) {
		if (a[key] !== b[key]) return false;
	}
	return true;
}
