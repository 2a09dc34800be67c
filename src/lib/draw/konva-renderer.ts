// Core plus the two shapes used, not the full bundle: the studio has a first-load JS budget.
import Konva from 'konva/lib/Core';
import { Image as KonvaImage } from 'konva/lib/shapes/Image';
import { Rect } from 'konva/lib/shapes/Rect';
import {
	checkpointsToKeep,
	DEFAULT_CHECKPOINT_POLICY,
	planRender,
	shouldCheckpoint,
	type Checkpoint,
	type CheckpointPolicy
} from './checkpoints.ts';
import type { DrawDocument, Op, StrokeOp } from './document.ts';
import { paintOp, paintStroke, type PaintEnv, type PixelsLike } from './paint.ts';
import type { Renderer, View } from './renderer.ts';

/**
 * The only module that imports Konva (and so must only be loaded in the browser, e.g. via a
 * dynamic import from the studio component). Layers, bottom to top:
 * paper colour → one bitmap of every finished op → the live stroke → the shape/stamp/text
 * being placed. All drawing logic lives in `paint.ts`; this file only owns canvases.
 */

type CanvasCheckpoint = Checkpoint & { canvas: HTMLCanvasElement };

/** Ops painted between yields during export, so a long export never freezes the tab. */
const EXPORT_CHUNK = 250;

function createCanvas(width: number, height: number): HTMLCanvasElement {
	const canvas = document.createElement('canvas');
	canvas.width = width;
	canvas.height = height;
	return canvas;
}

function context2d(canvas: HTMLCanvasElement): CanvasRenderingContext2D {
	const ctx = canvas.getContext('2d');
	if (!ctx) throw new Error('2D canvas is not available');
	return ctx;
}

export class KonvaRenderer implements Renderer {
	#stage: Konva.Stage;
	#paper = new Rect({ x: 0, y: 0, listening: false });
	#bitmapLayer = new Konva.Layer({ listening: false });
	#liveLayer = new Konva.Layer({ listening: false });
	#previewLayer = new Konva.Layer({ listening: false });
	#bitmap = createCanvas(1, 1);
	#ctx = context2d(this.#bitmap);
	#image = new KonvaImage({ image: this.#bitmap, x: 0, y: 0, listening: false });
	#doc: DrawDocument | null = null;
	#painted: Op[] = [];
	#checkpoints: CanvasCheckpoint[] = [];
	#seq = 0;
	#policy: CheckpointPolicy;
	#view: View = { scale: 1, x: 0, y: 0 };
	#live: StrokeOp | null = null;
	#preview: Op | null = null;
	#paths = new Map<string, Path2D>();

	constructor(container: HTMLDivElement, policy: CheckpointPolicy = DEFAULT_CHECKPOINT_POLICY) {
		this.#policy = policy;
		this.#stage = new Konva.Stage({
			container,
			width: container.clientWidth,
			height: container.clientHeight
		});
		const paperLayer = new Konva.Layer({ listening: false });
		paperLayer.add(this.#paper);
		this.#bitmapLayer.add(this.#image);
		this.#liveLayer.add(
			new Konva.Shape({ listening: false, sceneFunc: (con) => this.#drawLive(con._context) })
		);
		this.#previewLayer.add(
			new Konva.Shape({ listening: false, sceneFunc: (con) => this.#drawPreview(con._context) })
		);
		for (const layer of [paperLayer, this.#bitmapLayer, this.#liveLayer, this.#previewLayer]) {
			this.#stage.add(layer);
		}
	}

	/** Call when the container changes size (window resize, fullscreen). */
	resize(width: number, height: number): void {
		this.#stage.size({ width, height });
	}

	renderDocument(doc: DrawDocument): void {
		this.#doc = doc;
		this.#ensureBoard(doc.width, doc.height);
		this.#paper.setAttrs({ width: doc.width, height: doc.height, fill: doc.background });
		const plan = planRender(
			{ ops: this.#painted, count: this.#painted.length },
			this.#checkpoints,
			doc.ops
		);
		if (plan.source !== 'current') this.#ctx.clearRect(0, 0, doc.width, doc.height);
		if (plan.source === 'checkpoint') {
			this.#ctx.drawImage((this.#checkpoints[plan.index] as CanvasCheckpoint).canvas, 0, 0);
		}
		this.#painted = doc.ops.slice(0, plan.from);
		for (let i = plan.from; i < doc.ops.length; i++) this.#paint(doc.ops[i] as Op);
		this.#pruneCheckpoints(doc.ops);
		this.#stage.batchDraw();
	}

	commitOp(op: Op): void {
		this.#paint(op);
		this.#pruneCheckpoints(this.#painted);
		this.#bitmapLayer.batchDraw();
	}

	beginLiveStroke(op: StrokeOp): void {
		this.updateLiveStroke(op);
	}

	updateLiveStroke(op: StrokeOp): void {
		this.#live = op;
		this.#liveLayer.batchDraw();
	}

	endLiveStroke(): void {
		this.#live = null;
		this.#liveLayer.batchDraw();
	}

	showPreview(op: Op | null): void {
		this.#preview = op;
		this.#previewLayer.batchDraw();
	}

	setView(view: View): void {
		this.#view = view;
		this.#stage.scale({ x: view.scale, y: view.scale });
		this.#stage.position({ x: view.x, y: view.y });
		this.#stage.batchDraw();
	}

	toBoardPoint(x: number, y: number): { x: number; y: number } {
		return { x: (x - this.#view.x) / this.#view.scale, y: (y - this.#view.y) / this.#view.scale };
	}

	sampleColor(x: number, y: number): string | null {
		const doc = this.#doc;
		if (!doc || x < 0 || y < 0 || x >= doc.width || y >= doc.height) return null;
		const [r, g, b, a] = this.#ctx.getImageData(Math.floor(x), Math.floor(y), 1, 1).data;
		const paper = Number.parseInt(doc.background.slice(1), 16);
		const over = (ink: number, shift: number) =>
			Math.round((ink * (a as number) + ((paper >> shift) & 255) * (255 - (a as number))) / 255);
		const hex = (over(r as number, 16) << 16) | (over(g as number, 8) << 8) | over(b as number, 0);
		return `#${hex.toString(16).padStart(6, '0')}`;
	}

	getImageData(): PixelsLike {
		return this.#ctx.getImageData(0, 0, this.#bitmap.width, this.#bitmap.height);
	}

	async exportPng(scale = 2): Promise<Blob> {
		if (!this.#doc) throw new Error('nothing to export');
		// The bitmap's op list is the current document: commitOp appends to it without a new doc.
		const doc = { ...this.#doc, ops: this.#painted.slice() };
		const width = Math.round(doc.width * scale);
		const height = Math.round(doc.height * scale);
		// Ink on its own canvas first: the eraser cuts through ink, never through the paper.
		const ink = createCanvas(width, height);
		const inkCtx = context2d(ink);
		inkCtx.scale(scale, scale);
		const env = this.#env(doc, scale);
		for (let i = 0; i < doc.ops.length; i++) {
			paintOp(inkCtx, doc.ops[i] as Op, env);
			if (i % EXPORT_CHUNK === EXPORT_CHUNK - 1) await new Promise((r) => setTimeout(r, 0));
		}
		const out = createCanvas(width, height);
		const outCtx = context2d(out);
		outCtx.fillStyle = doc.background;
		outCtx.fillRect(0, 0, width, height);
		outCtx.drawImage(ink, 0, 0);
		ink.width = 0;
		return new Promise((resolve, reject) => {
			out.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))));
		});
	}

	destroy(): void {
		this.#stage.destroy();
		for (const canvas of [this.#bitmap, ...this.#checkpoints.map((c) => c.canvas)]) {
			// Zero-size canvases release their backing store at once instead of at GC.
			canvas.width = 0;
			canvas.height = 0;
		}
		this.#checkpoints = [];
		this.#painted = [];
	}

	#env(doc: DrawDocument, pixelRatio: number): PaintEnv {
		return {
			width: doc.width,
			height: doc.height,
			pixelRatio,
			createPath: (d) => {
				let path = this.#paths.get(d);
				if (!path) this.#paths.set(d, (path = new Path2D(d)));
				return path;
			}
		};
	}

	#ensureBoard(width: number, height: number): void {
		if (this.#bitmap.width === width && this.#bitmap.height === height) return;
		this.#bitmap.width = width;
		this.#bitmap.height = height;
		this.#image.size({ width, height });
		this.#painted = [];
		this.#checkpoints = [];
	}

	/** Paints the next op onto the bitmap, recording it and taking a checkpoint when due. */
	#paint(op: Op): void {
		if (!this.#doc) return;
		paintOp(this.#ctx, op, this.#env(this.#doc, 1));
		this.#painted.push(op);
		const count = this.#painted.length;
		if (shouldCheckpoint(count, this.#checkpoints, this.#painted, this.#policy)) {
			const canvas = createCanvas(this.#bitmap.width, this.#bitmap.height);
			context2d(canvas).drawImage(this.#bitmap, 0, 0);
			this.#checkpoints.push({ ops: this.#painted.slice(), count, seq: this.#seq++, canvas });
		}
	}

	#pruneCheckpoints(ops: readonly Op[]): void {
		if (this.#checkpoints.length <= this.#policy.max) return;
		const keep = new Set(checkpointsToKeep(this.#checkpoints, ops, this.#policy));
		this.#checkpoints = this.#checkpoints.filter((checkpoint, index) => {
			if (!keep.has(index)) checkpoint.canvas.width = 0;
			return keep.has(index);
		});
	}

	#drawLive(ctx: CanvasRenderingContext2D): void {
		if (!this.#live) return;
		const eraserPreviewColor = this.#doc?.background ?? '#ffffff';
		paintStroke(ctx, this.#live, { last: false, eraserPreviewColor });
	}

	#drawPreview(ctx: CanvasRenderingContext2D): void {
		// A fill has no preview, and painting one would read back the screen canvas.
		if (!this.#preview || !this.#doc || this.#preview.type === 'fill') return;
		paintOp(ctx, this.#preview, this.#env(this.#doc, 1));
	}
}
