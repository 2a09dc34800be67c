import type { Command } from '../commands.ts';
import type { Op, StrokeOp } from '../document.ts';

/**
 * Pointer input after the caller has mapped it to art-board coordinates. Built from
 * PointerEvent (and its coalesced events) by the Svelte bridge; plain data so tests can script it.
 */
export interface PointerInput {
	type: 'down' | 'move' | 'up' | 'cancel';
	x: number;
	y: number;
	/** PointerEvent.pressure: 0–1, meaningful only for pens. */
	pressure: number;
	/** PointerEvent.timeStamp in ms. */
	t: number;
	pointerType: 'mouse' | 'pen' | 'touch' | (string & {});
	/** PointerEvent.buttons bitmask; 1 = primary (left button, pen tip, touch contact). */
	buttons: number;
	/** Shift held: constrains shapes to squares, circles and 45° lines. */
	shiftKey?: boolean;
}

/** The current brush settings, read by tools when a gesture starts. */
export interface ToolStyle {
	color: string;
	size: number;
	opacity: number;
	/** Shapes: filled instead of outlined. */
	filled: boolean;
	/** Paint bucket tolerance 0–255. */
	tolerance: number;
	stampId: string;
	fontSize: number;
}

export const DEFAULT_TOOL_STYLE: ToolStyle = {
	color: '#222222',
	size: 12,
	opacity: 1,
	filled: false,
	tolerance: 32,
	stampId: 'tree',
	fontSize: 48
};

export interface ToolContext {
	style: ToolStyle;
	board: { width: number; height: number };
	newId(): string;
	/** Colour of the composited picture at an art-board point, or null off the board. */
	sampleColor(x: number, y: number): string | null;
}

/**
 * What a tool asks for. Tools never touch the document, history or renderer themselves, which
 * is what makes them testable as plain state machines.
 */
export type ToolEffect =
	| { type: 'liveBegin'; op: StrokeOp }
	| { type: 'liveUpdate'; op: StrokeOp }
	| { type: 'liveEnd' }
	| { type: 'preview'; op: Op | null }
	/** Apply these commands to the document as one undo step. */
	| { type: 'commit'; commands: Command[] }
	/** `final` when the gesture is over (the editor may then return to the previous tool). */
	| { type: 'pickColor'; color: string; final: boolean };

export interface Tool {
	readonly state: string;
	pointer(input: PointerInput, ctx: ToolContext): ToolEffect[];
	/** Completes whatever is pending (a stamp sticks, a label is committed). */
	finish(ctx: ToolContext): ToolEffect[];
	/** Abandons whatever is pending. */
	cancel(): ToolEffect[];
}

export function isPrimary(input: PointerInput): boolean {
	return (input.buttons & 1) !== 0;
}

export function isOnBoard(x: number, y: number, ctx: ToolContext): boolean {
	return x >= 0 && y >= 0 && x < ctx.board.width && y < ctx.board.height;
}
