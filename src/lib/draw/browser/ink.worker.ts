/// <reference lib="webworker" />
/**
 * Draws the stroke in progress off the page's main thread, on a grid of tile canvases the page
 * handed over (`transferControlToOffscreen`). A frame of ink then costs the page nothing but
 * passing the new points on: no style, layout, paint or commit of the page, which on a slow
 * dual-core PC took most of every frame. Each frame redraws only the tiles where the stroke's
 * outline changed, so the compositor receives a few small canvases, not a screenful.
 *
 * Protocol (page → worker), see `worker-ink.ts`: tiles, begin, points, view, clear.
 */
import type { StrokeOp } from '../document.ts';
import { changedBox, intersects, outlinesBox, toDevice, type Tile } from '../ink-tiles.ts';
import { fillStrokePaths } from '../paint.ts';
import { toStrokePaths } from './stroke-paths.ts';
import { strokePasses, type StrokePass } from '../stroke-geometry.ts';
import type { InkMessage, InkTransform } from './worker-ink.ts';

interface TileCanvas extends Tile {
	ctx: OffscreenCanvasRenderingContext2D;
	hasInk: boolean;
}

/** Device pixels of anti-aliasing around an outline. */
const AA_PAD = 2;

const scope = self as unknown as DedicatedWorkerGlobalScope;

let tiles: TileCanvas[] = [];
let op: StrokeOp | null = null;
let points: number[] = [];
let m: InkTransform = { a: 1, d: 1, e: 0, f: 0 };
let paper = '#ffffff';
/** The outlines on screen now, to find what the next frame changes. */
let shown: StrokePass['outline'][] | null = null;

function clearTile(tile: TileCanvas): void {
	tile.ctx.setTransform(1, 0, 0, 1, 0, 0);
	tile.ctx.clearRect(0, 0, tile.w, tile.h);
	tile.hasInk = false;
}

/**
 * Draws at once: the page sends at most one batch of points per frame, and an OffscreenCanvas
 * drawn outside an animation frame is shown at the next one. Waiting for the worker's own
 * animation frame added most of a frame to every sample's way to the screen.
 */
function render(): void {
	if (!op) return;
	const stroke: StrokeOp = { ...op, points };
	const passes = strokePasses(stroke, false);
	const outlines = passes.map((pass) => pass.outline);
	// A fresh stroke or a new view redraws everything; otherwise only where the outline moved.
	const changed = shown ? changedBox(shown, outlines) : outlinesBox(outlines);
	shown = outlines;
	if (!changed) return;
	const dirty = toDevice(changed, m, AA_PAD);
	let paths: ReturnType<typeof toStrokePaths> | null = null;
	for (const tile of tiles) {
		if (!intersects(tile, dirty)) continue;
		paths ??= toStrokePaths(passes);
		clearTile(tile);
		tile.ctx.setTransform(m.a, 0, 0, m.d, m.e - tile.x, m.f - tile.y);
		fillStrokePaths(tile.ctx, stroke, paths, paper);
		tile.hasInk = true;
	}
}

/**
 * Touches every tile with an invisible draw. The first frame a tile sends after a pause makes
 * the page repaint (Chromium, measured: ~1.5 ms of the main thread each at 1×); taking them all
 * at the pen-down frame keeps them out of the stroke's frames.
 */
function warmUp(): void {
	for (const tile of tiles) {
		tile.ctx.setTransform(1, 0, 0, 1, 0, 0);
		tile.ctx.fillStyle = 'rgba(0, 0, 0, 0)';
		tile.ctx.fillRect(0, 0, 1, 1);
	}
}

/** Forgets the drawn outline so the next frame redraws the stroke on clean tiles. */
function restart(): void {
	for (const tile of tiles) if (tile.hasInk) clearTile(tile);
	shown = null;
}

scope.onmessage = (event: MessageEvent<InkMessage>) => {
	const message = event.data;
	switch (message.type) {
		case 'tiles':
			tiles = message.tiles.map(({ canvas, ...tile }) => {
				const ctx = canvas.getContext('2d');
				if (!ctx) throw new Error('2D canvas is not available in the worker');
				return { ...tile, ctx, hasInk: false };
			});
			shown = null;
			if (op) render();
			break;
		case 'begin':
			restart();
			op = message.op;
			points = message.op.points.slice();
			m = message.transform;
			paper = message.paper;
			warmUp();
			render();
			break;
		case 'points':
			if (!op) break;
			for (const value of message.points) points.push(value);
			render();
			break;
		case 'view':
			restart();
			m = message.transform;
			render();
			break;
		case 'clear':
			// Sent once the page hid the tiles: the committed stroke is on its bitmap by now.
			op = null;
			points = [];
			restart();
			scope.postMessage({ type: 'cleared' });
			break;
	}
};

scope.postMessage({ type: 'ready' });
