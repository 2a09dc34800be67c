import { POINT_STRIDE, type StrokeOp } from '../document.ts';
import { paintStroke } from '../paint.ts';
import type { View } from '../renderer.ts';

/** Device-pixel rectangle on the stage. */
interface DeviceRect {
	x: number;
	y: number;
	w: number;
	h: number;
}

/** The stroke in progress (null: none) and what it is shown on. */
export interface LiveFrame {
	op: StrokeOp | null;
	view: View;
	/** Device pixels per CSS pixel. */
	ratio: number;
	/** The stage's size in CSS pixels. */
	stage: { width: number; height: number };
	/** The paper colour, for a live eraser stroke. */
	paper: string;
}

/** Whatever shows the stroke in progress over the bitmap (see also `worker-ink.ts`). */
export interface LiveInk {
	readonly element: HTMLElement;
	draw(frame: LiveFrame): void;
	hide(): void;
	destroy(): void;
}

/**
 * The stroke being drawn, on a small canvas of its own over the bitmap: just big enough for
 * the stroke and moved over it, so a frame of ink clears, draws and hands the compositor a few
 * hundred pixels square instead of a whole screen. (A stage-sized canvas that never moves was
 * measured too: it spares the restyle but costs the software compositor three times as much.)
 */
export class LiveCanvas implements LiveInk {
	readonly element = document.createElement('canvas');
	#ctx: CanvasRenderingContext2D;

	constructor() {
		const ctx = this.element.getContext('2d');
		if (!ctx) throw new Error('2D canvas is not available');
		this.#ctx = ctx;
		this.element.width = 1;
		this.element.height = 1;
		const style = this.element.style;
		style.position = 'absolute';
		style.left = '0';
		style.top = '0';
		style.pointerEvents = 'none';
		style.display = 'none';
		style.willChange = 'transform';
	}

	/**
	 * Fits the canvas around `op` (in device pixels, clipped to the stage) and draws it; hides
	 * the canvas when there is nothing to show. `paper` paints a live eraser stroke (the canvas
	 * sits above the bitmap and cannot erase it; the bitmap is really erased on commit).
	 */
	draw({ op, view, ratio, stage, paper }: LiveFrame): void {
		const canvas = this.element;
		const m = new DOMMatrix([
			ratio * view.scale,
			0,
			0,
			ratio * view.scale,
			ratio * view.x,
			ratio * view.y
		]);
		const extent = op ? liveExtent(op, m) : null;
		const stageW = Math.ceil(stage.width * ratio);
		const stageH = Math.ceil(stage.height * ratio);
		const left = Math.max(0, extent?.x ?? 0);
		const top = Math.max(0, extent?.y ?? 0);
		const w = Math.min(stageW, extent ? extent.x + extent.w : 0) - left;
		const h = Math.min(stageH, extent ? extent.y + extent.h : 0) - top;
		if (!op || w <= 0 || h <= 0) return this.hide();
		const ctx = this.#ctx;
		if (canvas.width < w || canvas.height < h) {
			// Grow with slack, never shrink mid-stroke: a resize reallocates and clears.
			canvas.width = Math.min(stageW, Math.max(canvas.width, w + 128));
			canvas.height = Math.min(stageH, Math.max(canvas.height, h + 128));
			canvas.style.width = `${canvas.width / ratio}px`;
			canvas.style.height = `${canvas.height / ratio}px`;
		} else {
			ctx.setTransform(1, 0, 0, 1, 0, 0);
			ctx.clearRect(0, 0, canvas.width, canvas.height);
		}
		canvas.style.transform = `translate(${left / ratio}px, ${top / ratio}px)`;
		ctx.setTransform(m.a, 0, 0, m.d, m.e - left, m.f - top);
		paintStroke(ctx, op, { last: false, eraserPreviewColor: paper });
		canvas.style.display = 'block';
	}

	hide(): void {
		this.element.style.display = 'none';
		// Start the next stroke small again (a long stroke may have grown it to the stage).
		this.element.width = 1;
		this.element.height = 1;
	}

	destroy(): void {
		this.element.width = 0;
		this.element.height = 0;
		this.element.remove();
	}
}

/**
 * The device-pixel rectangle a live stroke can cover: its points' box grown by the stroke size
 * (the outline radius plus the crayon's wobble) and a pixel of anti-aliasing.
 */
function liveExtent(
	op: StrokeOp,
	m: { a: number; d: number; e: number; f: number }
): DeviceRect | null {
	const { points } = op;
	if (points.length < POINT_STRIDE) return null;
	let minX = Infinity;
	let minY = Infinity;
	let maxX = -Infinity;
	let maxY = -Infinity;
	for (let i = 0; i + 1 < points.length; i += POINT_STRIDE) {
		const x = points[i] as number;
		const y = points[i + 1] as number;
		if (x < minX) minX = x;
		if (x > maxX) maxX = x;
		if (y < minY) minY = y;
		if (y > maxY) maxY = y;
	}
	// The view is only ever scaled and translated, never rotated or skewed.
	if (!Number.isFinite(minX + minY + maxX + maxY)) return null;
	const pad = op.size + 2;
	const x0 = Math.floor(m.a * (minX - pad) + m.e) - 2;
	const y0 = Math.floor(m.d * (minY - pad) + m.f) - 2;
	const x1 = Math.ceil(m.a * (maxX + pad) + m.e) + 2;
	const y1 = Math.ceil(m.d * (maxY + pad) + m.f) + 2;
	return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}
