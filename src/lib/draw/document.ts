/**
 * The drawing document: the source of truth for rendering, replay, export and print. It is a
 * plain JSON value so it can be stored in IndexedDB, sent to the server and re-rendered at any
 * resolution. Pixels are never the source; they are derived from `ops`.
 */

export const DOCUMENT_VERSION = 2;

export const ART_BOARD = {
	landscape: { width: 1600, height: 1200 },
	portrait: { width: 1200, height: 1600 }
} as const;

export type Orientation = keyof typeof ART_BOARD;

export interface BoardSize {
	width: number;
	height: number;
}

/**
 * A contest's colouring page: line art with transparent paper, stored content-addressed and
 * served from our own origin (the canvas must be allowed to read its pixels for fills).
 */
export const TEMPLATE_PATH = /^\/objects\/public\/templates\/[a-f0-9]{64}\.png$/;

export type StrokeTool = 'pencil' | 'brush' | 'marker' | 'crayon' | 'eraser';
export type ShapeKind = 'line' | 'rect' | 'ellipse';

/** Values of one stroke sample, in the order they are stored in `StrokeOp.points`. */
export const POINT_STRIDE = 4;

export interface StrokeOp {
	type: 'stroke';
	/** Stable, unique within the document; commands and undo address ops by id. */
	id: string;
	/** Only changes the look; every stroke tool records the same data. */
	tool: StrokeTool;
	/** `#rrggbb`. Ignored by the eraser, kept so a replay can show what was picked. */
	color: string;
	/** Nominal diameter in art-board pixels at pressure 0.5. */
	size: number;
	/** 0–1, applied to the whole stroke so it never darkens where it overlaps itself. */
	opacity: number;
	/**
	 * Flat `[x, y, pressure, t, x, y, pressure, t, …]`: x/y in art-board pixels, pressure 0–1
	 * (real or simulated from speed), t in ms since the stroke's first sample (for replay). Flat
	 * numbers keep JSON small and avoid an object per sample.
	 */
	points: readonly number[];
}

export interface FillOp {
	type: 'fill';
	id: string;
	/** Seed pixel in art-board pixels; the region is recomputed from the pixels at replay. */
	x: number;
	y: number;
	color: string;
	/** 0–255 per-channel distance from the seed colour still counted as the same region. */
	tolerance: number;
}

export interface ShapeOp {
	type: 'shape';
	id: string;
	shape: ShapeKind;
	/** Drag start and end in art-board pixels; rect/ellipse use them as opposite corners. */
	x1: number;
	y1: number;
	x2: number;
	y2: number;
	color: string;
	/** Outline width in art-board pixels (ignored when `filled`, except for lines). */
	size: number;
	/** Filled interior instead of an outline; lines are always stroked. */
	filled: boolean;
}

export interface StampOp {
	type: 'stamp';
	id: string;
	/** Id in the built-in stamp set (`stamps.ts`); unknown ids are kept but draw nothing. */
	stampId: string;
	/** Centre of the stamp in art-board pixels. */
	x: number;
	y: number;
	/** 1 = `STAMP_BASE_SIZE` art-board pixels across. */
	scale: number;
	/** Degrees clockwise, normalised to [0, 360). */
	rotation: number;
	/** Mirrored horizontally before rotation. */
	flipX: boolean;
}

export interface TextOp {
	type: 'text';
	id: string;
	/** Top-left corner of the first line in art-board pixels. */
	x: number;
	y: number;
	/** Short label; newlines start new lines. */
	text: string;
	color: string;
	/** Font size in art-board pixels. */
	size: number;
}

export type Op = StrokeOp | FillOp | ShapeOp | StampOp | TextOp;

export interface DrawDocument {
	/** Bumped on any incompatible change; older versions are migrated on load. */
	version: typeof DOCUMENT_VERSION;
	/** Art-board size in pixels; the export is this size times the export scale. */
	width: number;
	height: number;
	/** Paper colour `#rrggbb`, drawn under everything; the eraser reveals it. */
	background: string;
	/**
	 * Path of the colouring page (`TEMPLATE_PATH`) drawn over everything, stretched to the
	 * board; its lines also stop the paint bucket. Absent on blank paper.
	 */
	template?: string;
	/** Painted in order, each over the previous ones. */
	ops: readonly Op[];
}

export function createDocument(
	board: Orientation | BoardSize = 'landscape',
	background = '#ffffff',
	template?: string
): DrawDocument {
	const { width, height } = typeof board === 'string' ? ART_BOARD[board] : board;
	return {
		version: DOCUMENT_VERSION,
		width,
		height,
		background,
		...(template ? { template } : {}),
		ops: []
	};
}

/** JSON of ops already serialized; ops are immutable, so an op's text never changes. */
const opJson = new WeakMap<Op, string>();

/**
 * `JSON.stringify(doc)` with `ops` last, but each op is stringified once in its life: a big
 * drawing is saved every second while the child draws, and re-serializing megabytes of old
 * strokes each time took frames from the ink.
 */
export function serializeDocument(doc: DrawDocument): string {
	return `${serializeHead(doc)}${serializeOps(doc.ops)}]}`;
}

/** The document's JSON up to its first op: `serializeHead + serializeOps + ']}'`. */
export function serializeHead(doc: DrawDocument): string {
	// An undefined member is left out, so `ops` comes last, written by the caller.
	return `${JSON.stringify({ ...doc, ops: undefined }).slice(0, -1)},"ops":[`;
}

/** Ops as the comma-separated middle of the document's `ops` array. */
export function serializeOps(ops: readonly Op[]): string {
	return ops
		.map((op) => {
			let text = opJson.get(op);
			if (text === undefined) opJson.set(op, (text = JSON.stringify(op)));
			return text;
		})
		.join(',');
}

/** Number of samples in a stroke (not the length of its flat array). */
export function pointCount(op: StrokeOp): number {
	return Math.floor(op.points.length / POINT_STRIDE);
}
