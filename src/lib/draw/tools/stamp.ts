import type { StampOp } from '../document.ts';
import type { StampTransform } from '../commands.ts';
import { STAMP_BASE_SIZE } from '../stamps.ts';
import {
	isPrimary,
	type PointerInput,
	type Tool,
	type ToolContext,
	type ToolEffect
} from './types.ts';

/**
 * idle → (down) dragging → (up) placed → … A placed stamp is only a preview: it can be dragged
 * again, scaled, rotated and flipped, and becomes part of the drawing ("sticks") on `finish`,
 * or when the child presses somewhere else to place the next one.
 */
export type StampState = 'idle' | 'dragging' | 'placed';

export class StampTool implements Tool {
	#state: StampState = 'idle';
	#op: StampOp | null = null;
	#grab = { dx: 0, dy: 0 };

	get state(): StampState {
		return this.#state;
	}

	get pending(): StampOp | null {
		return this.#op;
	}

	pointer(input: PointerInput, ctx: ToolContext): ToolEffect[] {
		switch (input.type) {
			case 'down': {
				if (this.#state === 'dragging' || !isPrimary(input)) return [];
				const current = this.#op;
				if (current && this.#hits(current, input.x, input.y)) {
					this.#state = 'dragging';
					this.#grab = { dx: input.x - current.x, dy: input.y - current.y };
					return [];
				}
				const effects = this.finish();
				this.#op = {
					type: 'stamp',
					id: ctx.newId(),
					stampId: ctx.style.stampId,
					x: input.x,
					y: input.y,
					scale: 1,
					rotation: 0,
					flipX: false
				};
				this.#state = 'dragging';
				this.#grab = { dx: 0, dy: 0 };
				return [...effects, { type: 'preview', op: this.#op }];
			}
			case 'move':
				if (this.#state !== 'dragging' || !this.#op) return [];
				this.#op = { ...this.#op, x: input.x - this.#grab.dx, y: input.y - this.#grab.dy };
				return [{ type: 'preview', op: this.#op }];
			case 'up':
			case 'cancel':
				// Even a cancelled drag keeps the stamp where it was; only `cancel()` discards it.
				if (this.#state === 'dragging') this.#state = 'placed';
				return [];
		}
	}

	/** Scale, rotate or flip the stamp being placed. */
	transform(change: StampTransform): ToolEffect[] {
		if (!this.#op) return [];
		const next = { ...this.#op, ...change };
		next.scale = Math.min(20, Math.max(0.05, next.scale));
		next.rotation = ((next.rotation % 360) + 360) % 360;
		this.#op = next;
		return [{ type: 'preview', op: next }];
	}

	finish(): ToolEffect[] {
		const op = this.#op;
		if (!op) return [];
		this.#reset();
		return [
			{ type: 'preview', op: null },
			{ type: 'commit', commands: [{ type: 'addOp', op }] }
		];
	}

	cancel(): ToolEffect[] {
		if (!this.#op) return [];
		this.#reset();
		return [{ type: 'preview', op: null }];
	}

	/** Generous circular hit area: small children's clicks land near, not on, the sticker. */
	#hits(op: StampOp, x: number, y: number): boolean {
		return Math.hypot(x - op.x, y - op.y) <= (STAMP_BASE_SIZE * op.scale) / 2;
	}

	#reset(): void {
		this.#state = 'idle';
		this.#op = null;
	}
}
