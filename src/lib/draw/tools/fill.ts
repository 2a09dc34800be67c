import {
	isOnBoard,
	isPrimary,
	type PointerInput,
	type Tool,
	type ToolContext,
	type ToolEffect
} from './types.ts';

export type FillState = 'idle' | 'pressed';

/** Paint bucket: fills where the press started, once the button is released. */
export class FillTool implements Tool {
	#state: FillState = 'idle';
	#at: { x: number; y: number } | null = null;

	get state(): FillState {
		return this.#state;
	}

	pointer(input: PointerInput, ctx: ToolContext): ToolEffect[] {
		switch (input.type) {
			case 'down':
				if (this.#state !== 'idle' || !isPrimary(input) || !isOnBoard(input.x, input.y, ctx)) {
					return [];
				}
				this.#state = 'pressed';
				this.#at = { x: Math.floor(input.x), y: Math.floor(input.y) };
				return [];
			case 'move':
				return [];
			case 'up':
				return this.finish(ctx);
			case 'cancel':
				return this.cancel();
		}
	}

	finish(ctx: ToolContext): ToolEffect[] {
		const at = this.#at;
		this.#state = 'idle';
		this.#at = null;
		if (!at) return [];
		const op = {
			type: 'fill' as const,
			id: ctx.newId(),
			x: at.x,
			y: at.y,
			color: ctx.style.color,
			tolerance: ctx.style.tolerance
		};
		return [{ type: 'commit', commands: [{ type: 'addOp', op }] }];
	}

	cancel(): ToolEffect[] {
		this.#state = 'idle';
		this.#at = null;
		return [];
	}
}
