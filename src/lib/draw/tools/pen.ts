import type { StrokeOp, StrokeTool } from '../document.ts';
import { LIMITS } from '../limits.ts';
import { appendSample, pressureFor, type Sample } from '../stroke-input.ts';
import {
	isPrimary,
	type PointerInput,
	type Tool,
	type ToolContext,
	type ToolEffect
} from './types.ts';

export type PenState = 'idle' | 'drawing';

/** Pencil, brush, marker, crayon and eraser: the same input handling, a different look. */
export class PenTool implements Tool {
	readonly variant: StrokeTool;
	#state: PenState = 'idle';
	#op: StrokeOp | null = null;
	#points: number[] = [];
	#last: Sample | null = null;
	#t0 = 0;

	constructor(variant: StrokeTool) {
		this.variant = variant;
	}

	get state(): PenState {
		return this.#state;
	}

	pointer(input: PointerInput, ctx: ToolContext): ToolEffect[] {
		switch (input.type) {
			case 'down':
				if (this.#state !== 'idle' || !isPrimary(input)) return [];
				return this.#begin(input, ctx);
			case 'move':
				if (this.#state !== 'drawing' || !this.#add(input, false)) return [];
				return [{ type: 'liveUpdate', op: this.#snapshot() }];
			case 'up':
				if (this.#state !== 'drawing') return [];
				this.#add(input, true);
				return this.#end();
			case 'cancel':
				return this.cancel();
		}
	}

	finish(): ToolEffect[] {
		return this.#state === 'drawing' ? this.#end() : [];
	}

	cancel(): ToolEffect[] {
		if (this.#state !== 'drawing') return [];
		this.#reset();
		return [{ type: 'liveEnd' }];
	}

	#begin(input: PointerInput, ctx: ToolContext): ToolEffect[] {
		this.#state = 'drawing';
		this.#points = [];
		this.#last = null;
		this.#t0 = input.t;
		this.#op = {
			type: 'stroke',
			id: ctx.newId(),
			tool: this.variant,
			color: ctx.style.color,
			size: ctx.style.size,
			opacity: ctx.style.opacity,
			points: this.#points
		};
		this.#add(input, true);
		return [{ type: 'liveBegin', op: this.#snapshot() }];
	}

	#add(input: PointerInput, force: boolean): boolean {
		// A stroke past the document limit would make the whole drawing unloadable.
		if (this.#points.length / 4 >= LIMITS.maxStrokePoints) return false;
		const t = input.t - this.#t0;
		const sample: Sample = {
			x: input.x,
			y: input.y,
			t,
			pressure: pressureFor({ ...input, t }, this.#last)
		};
		if (!appendSample(this.#points, sample, force)) return false;
		this.#last = sample;
		return true;
	}

	/** A fresh object per update so listeners can compare by identity; the samples are shared. */
	#snapshot(): StrokeOp {
		return { ...(this.#op as StrokeOp), points: this.#points };
	}

	#end(): ToolEffect[] {
		const op = this.#snapshot();
		this.#reset();
		return [{ type: 'liveEnd' }, { type: 'commit', commands: [{ type: 'addOp', op }] }];
	}

	#reset(): void {
		this.#state = 'idle';
		this.#op = null;
		this.#points = [];
		this.#last = null;
	}
}
