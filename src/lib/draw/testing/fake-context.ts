import type { PaintContext, PixelsLike } from '../paint.ts';

export interface ContextCall {
	method: string;
	args: unknown[];
	/** Drawing state at the time of the call. */
	state: { fillStyle: unknown; globalAlpha: number; globalCompositeOperation: string };
}

/**
 * A 2D context stand-in that records calls and holds real pixels for getImageData and
 * putImageData, so paint code (including the paint bucket) runs in Node.
 */
export class FakeContext implements PaintContext {
	fillStyle: string | object = '#000000';
	strokeStyle: string | object = '#000000';
	lineWidth = 1;
	lineCap = 'butt';
	lineJoin = 'miter';
	globalAlpha = 1;
	globalCompositeOperation = 'source-over';
	font = '10px sans-serif';
	textBaseline = 'alphabetic';
	calls: ContextCall[] = [];
	pixels: PixelsLike;
	#stack: Pick<FakeContext, 'fillStyle' | 'globalAlpha' | 'globalCompositeOperation'>[] = [];

	constructor(width = 16, height = 16) {
		this.pixels = { data: new Uint8ClampedArray(width * height * 4), width, height };
	}

	named(method: string): ContextCall[] {
		return this.calls.filter((call) => call.method === method);
	}

	#record(method: string, args: unknown[]): void {
		const { fillStyle, globalAlpha, globalCompositeOperation } = this;
		this.calls.push({ method, args, state: { fillStyle, globalAlpha, globalCompositeOperation } });
	}

	save(): void {
		const { fillStyle, globalAlpha, globalCompositeOperation } = this;
		this.#stack.push({ fillStyle, globalAlpha, globalCompositeOperation });
		this.#record('save', []);
	}

	restore(): void {
		Object.assign(this, this.#stack.pop());
		this.#record('restore', []);
	}

	beginPath = (...args: unknown[]) => this.#record('beginPath', args);
	closePath = (...args: unknown[]) => this.#record('closePath', args);
	moveTo = (...args: unknown[]) => this.#record('moveTo', args);
	lineTo = (...args: unknown[]) => this.#record('lineTo', args);
	rect = (...args: unknown[]) => this.#record('rect', args);
	ellipse = (...args: unknown[]) => this.#record('ellipse', args);
	fill = (...args: unknown[]) => this.#record('fill', args);
	stroke = (...args: unknown[]) => this.#record('stroke', args);
	translate = (...args: unknown[]) => this.#record('translate', args);
	rotate = (...args: unknown[]) => this.#record('rotate', args);
	scale = (...args: unknown[]) => this.#record('scale', args);
	fillText = (...args: unknown[]) => this.#record('fillText', args);

	getImageData(x: number, y: number, w: number, h: number): PixelsLike {
		this.#record('getImageData', [x, y, w, h]);
		// Whole-canvas reads are all paint code does; a copy, like the real thing.
		return { data: this.pixels.data.slice(), width: w, height: h };
	}

	putImageData(pixels: PixelsLike, ...args: number[]): void {
		this.#record('putImageData', args);
		this.pixels = { ...this.pixels, data: pixels.data.slice() };
	}
}
