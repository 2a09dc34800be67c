/**
 * Drawing without a mouse: a cursor on the paper moved with the arrow keys, and presses that
 * stand in for a click (stickers, text, fill) or for the two ends of a drag (lines, shapes,
 * strokes). It turns keys into the same pointer input the mouse produces, so every tool, its
 * undo step and its document op are exactly the mouse's. Pure: the page applies the actions.
 */
import type { StampTransform } from './commands.ts';
import type { StampOp, TextOp } from './document.ts';
import type { ToolName } from './tools/index.ts';
import type { PointerInput } from './tools/types.ts';

export type KeyCommand =
	| { type: 'move'; dx: -1 | 0 | 1; dy: -1 | 0 | 1; big: boolean }
	/** Enter or Space: what a click (or the start / end of a drag) does at the cursor. */
	| { type: 'press' }
	| { type: 'cancel' }
	| { type: 'scale'; bigger: boolean }
	| { type: 'rotate'; clockwise: boolean };

export interface KeyLike {
	key: string;
	shiftKey: boolean;
	ctrlKey: boolean;
	metaKey: boolean;
	altKey: boolean;
}

const ARROWS: Record<string, [-1 | 0 | 1, -1 | 0 | 1]> = {
	ArrowLeft: [-1, 0],
	ArrowRight: [1, 0],
	ArrowUp: [0, -1],
	ArrowDown: [0, 1]
};

/** The paper's own keys; null leaves the key to the page (tool letters, undo…). */
export function keyCommand(e: KeyLike): KeyCommand | null {
	if (e.ctrlKey || e.metaKey || e.altKey) return null;
	const arrow = ARROWS[e.key];
	if (arrow) return { type: 'move', dx: arrow[0], dy: arrow[1], big: e.shiftKey };
	switch (e.key) {
		case 'Enter':
		case ' ':
			return { type: 'press' };
		case 'Escape':
			return { type: 'cancel' };
		case '+':
		case '=':
			return { type: 'scale', bigger: true };
		case '-':
		case '_':
			return { type: 'scale', bigger: false };
		case '>':
		case '.':
			return { type: 'rotate', clockwise: true };
		case '<':
		case ',':
			return { type: 'rotate', clockwise: false };
	}
	return null;
}

/** What the page does with the editor for one key. */
export type KeyboardAction =
	| { type: 'pointer'; input: PointerInput }
	| { type: 'transformStamp'; change: StampTransform }
	| { type: 'finish' }
	| { type: 'cancel' };

/** What to tell the child afterwards; document changes are announced from the document. */
export type KeyboardNotice =
	| { type: 'cursor'; x: number; y: number }
	| { type: 'started'; tool: ToolName; x: number; y: number }
	| { type: 'sticker'; op: StampOp; change: 'moved' | 'scaled' | 'rotated' }
	| { type: 'writing'; x: number; y: number }
	| { type: 'cancelled' }
	| { type: 'none' };

export interface KeyboardResult {
	actions: KeyboardAction[];
	notice: KeyboardNotice;
}

export interface KeyboardContext {
	tool: ToolName;
	/** The sticker or label the tool is placing, from the editor's snapshot. */
	pending: StampOp | TextOp | null;
	board: { width: number; height: number };
}

/** Tools that act on one press, like a click; the others have two ends, like a drag. */
const CLICK_TOOLS = new Set<ToolName>(['fill', 'stamp', 'text', 'eyedropper']);

/** Arrow steps as a fraction of the paper's width: 64 small or 8 big steps across. */
const STEP = 1 / 64;
const BIG_STEP = 1 / 8;
const SCALE_STEP = 1.2;
const ROTATE_STEP = 15;

export class KeyboardDrawing {
	#x: number;
	#y: number;
	/** Where a drag began, while its second press is awaited. */
	#anchor: { x: number; y: number } | null = null;
	#anchorTool: ToolName | null = null;
	#t = 0;

	/** Starts in the middle of the paper. */
	constructor(board: { width: number; height: number }) {
		this.#x = Math.round(board.width / 2);
		this.#y = Math.round(board.height / 2);
	}

	get cursor(): { x: number; y: number } {
		return { x: this.#x, y: this.#y };
	}

	/** True between the first and second press of a line, shape or stroke. */
	get isDragging(): boolean {
		return this.#anchor !== null;
	}

	/** Where the drag in progress began. */
	get anchor(): { x: number; y: number } | null {
		return this.#anchor && { ...this.#anchor };
	}

	/** The child picked another tool or used the mouse: an unfinished keyboard drag is dropped. */
	reset(): KeyboardAction[] {
		if (!this.#anchor) return [];
		this.#anchor = null;
		this.#anchorTool = null;
		return [{ type: 'pointer', input: this.#input('cancel') }];
	}

	handle(command: KeyCommand, ctx: KeyboardContext): KeyboardResult {
		if (this.#anchor && this.#anchorTool !== ctx.tool) this.reset();
		const sticker = ctx.pending?.type === 'stamp' ? ctx.pending : null;
		switch (command.type) {
			case 'move':
				return sticker ? this.#moveSticker(command, sticker, ctx) : this.#move(command, ctx);
			case 'press':
				return this.#press(ctx, sticker);
			case 'cancel': {
				const actions = this.reset();
				if (ctx.pending) actions.push({ type: 'cancel' });
				return { actions, notice: actions.length > 0 ? { type: 'cancelled' } : { type: 'none' } };
			}
			case 'scale': {
				if (!sticker) return { actions: [], notice: { type: 'none' } };
				const scale = command.bigger ? sticker.scale * SCALE_STEP : sticker.scale / SCALE_STEP;
				return this.#transform(sticker, { scale }, 'scaled');
			}
			case 'rotate': {
				if (!sticker) return { actions: [], notice: { type: 'none' } };
				const turn = command.clockwise ? ROTATE_STEP : -ROTATE_STEP;
				const rotation = (((sticker.rotation + turn) % 360) + 360) % 360;
				return this.#transform(sticker, { rotation }, 'rotated');
			}
		}
	}

	#move(command: Extract<KeyCommand, { type: 'move' }>, ctx: KeyboardContext): KeyboardResult {
		const step = Math.max(1, Math.round(ctx.board.width * (command.big ? BIG_STEP : STEP)));
		this.#x = clamp(this.#x + command.dx * step, 0, ctx.board.width - 1);
		this.#y = clamp(this.#y + command.dy * step, 0, ctx.board.height - 1);
		const notice: KeyboardNotice = { type: 'cursor', x: this.#x, y: this.#y };
		if (!this.#anchor) return { actions: [], notice };
		return { actions: [{ type: 'pointer', input: this.#input('move') }], notice };
	}

	/** Arrows carry the sticker being placed; the cursor goes with it. */
	#moveSticker(
		command: Extract<KeyCommand, { type: 'move' }>,
		sticker: StampOp,
		ctx: KeyboardContext
	): KeyboardResult {
		this.#x = sticker.x;
		this.#y = sticker.y;
		this.#move(command, ctx);
		return this.#transform(sticker, { x: this.#x, y: this.#y }, 'moved');
	}

	#transform(
		sticker: StampOp,
		change: StampTransform,
		kind: 'moved' | 'scaled' | 'rotated'
	): KeyboardResult {
		return {
			actions: [{ type: 'transformStamp', change }],
			notice: { type: 'sticker', op: { ...sticker, ...change }, change: kind }
		};
	}

	#press(ctx: KeyboardContext, sticker: StampOp | null): KeyboardResult {
		// A sticker being placed sticks where it is, like pressing "Done".
		if (sticker) return { actions: [{ type: 'finish' }], notice: { type: 'none' } };
		if (!CLICK_TOOLS.has(ctx.tool)) {
			if (this.#anchor) {
				this.#anchor = null;
				this.#anchorTool = null;
				return {
					actions: [{ type: 'pointer', input: this.#input('up') }],
					notice: { type: 'none' }
				};
			}
			this.#anchor = { x: this.#x, y: this.#y };
			this.#anchorTool = ctx.tool;
			return {
				actions: [{ type: 'pointer', input: this.#input('down') }],
				notice: { type: 'started', tool: ctx.tool, x: this.#x, y: this.#y }
			};
		}
		const actions: KeyboardAction[] = [
			{ type: 'pointer', input: this.#input('down') },
			{ type: 'pointer', input: this.#input('up') }
		];
		if (ctx.tool === 'text')
			return { actions, notice: { type: 'writing', x: this.#x, y: this.#y } };
		return { actions, notice: { type: 'none' } };
	}

	#input(type: PointerInput['type']): PointerInput {
		// A steady clock: pens read speed from it, and keyboard strokes should look even.
		this.#t += 16;
		return {
			type,
			x: this.#x,
			y: this.#y,
			pressure: 0.5,
			t: this.#t,
			pointerType: 'keyboard',
			buttons: type === 'up' || type === 'cancel' ? 0 : 1
		};
	}
}

function clamp(value: number, min: number, max: number): number {
	return Math.min(max, Math.max(min, value));
}
