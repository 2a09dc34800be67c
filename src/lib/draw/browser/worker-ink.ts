import type { StrokeOp } from '../document.ts';
import { TILE_SIZE, tileGrid, type Tile } from '../ink-tiles.ts';
import type { LiveFrame, LiveInk } from './live-canvas.ts';

/** Art-board → device pixels: the view is only ever scaled and translated. */
export interface InkTransform {
	a: number;
	d: number;
	e: number;
	f: number;
}

/** What the page tells `ink.worker.ts`. */
export type InkMessage =
	| { type: 'tiles'; tiles: (Tile & { canvas: OffscreenCanvas })[] }
	| { type: 'begin'; op: StrokeOp; transform: InkTransform; paper: string }
	| { type: 'points'; points: number[] }
	| { type: 'view'; transform: InkTransform }
	| { type: 'clear' };

/**
 * The live stroke drawn by a worker (`ink.worker.ts`) on tile canvases over the bitmap. While
 * the child draws, the page only forwards new points: nothing on the page changes, so it makes
 * no frames of its own and ink keeps up even when its main thread is slow. The tiles stay in
 * place and visible (the compositor only redraws tiles the worker changed) except between the
 * end of a stroke and the worker wiping them: they are hidden in the frame that shows the
 * finished stroke on the bitmap, so the stroke is never shown twice or not at all.
 *
 * Used once the worker has said it is ready; until then, and in browsers without
 * OffscreenCanvas, `LiveCanvas` draws on the main thread.
 */
export class WorkerInk implements LiveInk {
	readonly element = document.createElement('div');
	/** Settles when the worker has loaded; rejects if it cannot be started. */
	readonly ready: Promise<void>;
	#worker: Worker;
	#tiles: HTMLCanvasElement[] = [];
	#layout = '';
	#opId: string | null = null;
	#sent = 0;
	#transform: InkTransform | null = null;
	#clearFrame = 0;

	static isSupported(): boolean {
		return (
			typeof Worker !== 'undefined' &&
			typeof OffscreenCanvas !== 'undefined' &&
			'transferControlToOffscreen' in HTMLCanvasElement.prototype
		);
	}

	constructor() {
		const style = this.element.style;
		style.position = 'absolute';
		style.left = '0';
		style.top = '0';
		style.pointerEvents = 'none';
		this.#worker = new Worker(new URL('./ink.worker.ts', import.meta.url), { type: 'module' });
		this.ready = new Promise((resolve, reject) => {
			this.#worker.onmessage = (e: MessageEvent<{ type?: string }>) => {
				if (e.data?.type === 'ready') resolve();
				// Wiped: visible again for the next stroke, without a page frame during it.
				if (e.data?.type === 'cleared' && this.#opId === null) this.#setVisible(true);
			};
			this.#worker.onerror = (e) => {
				e.preventDefault();
				reject(new Error('the ink worker could not start'));
			};
		});
	}

	/** (Re)builds the tiles for a stage of `width` × `height` CSS pixels. */
	layout(width: number, height: number, ratio: number): void {
		const deviceW = Math.ceil(width * ratio);
		const deviceH = Math.ceil(height * ratio);
		const key = `${deviceW}x${deviceH}@${ratio}`;
		if (key === this.#layout) return;
		this.#layout = key;
		for (const canvas of this.#tiles) canvas.remove();
		const offscreen: OffscreenCanvas[] = [];
		// The same CSS size at any pixel density: a tablet gets as few tiles as a classroom PC.
		const grid = tileGrid(deviceW, deviceH, Math.round(TILE_SIZE * ratio));
		this.#tiles = grid.map((tile) => {
			const canvas = document.createElement('canvas');
			canvas.width = tile.w;
			canvas.height = tile.h;
			const style = canvas.style;
			style.position = 'absolute';
			style.left = `${tile.x / ratio}px`;
			style.top = `${tile.y / ratio}px`;
			style.width = `${tile.w / ratio}px`;
			style.height = `${tile.h / ratio}px`;
			this.element.append(canvas);
			offscreen.push(canvas.transferControlToOffscreen());
			return canvas;
		});
		const tiles = grid.map((tile, i) => ({ ...tile, canvas: offscreen[i] as OffscreenCanvas }));
		this.#post({ type: 'tiles', tiles }, offscreen);
	}

	draw({ op, view, ratio, stage, paper }: LiveFrame): void {
		if (!op) return this.hide();
		this.layout(stage.width, stage.height, ratio);
		const scale = ratio * view.scale;
		const transform = { a: scale, d: scale, e: ratio * view.x, f: ratio * view.y };
		if (op.id !== this.#opId) {
			// A clear still on its way would wipe this stroke.
			cancelAnimationFrame(this.#clearFrame);
			this.#setVisible(true);
			this.#opId = op.id;
			this.#sent = op.points.length;
			this.#transform = transform;
			this.#post({ type: 'begin', op, transform, paper });
		} else {
			const was = this.#transform;
			if (!was || was.a !== scale || was.e !== transform.e || was.f !== transform.f) {
				this.#transform = transform;
				this.#post({ type: 'view', transform });
			}
			if (op.points.length > this.#sent) {
				this.#post({ type: 'points', points: op.points.slice(this.#sent) });
				this.#sent = op.points.length;
			}
		}
	}

	hide(): void {
		if (this.#opId === null) return;
		this.#opId = null;
		this.#setVisible(false);
		// The frame that hides the tiles also shows the finished stroke on the bitmap; wiping the
		// tiles any sooner could leave a frame with neither.
		this.#clearFrame = requestAnimationFrame(() => {
			this.#clearFrame = 0;
			this.#post({ type: 'clear' });
		});
	}

	destroy(): void {
		cancelAnimationFrame(this.#clearFrame);
		this.#worker.terminate();
		this.element.remove();
		this.#tiles = [];
	}

	#setVisible(isVisible: boolean): void {
		const visibility = isVisible ? '' : 'hidden';
		if (this.element.style.visibility !== visibility) this.element.style.visibility = visibility;
	}

	#post(message: InkMessage, transfer: Transferable[] = []): void {
		this.#worker.postMessage(message, transfer);
	}
}
