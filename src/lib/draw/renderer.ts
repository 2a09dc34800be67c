import type { DrawDocument, Op, StrokeOp } from './document.ts';

/** Screen placement of the art board: screen = board × scale + (x, y), in CSS pixels. */
export interface View {
	scale: number;
	x: number;
	y: number;
}

/**
 * What the editor needs from whatever draws the picture. The Konva implementation is the only
 * code that touches a canvas; tests use `testing/fake-renderer.ts`.
 *
 * Contract: finished ops live in one flattened bitmap; only the stroke in progress and the
 * shape/stamp/text being placed are drawn as vectors, so ink latency does not grow with the
 * number of strokes.
 */
export interface Renderer {
	/**
	 * Make the picture match `doc` (after undo, redo, clear, load, background change). The
	 * renderer reuses its bitmap or a checkpoint when `doc.ops` starts with ops it has painted.
	 */
	renderDocument(doc: DrawDocument): void;
	/** Paint one op appended to the document onto the bitmap. */
	commitOp(op: Op): void;
	beginLiveStroke(op: StrokeOp): void;
	/** Called at most once per animation frame by the editor's batching. */
	updateLiveStroke(op: StrokeOp): void;
	endLiveStroke(): void;
	/** The shape, stamp or text label being placed, or null to hide it. */
	showPreview(op: Op | null): void;
	setView(view: View): void;
	/** Art-board coordinates of a point given in CSS pixels relative to the container. */
	toBoardPoint(x: number, y: number): { x: number; y: number };
	/** `#rrggbb` of the composited picture (paper + ink), or null off the board. */
	sampleColor(x: number, y: number): string | null;
	/**
	 * A small JPEG data URL of paper and finished ops, at most `maxWidth` wide, for the draft
	 * list (the stroke in progress is left out).
	 */
	thumbnail(maxWidth: number): string | null;
	/**
	 * Re-renders the whole document at `scale` × art-board size onto a fresh canvas (off the
	 * main thread where the browser can), telling `onProgress` how far it got (0–1).
	 */
	exportPng(scale?: number, onProgress?: (fraction: number) => void): Promise<Blob>;
	destroy(): void;
}
