// Core plus the two shapes used, not the full bundle: the studio has a first-load JS budget.
import Konva from 'konva/lib/Core';
import { Image as KonvaImage } from 'konva/lib/shapes/Image';
import { Rect } from 'konva/lib/shapes/Rect';
import {
	checkpointsToKeep,
	DEFAULT_CHECKPOINT_POLICY,
	isPrefixOf,
	planRender,
	shouldCheckpoint,
	snapshotCoverage,
	snapshotMetaOf,
	type Checkpoint,
	type CheckpointPolicy,
	type SnapshotMeta
} from '../checkpoints.ts';
import type { ColouringPage } from './colouring-page.ts';
import { union, type Box } from '../ink-tiles.ts';
import { POINT_STRIDE, type DrawDocument, type Op, type StrokeOp } from '../document.ts';
import { LiveCanvas, type LiveInk } from './live-canvas.ts';
import { exportPicture, PictureExportError } from './picture-export.ts';
import { paintOp, type PaintEnv, type StrokePath } from '../paint.ts';
import { RasterMirror } from './raster-mirror.ts';
import { toStrokePaths } from './stroke-paths.ts';
import { strokePasses } from '../stroke-geometry.ts';
import type { Renderer, View } from '../renderer.ts';
import { WorkerInk } from './worker-ink.ts';

/**
 * The only module that imports Konva (and so must only be loaded in the browser, e.g. via a
 * dynamic import from the studio component). As few layers as possible, because on a classroom
 * PC without GPU compositing every full-size canvas costs the browser a blend each frame:
 * - static: paper colour and one bitmap of every finished op, redrawn only on commit, undo,
 *   load and view changes, never per pointer move;
 * - the live stroke's own small canvas (`live-canvas.ts`), not a Konva layer;
 * - page (only on a colouring page): the page's lines, over the ink, redrawn on view changes;
 * - dynamic: the shape/stamp/text being placed.
 * All drawing logic lives in `paint.ts`; this file only owns canvases.
 */

type CanvasCheckpoint = Checkpoint & { canvas: HTMLCanvasElement };

/** A decoded raster of the flattened bitmap, stored with the draft, and what it shows. */
export interface BitmapSnapshot {
	image: CanvasImageSource;
	meta: SnapshotMeta;
}

/** A PNG of the flattened bitmap, to store beside the document it was painted from. */
export interface EncodedSnapshot {
	blob: Blob;
	meta: SnapshotMeta;
}

/**
 * Cached stroke paths kept at most (~1–4 KB each outside the JS heap); past this the cache is
 * dropped and refilled, so a huge document costs outline time again instead of memory.
 */
const STROKE_PATH_CACHE_MAX = 12_000;

export interface KonvaRendererOptions {
	policy?: CheckpointPolicy;
	/** Used by the first `renderDocument` whose document it matches, instead of painting. */
	snapshot?: BitmapSnapshot | null;
	/** The document's colouring page, already loaded (see `loadColouringPage`). */
	page?: ColouringPage | null;
	/** Draw the stroke in progress in a worker where the browser can (the studio's editor). */
	workerInk?: boolean;
	/**
	 * Keep the ink painted at this export scale in a worker as the child draws, so exporting at
	 * that scale does not repaint every op (`export-raster.ts`; the studio's editor: downloads).
	 */
	exportRaster?: number;
}

/**
 * A low-density screen gains nothing visible from a 1.25× backing store but pays for 56 % more
 * pixels in every clear, draw and composite.
 */
if (typeof window !== 'undefined' && window.devicePixelRatio <= 1.25) Konva.pixelRatio = 1;

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
	#paper = new Rect({ x: 0, y: 0, listening: false, perfectDrawEnabled: false });
	#staticLayer = new Konva.Layer({ listening: false });
	#dynamicLayer = new Konva.Layer({ listening: false, visible: false });
	#live: LiveInk = new LiveCanvas();
	/** The worker-drawn ink, once it has loaded, waiting for the stroke in progress to end. */
	#workerInk: WorkerInk | null = null;
	#isDestroyed = false;
	#liveFrame = 0;
	/** Board area of the bitmap layer to redraw in the next frame (see `#invalidate`). */
	#staleBox: Box | null = null;
	#staleFrame = 0;
	#page: ColouringPage | null;
	#pageImage: KonvaImage | null = null;
	#bitmap = createCanvas(1, 1);
	#ctx = context2d(this.#bitmap);
	#image = new KonvaImage({
		image: this.#bitmap,
		x: 0,
		y: 0,
		listening: false,
		perfectDrawEnabled: false
	});
	/**
	 * The bitmap as it was before the last committed op, on a second canvas: undoing that op,
	 * by far the commonest undo, swaps the two canvases instead of repainting (which took a
	 * full-board clear and copy at least), and redo swaps them back.
	 */
	#before: { canvas: HTMLCanvasElement; ctx: CanvasRenderingContext2D; ops: Op[] } | null = null;
	#doc: DrawDocument | null = null;
	#painted: Op[] = [];
	#checkpoints: CanvasCheckpoint[] = [];
	#seq = 0;
	#policy: CheckpointPolicy;
	#view: View = { scale: 1, x: 0, y: 0 };
	#liveOp: StrokeOp | null = null;
	#preview: Op | null = null;
	#paths = new Map<string, Path2D>();
	/** Finished strokes' polygons by op (ops are immutable and shared across undo states). */
	#strokePaths = new Map<StrokeOp, StrokePath[]>();

	/** Used by the first `renderDocument` whose document it matches, instead of painting. */
	#snapshot: BitmapSnapshot | null;
	#raster: RasterMirror | null = null;

	constructor(container: HTMLDivElement, options: KonvaRendererOptions = {}) {
		this.#policy = options.policy ?? DEFAULT_CHECKPOINT_POLICY;
		this.#snapshot = options.snapshot ?? null;
		this.#page = options.page ?? null;
		this.#stage = new Konva.Stage({
			container,
			listening: false,
			width: container.clientWidth,
			height: container.clientHeight
		});
		this.#staticLayer.add(this.#paper, this.#image);
		this.#dynamicLayer.add(
			new Konva.Shape({
				listening: false,
				perfectDrawEnabled: false,
				sceneFunc: (con) => this.#drawPreview(con._context)
			})
		);
		this.#stage.add(this.#staticLayer);
		let above: Konva.Layer = this.#dynamicLayer;
		if (this.#page) {
			const pageLayer = new Konva.Layer({ listening: false });
			this.#pageImage = new KonvaImage({
				image: this.#page.image,
				listening: false,
				perfectDrawEnabled: false
			});
			pageLayer.add(this.#pageImage);
			this.#stage.add(pageLayer);
			above = pageLayer;
		}
		this.#stage.add(this.#dynamicLayer);
		// Nothing on the stage is hit-tested: the studio handles pointers on the container. Left
		// to receive them, Konva would read the content's position (getBoundingClientRect, a
		// forced layout) on every pointer and mouse move of a stroke.
		const content = this.#stage.getContent();
		content.style.pointerEvents = 'none';
		// Ink goes under the colouring page's lines, as it will in the finished picture.
		content.insertBefore(this.#live.element, above.getNativeCanvasElement());
		if (options.workerInk && WorkerInk.isSupported()) this.#startWorkerInk();
		if (options.exportRaster && RasterMirror.isSupported()) {
			try {
				this.#raster = new RasterMirror(options.exportRaster);
			} catch {
				// No worker: exports paint the whole document, as without OffscreenCanvas.
			}
		}
	}

	#startWorkerInk(): void {
		let ink: WorkerInk;
		try {
			ink = new WorkerInk();
		} catch {
			return; // No worker (blocked or unsupported): the main thread keeps drawing the ink.
		}
		ink.ready.then(
			() => {
				if (this.#isDestroyed) return ink.destroy();
				this.#workerInk = ink;
				if (!this.#liveOp) this.#swapInk();
			},
			() => ink.destroy()
		);
	}

	/** Hands the live stroke to the worker; only between strokes, so none is cut in two. */
	#swapInk(): void {
		const ink = this.#workerInk;
		if (!ink) return;
		this.#workerInk = null;
		ink.layout(this.#stage.width(), this.#stage.height(), Konva.pixelRatio);
		this.#live.element.replaceWith(ink.element);
		this.#live.destroy();
		this.#live = ink;
	}

	/** Call when the container changes size (window resize, fullscreen). */
	resize(width: number, height: number): void {
		if (width === this.#stage.width() && height === this.#stage.height()) return;
		this.#stage.size({ width, height });
		if (this.#live instanceof WorkerInk) this.#live.layout(width, height, Konva.pixelRatio);
	}

	renderDocument(doc: DrawDocument): void {
		this.#doc = doc;
		this.#ensureBoard(doc.width, doc.height);
		this.#paper.setAttrs({ width: doc.width, height: doc.height, fill: doc.background });
		this.#pageImage?.size({ width: doc.width, height: doc.height });
		const snapshot = this.#snapshot;
		this.#snapshot = null;
		// A snapshot of an earlier save shows the first ops; the plan below paints the rest.
		const covered = snapshot ? snapshotCoverage(snapshot.meta, doc) : 0;
		if (snapshot && covered > 0 && this.#restore(snapshot, doc, covered)) {
			if (covered === doc.ops.length) {
				this.#redrawAfterRender();
				return;
			}
		}
		const was = this.#painted;
		if (this.#swapBefore(doc.ops)) {
			this.#pruneCheckpoints(doc.ops);
			this.#redrawAfterRender(oneOpApart(was, doc.ops));
			return;
		}
		const plan = planRender(
			{ ops: this.#painted, count: this.#painted.length },
			this.#checkpoints,
			doc.ops
		);
		if (plan.source !== 'current') this.#ctx.clearRect(0, 0, doc.width, doc.height);
		// A cleared or reloaded picture: paths of strokes it no longer holds are dead weight.
		if (plan.source === 'blank') this.#strokePaths.clear();
		if (plan.source === 'checkpoint') {
			this.#ctx.drawImage((this.#checkpoints[plan.index] as CanvasCheckpoint).canvas, 0, 0);
		}
		this.#painted = doc.ops.slice(0, plan.from);
		for (let i = plan.from; i < doc.ops.length; i++) this.#paint(doc.ops[i] as Op);
		this.#pruneCheckpoints(doc.ops);
		this.#redrawAfterRender();
	}

	/**
	 * The bitmap changed (only under `changed` when given: the one op an undo or redo swapped);
	 * the dynamic layer only shows a preview, which does not depend on it.
	 */
	#redrawAfterRender(changed?: Op): void {
		this.#syncRaster();
		this.#invalidate(changed);
		if (this.#preview) this.#dynamicLayer.batchDraw();
	}

	commitOp(op: Op): void {
		this.#keepBefore();
		this.#paint(op);
		this.#pruneCheckpoints(this.#painted);
		this.#syncRaster();
		this.#invalidate(op);
	}

	/**
	 * Redraws the bitmap layer in the next frame: only around `op` where the op is a stroke
	 * (the commonest commit and undo), else whole. Redrawing the whole layer scales the full
	 * bitmap onto the screen-size canvas, which a software-rendered browser then rasterises
	 * and copies whole: at 6× CPU throttling that was most of a 5,000-stroke undo's frame.
	 */
	#invalidate(op?: Op): void {
		const box = op?.type === 'stroke' ? strokeBox(op) : null;
		if (!box) {
			this.#staleBox = null;
			this.#staticLayer.batchDraw();
			return;
		}
		this.#staleBox = union(this.#staleBox, box);
		if (this.#staleFrame) return;
		this.#staleFrame = requestAnimationFrame(() => {
			this.#staleFrame = 0;
			const stale = this.#staleBox;
			this.#staleBox = null;
			if (stale) this.#drawStaticPart(stale);
		});
	}

	/**
	 * Draws the bitmap layer (paper and bitmap, as Konva would) clipped to a board box, on whole
	 * device pixels so the clip has no soft edge: Konva's own clear and draw stay inside it.
	 */
	#drawStaticPart(box: Box): void {
		const canvas = this.#staticLayer.getCanvas();
		const ratio = canvas.getPixelRatio();
		const { scale, x, y } = this.#view;
		const native = this.#staticLayer.getNativeCanvasElement();
		const x0 = Math.max(0, Math.floor((box.x0 * scale + x) * ratio) - 2);
		const y0 = Math.max(0, Math.floor((box.y0 * scale + y) * ratio) - 2);
		const x1 = Math.min(native.width, Math.ceil((box.x1 * scale + x) * ratio) + 2);
		const y1 = Math.min(native.height, Math.ceil((box.y1 * scale + y) * ratio) + 2);
		if (x1 <= x0 || y1 <= y0) return;
		// The layer's context is scaled by the pixel ratio: the clip goes in CSS pixels.
		const ctx = canvas.getContext()._context;
		ctx.save();
		ctx.beginPath();
		ctx.rect(x0 / ratio, y0 / ratio, (x1 - x0) / ratio, (y1 - y0) / ratio);
		ctx.clip();
		this.#staticLayer.drawScene();
		ctx.restore();
	}

	/** The export raster follows the bitmap's op list, which is always the document's. */
	#syncRaster(): void {
		if (this.#raster && this.#doc) this.#raster.sync({ ...this.#doc, ops: this.#painted });
	}

	beginLiveStroke(op: StrokeOp): void {
		this.updateLiveStroke(op);
	}

	/**
	 * Draws at once: the studio already hands over one batch per animation frame, and waiting
	 * for another frame here would add a whole frame to every sample's way onto the screen.
	 */
	updateLiveStroke(op: StrokeOp): void {
		this.#liveOp = op;
		if (this.#liveFrame) cancelAnimationFrame(this.#liveFrame);
		this.#liveFrame = 0;
		this.#drawLive();
	}

	endLiveStroke(): void {
		// Hidden in the same frame as the bitmap layer shows the committed stroke: no flicker.
		this.#liveOp = null;
		this.#scheduleLive();
	}

	showPreview(op: Op | null): void {
		this.#preview = op;
		this.#dynamicLayer.visible(op !== null);
		this.#dynamicLayer.batchDraw();
	}

	setView(view: View): void {
		this.#view = view;
		if (this.#liveOp) this.#scheduleLive();
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

	/**
	 * Scales the bitmap straight into a small canvas: reading the whole board's pixels back
	 * (megabytes) for a preview stalled the frames around every autosave.
	 */
	thumbnail(maxWidth: number): string | null {
		const doc = this.#doc;
		if (!doc) return null;
		const scale = Math.min(1, maxWidth / doc.width);
		const thumb = createCanvas(Math.round(doc.width * scale), Math.round(doc.height * scale));
		const ctx = context2d(thumb);
		ctx.fillStyle = doc.background;
		ctx.fillRect(0, 0, thumb.width, thumb.height);
		ctx.drawImage(this.#bitmap, 0, 0, thumb.width, thumb.height);
		this.#page?.drawOver(ctx, thumb.width, thumb.height);
		return thumb.toDataURL('image/jpeg', 0.8);
	}

	/**
	 * The picture at `scale` × art-board size: from the export raster when it was kept at that
	 * scale and holds exactly this document, else re-rendered from the document, in the export
	 * worker where the browser can (the page only relays progress), else here in slices
	 * (`picture-export.ts`).
	 */
	async exportPng(scale = 2, onProgress?: (fraction: number) => void): Promise<Blob> {
		if (!this.#doc) throw new Error('nothing to export');
		// The bitmap's op list is the current document: commitOp appends to it without a new doc.
		const doc = { ...this.#doc, ops: this.#painted.slice() };
		if (this.#raster?.scale === scale) {
			try {
				return await this.#raster.export(doc, onProgress);
			} catch (error) {
				// A colouring page that cannot load fails any export alike.
				if (error instanceof PictureExportError && error.reason === 'page') throw error;
				// Stale or gone: the document is the truth, and is painted afresh.
			}
		}
		return exportPicture(doc, {
			scale,
			page: this.#page,
			strokePaths: (op) => this.#strokePathsOf(op),
			...(onProgress ? { onProgress } : {})
		});
	}

	/**
	 * A PNG of the flattened bitmap if it shows exactly `doc` (null otherwise: mid-stroke, or
	 * the document moved on). The pixels are taken now; encoding finishes later.
	 */
	snapshot(doc: DrawDocument): Promise<EncodedSnapshot> | null {
		const painted = { ops: this.#painted, count: this.#painted.length };
		if (
			// Not while the child draws: encoding would take frames from the ink.
			this.#liveOp ||
			this.#painted.length !== doc.ops.length ||
			doc.ops.length === 0 ||
			!isPrefixOf(painted, doc.ops) ||
			this.#bitmap.width !== doc.width ||
			this.#bitmap.height !== doc.height
		) {
			return null;
		}
		const meta = snapshotMetaOf(doc);
		return new Promise((resolve, reject) => {
			this.#bitmap.toBlob((blob) =>
				blob ? resolve({ blob, meta }) : reject(new Error('PNG encoding failed'))
			);
		});
	}

	destroy(): void {
		this.#isDestroyed = true;
		this.#workerInk?.destroy();
		this.#raster?.destroy();
		if (this.#liveFrame) cancelAnimationFrame(this.#liveFrame);
		this.#liveFrame = 0;
		if (this.#staleFrame) cancelAnimationFrame(this.#staleFrame);
		this.#staleFrame = 0;
		this.#live.destroy();
		this.#stage.destroy();
		const canvases = [this.#bitmap, ...this.#checkpoints.map((c) => c.canvas)];
		if (this.#before) canvases.push(this.#before.canvas);
		this.#before = null;
		for (const canvas of canvases) {
			// Zero-size canvases release their backing store at once instead of at GC.
			canvas.width = 0;
			canvas.height = 0;
		}
		this.#checkpoints = [];
		this.#painted = [];
		this.#strokePaths.clear();
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
			},
			strokePaths: (op) => this.#strokePathsOf(op),
			walls: (w, h) => this.#page?.walls(w, h) ?? null
		};
	}

	#strokePathsOf(op: StrokeOp): StrokePath[] {
		let paths = this.#strokePaths.get(op);
		if (paths) return paths;
		paths = toStrokePaths(strokePasses(op));
		if (this.#strokePaths.size >= STROKE_PATH_CACHE_MAX) this.#strokePaths.clear();
		this.#strokePaths.set(op, paths);
		return paths;
	}

	#ensureBoard(width: number, height: number): void {
		if (this.#bitmap.width === width && this.#bitmap.height === height) return;
		this.#bitmap.width = width;
		this.#bitmap.height = height;
		this.#image.size({ width, height });
		this.#painted = [];
		this.#checkpoints = [];
		if (this.#before) this.#before.canvas.width = 0;
		this.#before = null;
	}

	/** Copies the bitmap aside before an op is committed onto it (see `#before`). */
	#keepBefore(): void {
		const { width, height } = this.#bitmap;
		let before = this.#before;
		if (!before || before.canvas.width !== width || before.canvas.height !== height) {
			if (before) before.canvas.width = 0;
			const canvas = createCanvas(width, height);
			before = { canvas, ctx: context2d(canvas), ops: [] };
			this.#before = before;
		}
		before.ctx.clearRect(0, 0, width, height);
		before.ctx.drawImage(this.#bitmap, 0, 0);
		before.ops = this.#painted.slice();
	}

	/**
	 * Shows the canvas set aside by `#keepBefore` if it holds exactly `ops` (an undo of the last
	 * op, or the redo after it); the bitmap it replaces is kept aside in turn.
	 */
	#swapBefore(ops: readonly Op[]): boolean {
		const before = this.#before;
		if (!before || before.ops.length !== ops.length) return false;
		if (!isPrefixOf({ ops: before.ops, count: before.ops.length }, ops)) return false;
		this.#before = { canvas: this.#bitmap, ctx: this.#ctx, ops: this.#painted };
		this.#bitmap = before.canvas;
		this.#ctx = before.ctx;
		this.#painted = before.ops;
		// The caller redraws just the op that differs; Konva would redraw the whole layer.
		withoutAutoDraw(() => this.#image.image(this.#bitmap));
		return true;
	}

	/**
	 * Puts a stored snapshot on the bitmap as if the first `count` ops of `doc` had been painted,
	 * and keeps it as a checkpoint so the first undos do not repaint the whole picture.
	 */
	#restore(snapshot: BitmapSnapshot, doc: DrawDocument, count: number): boolean {
		try {
			this.#ctx.clearRect(0, 0, doc.width, doc.height);
			this.#ctx.drawImage(snapshot.image, 0, 0);
		} catch {
			return false;
		}
		this.#painted = doc.ops.slice(0, count);
		this.#checkpoints = [];
		this.#strokePaths.clear();
		const canvas = createCanvas(doc.width, doc.height);
		context2d(canvas).drawImage(this.#bitmap, 0, 0);
		this.#checkpoints.push({ ops: this.#painted.slice(), count, seq: this.#seq++, canvas });
		return true;
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

	#drawPreview(ctx: CanvasRenderingContext2D): void {
		// A fill has no preview, and painting one would read back the screen canvas.
		if (!this.#preview || !this.#doc || this.#preview.type === 'fill') return;
		paintOp(ctx, this.#preview, this.#env(this.#doc, 1));
	}

	/** One live-canvas redraw per animation frame, like Konva's own batchDraw. */
	#scheduleLive(): void {
		if (this.#liveFrame) return;
		this.#liveFrame = requestAnimationFrame(() => {
			this.#liveFrame = 0;
			this.#drawLive();
		});
	}

	#drawLive(): void {
		const stage = { width: this.#stage.width(), height: this.#stage.height() };
		const paper = this.#doc?.background ?? '#ffffff';
		this.#live.draw({ op: this.#liveOp, view: this.#view, ratio: Konva.pixelRatio, stage, paper });
		if (!this.#liveOp) this.#swapInk();
	}
}

/**
 * Konva redraws a node's whole layer on the next frame when any attribute is set (a canvas
 * counts as changed even when it is the same one): for changes the renderer draws itself.
 */
function withoutAutoDraw(change: () => void): void {
	const was = Konva.autoDrawEnabled;
	Konva.autoDrawEnabled = false;
	try {
		change();
	} finally {
		Konva.autoDrawEnabled = was;
	}
}

/** The op that one list has past the other, when the other is all of it but that op. */
function oneOpApart(a: readonly Op[], b: readonly Op[]): Op | undefined {
	const [shorter, longer] = a.length < b.length ? [a, b] : [b, a];
	if (longer.length !== shorter.length + 1) return undefined;
	return isPrefixOf({ ops: shorter, count: shorter.length }, longer) ? longer.at(-1) : undefined;
}

/**
 * A stroke's board box, padded by its size: its outline (crayon wobble included) stays within
 * half a size of its points. Null for an empty stroke.
 */
function strokeBox(op: StrokeOp): Box | null {
	const p = op.points;
	if (p.length < 2) return null;
	let box: Box = { x0: p[0] as number, y0: p[1] as number, x1: p[0] as number, y1: p[1] as number };
	for (let i = POINT_STRIDE; i + 1 < p.length; i += POINT_STRIDE) {
		const x = p[i] as number;
		const y = p[i + 1] as number;
		box = {
			x0: Math.min(box.x0, x),
			y0: Math.min(box.y0, y),
			x1: Math.max(box.x1, x),
			y1: Math.max(box.y1, y)
		};
	}
	const pad = op.size + 2;
	return { x0: box.x0 - pad, y0: box.y0 - pad, x1: box.x1 + pad, y1: box.y1 + pad };
}
