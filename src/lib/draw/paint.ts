import type { FillOp, Op, ShapeOp, StampOp, StrokeOp, TextOp } from './document.ts';
import { compositeFill, floodFill, hexToRgba } from './flood-fill.ts';
import { findStamp, STAMP_BASE_SIZE, STAMP_GRID } from './stamps.ts';
import { strokePasses } from './stroke-geometry.ts';

export interface PixelsLike {
	data: Uint8ClampedArray;
	width: number;
	height: number;
}

/**
 * The slice of CanvasRenderingContext2D that painting needs. A real 2D context satisfies it;
 * tests pass a fake that records calls and holds pixels.
 */
export interface PaintContext {
	fillStyle: string | object;
	strokeStyle: string | object;
	lineWidth: number;
	lineCap: string;
	lineJoin: string;
	globalAlpha: number;
	globalCompositeOperation: string;
	font: string;
	textBaseline: string;
	save(): void;
	restore(): void;
	beginPath(): void;
	closePath(): void;
	moveTo(x: number, y: number): void;
	lineTo(x: number, y: number): void;
	rect(x: number, y: number, w: number, h: number): void;
	ellipse(
		x: number,
		y: number,
		rx: number,
		ry: number,
		rotation: number,
		start: number,
		end: number
	): void;
	fill(path?: Path2D): void;
	stroke(): void;
	translate(x: number, y: number): void;
	rotate(radians: number): void;
	scale(x: number, y: number): void;
	fillText(text: string, x: number, y: number): void;
	getImageData(x: number, y: number, w: number, h: number): PixelsLike;
	putImageData(
		pixels: PixelsLike,
		dx: number,
		dy: number,
		dirtyX: number,
		dirtyY: number,
		dirtyW: number,
		dirtyH: number
	): void;
}

export interface PaintEnv {
	/** Art-board size, in the context's (possibly scaled) user units. */
	width: number;
	height: number;
	/** Pixels per art-board pixel; the fill works on device pixels. */
	pixelRatio: number;
	/** `new Path2D(d)` in a browser; tests return a stand-in. */
	createPath(d: string): Path2D;
	/**
	 * A finished stroke's polygons as paths, if the renderer caches them: outlines are the
	 * costly part of repainting (undo, export), and a finished stroke's never changes.
	 */
	strokePaths?(op: StrokeOp): readonly StrokePath[];
	/**
	 * The colouring page's alpha at `width` × `height` device pixels, one byte per pixel, or
	 * null on blank paper: its lines stop the paint bucket.
	 */
	walls?(width: number, height: number): Uint8Array | null;
}

/** One polygon of a finished stroke, ready to fill. */
export interface StrokePath {
	path: Path2D;
	alpha: number;
}

export interface StrokePaintOptions {
	/** False while the stroke is still growing, so its end is not capped yet. */
	last?: boolean;
	/**
	 * The live layer sits above the bitmap and cannot erase it, so a live eraser stroke is
	 * painted in the paper colour instead; the bitmap is really erased on commit.
	 */
	eraserPreviewColor?: string;
	/** Cached polygons of the finished stroke (see `PaintEnv.strokePaths`). */
	paths?: (op: StrokeOp) => readonly StrokePath[];
}

/** CJK first, so Chinese labels render the same on every classroom PC that has the font. */
export const TEXT_FONT_FAMILY =
	'"Noto Sans SC", "Microsoft YaHei", "PingFang SC", "Hiragino Sans GB", sans-serif';
export const TEXT_LINE_HEIGHT = 1.25;

export function paintStroke(
	ctx: PaintContext,
	op: StrokeOp,
	options: StrokePaintOptions = {}
): void {
	const cached = (options.last ?? true) ? options.paths?.(op) : undefined;
	if (cached) return fillStrokePaths(ctx, op, cached, options.eraserPreviewColor);
	const erasing = op.tool === 'eraser';
	ctx.save();
	ctx.fillStyle = erasing ? (options.eraserPreviewColor ?? '#000000') : op.color;
	if (erasing && !options.eraserPreviewColor) ctx.globalCompositeOperation = 'destination-out';
	for (const pass of strokePasses(op, options.last ?? true)) {
		const [first, ...rest] = pass.outline;
		if (!first) continue;
		ctx.globalAlpha = op.opacity * pass.alpha;
		ctx.beginPath();
		ctx.moveTo(first[0], first[1]);
		for (const [x, y] of rest) ctx.lineTo(x, y);
		ctx.closePath();
		ctx.fill();
	}
	ctx.restore();
}

/** Fills a stroke's ready-made polygons (see `paintStroke` for `eraserPreviewColor`). */
export function fillStrokePaths(
	ctx: PaintContext,
	op: StrokeOp,
	paths: readonly StrokePath[],
	eraserPreviewColor?: string
): void {
	const erasing = op.tool === 'eraser';
	ctx.save();
	ctx.fillStyle = erasing ? (eraserPreviewColor ?? '#000000') : op.color;
	if (erasing && !eraserPreviewColor) ctx.globalCompositeOperation = 'destination-out';
	for (const pass of paths) {
		ctx.globalAlpha = op.opacity * pass.alpha;
		ctx.fill(pass.path);
	}
	ctx.restore();
}

function paintShape(ctx: PaintContext, op: ShapeOp): void {
	ctx.save();
	ctx.fillStyle = op.color;
	ctx.strokeStyle = op.color;
	ctx.lineWidth = op.size;
	ctx.lineCap = 'round';
	ctx.lineJoin = 'round';
	ctx.beginPath();
	const left = Math.min(op.x1, op.x2);
	const top = Math.min(op.y1, op.y2);
	const w = Math.abs(op.x2 - op.x1);
	const h = Math.abs(op.y2 - op.y1);
	if (op.shape === 'line') {
		ctx.moveTo(op.x1, op.y1);
		ctx.lineTo(op.x2, op.y2);
	} else if (op.shape === 'rect') {
		ctx.rect(left, top, w, h);
	} else {
		ctx.ellipse(left + w / 2, top + h / 2, w / 2, h / 2, 0, 0, Math.PI * 2);
	}
	if (op.filled && op.shape !== 'line') ctx.fill();
	else ctx.stroke();
	ctx.restore();
}

function paintStamp(ctx: PaintContext, op: StampOp, env: PaintEnv): void {
	const stamp = findStamp(op.stampId);
	if (!stamp) return;
	const unit = (STAMP_BASE_SIZE * op.scale) / STAMP_GRID;
	ctx.save();
	ctx.translate(op.x, op.y);
	ctx.rotate((op.rotation * Math.PI) / 180);
	ctx.scale(op.flipX ? -unit : unit, unit);
	ctx.translate(-STAMP_GRID / 2, -STAMP_GRID / 2);
	for (const path of stamp.paths) {
		ctx.fillStyle = path.fill;
		ctx.fill(env.createPath(path.d));
	}
	ctx.restore();
}

function paintText(ctx: PaintContext, op: TextOp): void {
	ctx.save();
	ctx.fillStyle = op.color;
	ctx.font = `${op.size}px ${TEXT_FONT_FAMILY}`;
	ctx.textBaseline = 'top';
	op.text.split('\n').forEach((line, i) => {
		ctx.fillText(line, op.x, op.y + i * op.size * TEXT_LINE_HEIGHT);
	});
	ctx.restore();
}

/**
 * Fills read the pixels painted so far, which is why ops must be painted in order and why
 * a fill is only ever replayed onto the same bitmap it was first computed on.
 */
function paintFill(ctx: PaintContext, op: FillOp, env: PaintEnv): void {
	const w = Math.round(env.width * env.pixelRatio);
	const h = Math.round(env.height * env.pixelRatio);
	const pixels = ctx.getImageData(0, 0, w, h);
	const x = op.x * env.pixelRatio;
	const y = op.y * env.pixelRatio;
	const mask = floodFill(pixels.data, w, h, x, y, op.tolerance, env.walls?.(w, h) ?? null);
	if (!mask) return;
	compositeFill(pixels.data, w, mask, hexToRgba(op.color));
	ctx.putImageData(pixels, 0, 0, mask.x, mask.y, mask.width, mask.height);
}

/** Paints one finished op onto a context whose transform maps art-board pixels. */
export function paintOp(ctx: PaintContext, op: Op, env: PaintEnv): void {
	switch (op.type) {
		case 'stroke':
			return paintStroke(ctx, op, env.strokePaths ? { paths: env.strokePaths } : {});
		case 'fill':
			return paintFill(ctx, op, env);
		case 'shape':
			return paintShape(ctx, op);
		case 'stamp':
			return paintStamp(ctx, op, env);
		case 'text':
			return paintText(ctx, op);
	}
}
