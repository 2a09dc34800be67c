import {
	isPrimary,
	type PointerInput,
	type Tool,
	type ToolContext,
	type ToolEffect
} from './types.ts';

export type EyedropperState = 'idle' | 'sampling';

/** Picks the colour under the pointer; dragging previews, releasing settles it. */
export class EyedropperTool implements Tool {
	#state: EyedropperState = 'idle';
	#color: string | null = null;

	get state(): EyedropperState {
		return this.#state;
	}

	pointer(input: PointerInput, ctx: ToolContext): ToolEffect[] {
		switch (input.type) {
			case 'down':
				if (this.#state !== 'idle' || !isPrimary(input)) return [];
				this.#state = 'sampling';
				return this.#sample(input, ctx, false);
			case 'move':
				return this.#state === 'sampling' ? this.#sample(input, ctx, false) : [];
			case 'up': {
				if (this.#state !== 'sampling') return [];
				const effects = this.#sample(input, ctx, true);
				this.#state = 'idle';
				// Released off the board: settle on the last colour seen while dragging.
				if (effects.length === 0 && this.#color) {
					effects.push({ type: 'pickColor', color: this.#color, final: true });
				}
				this.#color = null;
				return effects;
			}
			case 'cancel':
				return this.cancel();
		}
	}

	finish(): ToolEffect[] {
		return this.cancel();
	}

	cancel(): ToolEffect[] {
		this.#state = 'idle';
		this.#color = null;
		return [];
	}

	#sample(input: PointerInput, ctx: ToolContext, final: boolean): ToolEffect[] {
		const color = ctx.sampleColor(input.x, input.y);
		if (!color) return [];
		this.#color = color;
		return [{ type: 'pickColor', color, final }];
	}
}
