import type { TextOp } from '../document.ts';
import { LIMITS } from '../limits.ts';
import {
	isOnBoard,
	isPrimary,
	type PointerInput,
	type Tool,
	type ToolContext,
	type ToolEffect
} from './types.ts';

export type TextState = 'idle' | 'editing';

/**
 * idle → (down) editing: the UI shows a text field (typing, IME for Chinese) and feeds it back
 * through `setText`; the label is committed on `finish` or when the child clicks elsewhere.
 */
export class TextTool implements Tool {
	#state: TextState = 'idle';
	#op: TextOp | null = null;

	get state(): TextState {
		return this.#state;
	}

	get pending(): TextOp | null {
		return this.#op;
	}

	pointer(input: PointerInput, ctx: ToolContext): ToolEffect[] {
		if (input.type !== 'down' || !isPrimary(input) || !isOnBoard(input.x, input.y, ctx)) return [];
		const effects = this.finish();
		this.#state = 'editing';
		this.#op = {
			type: 'text',
			id: ctx.newId(),
			x: input.x,
			y: input.y,
			text: '',
			color: ctx.style.color,
			size: ctx.style.fontSize
		};
		return [...effects, { type: 'preview', op: this.#op }];
	}

	setText(text: string): ToolEffect[] {
		if (!this.#op) return [];
		this.#op = { ...this.#op, text: text.slice(0, LIMITS.maxTextLength) };
		return [{ type: 'preview', op: this.#op }];
	}

	finish(): ToolEffect[] {
		const op = this.#op;
		if (!op) return [];
		this.#state = 'idle';
		this.#op = null;
		const effects: ToolEffect[] = [{ type: 'preview', op: null }];
		if (op.text.trim() !== '') effects.push({ type: 'commit', commands: [{ type: 'addOp', op }] });
		return effects;
	}

	cancel(): ToolEffect[] {
		if (!this.#op) return [];
		this.#state = 'idle';
		this.#op = null;
		return [{ type: 'preview', op: null }];
	}
}
