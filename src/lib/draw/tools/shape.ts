import type { ShapeKind, ShapeOp } from '../document.ts';
import {
	isPrimary,
	type PointerInput,
	type Tool,
	type ToolContext,
	type ToolEffect
} from './types.ts';

export type ShapeState = 'idle' | 'dragging';

/** Drags shorter than this are treated as a stray click, not a shape. */
export const MIN_SHAPE_DRAG = 2;

/** Shift: lines snap to 45° steps, rectangles and ellipses become squares and circles. */
export function constrain(
	kind: ShapeKind,
	x1: number,
	y1: number,
	x2: number,
	y2: number
): { x2: number; y2: number } {
	const dx = x2 - x1;
	const dy = y2 - y1;
	if (kind === 'line') {
		const angle = Math.round(Math.atan2(dy, dx) / (Math.PI / 4)) * (Math.PI / 4);
		const length = Math.hypot(dx, dy);
		return { x2: x1 + Math.cos(angle) * length, y2: y1 + Math.sin(angle) * length };
	}
	const side = Math.max(Math.abs(dx), Math.abs(dy));
	return { x2: x1 + Math.sign(dx || 1) * side, y2: y1 + Math.sign(dy || 1) * side };
}

export class ShapeTool implements Tool {
	readonly kind: ShapeKind;
	#state: ShapeState = 'idle';
	#op: ShapeOp | null = null;

	constructor(kind: ShapeKind) {
		this.kind = kind;
	}

	get state(): ShapeState {
		return this.#state;
	}

	pointer(input: PointerInput, ctx: ToolContext): ToolEffect[] {
		switch (input.type) {
			case 'down': {
				if (this.#state !== 'idle' || !isPrimary(input)) return [];
				this.#state = 'dragging';
				this.#op = {
					type: 'shape',
					id: ctx.newId(),
					shape: this.kind,
					x1: input.x,
					y1: input.y,
					x2: input.x,
					y2: input.y,
					color: ctx.style.color,
					size: ctx.style.size,
					filled: ctx.style.filled
				};
				return [{ type: 'preview', op: this.#op }];
			}
			case 'move':
				if (!this.#op) return [];
				this.#drag(input);
				return [{ type: 'preview', op: this.#op }];
			case 'up':
				if (!this.#op) return [];
				this.#drag(input);
				return this.finish();
			case 'cancel':
				return this.cancel();
		}
	}

	finish(): ToolEffect[] {
		const op = this.#op;
		if (!op) return [];
		this.#state = 'idle';
		this.#op = null;
		const effects: ToolEffect[] = [{ type: 'preview', op: null }];
		if (Math.hypot(op.x2 - op.x1, op.y2 - op.y1) >= MIN_SHAPE_DRAG) {
			effects.push({ type: 'commit', commands: [{ type: 'addOp', op }] });
		}
		return effects;
	}

	cancel(): ToolEffect[] {
		if (!this.#op) return [];
		this.#state = 'idle';
		this.#op = null;
		return [{ type: 'preview', op: null }];
	}

	#drag(input: PointerInput): void {
		const op = this.#op as ShapeOp;
		const end = input.shiftKey
			? constrain(this.kind, op.x1, op.y1, input.x, input.y)
			: { x2: input.x, y2: input.y };
		this.#op = { ...op, ...end };
	}
}
