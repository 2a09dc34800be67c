import {
	DOCUMENT_VERSION,
	POINT_STRIDE,
	TEMPLATE_PATH,
	type DrawDocument,
	type Op,
	type ShapeKind,
	type StrokeTool
} from './document.ts';
import { LIMITS } from './limits.ts';
import { migrateDocument, MIGRATIONS, type MigrationTable } from './migrations.ts';

export { LIMITS };

export type ParseFailure = 'corrupt' | 'future-version' | 'too-large';
export type ParseResult = { ok: true; doc: DrawDocument } | { ok: false; reason: ParseFailure };

class Invalid extends Error {
	reason: ParseFailure;
	constructor(reason: ParseFailure) {
		super(reason);
		this.reason = reason;
	}
}

const COLOR = /^#[0-9a-f]{6}$/i;
const ID = /^[A-Za-z0-9_-]{1,64}$/;
const STAMP_ID = /^[a-z0-9-]{1,64}$/;
const STROKE_TOOLS: readonly StrokeTool[] = ['pencil', 'brush', 'marker', 'crayon', 'eraser'];
const SHAPES: readonly ShapeKind[] = ['line', 'rect', 'ellipse'];
const DAY_MS = 86_400_000;

function fail(): never {
	throw new Invalid('corrupt');
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Finite number or corrupt: NaN/Infinity never reach the renderer. */
function num(value: unknown): number {
	if (typeof value !== 'number' || !Number.isFinite(value)) fail();
	return value;
}

function clamped(value: unknown, min: number, max: number): number {
	return Math.min(max, Math.max(min, num(value)));
}

function color(value: unknown): string {
	if (typeof value !== 'string' || !COLOR.test(value)) fail();
	return value.toLowerCase();
}

function bool(value: unknown): boolean {
	if (typeof value !== 'boolean') fail();
	return value;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[]): T {
	if (!allowed.includes(value as T)) fail();
	return value as T;
}

/** Size checks first, before touching any sample, so a huge stroke is refused in O(ops). */
function checkSize(ops: unknown[]): void {
	if (ops.length > LIMITS.maxOps) throw new Invalid('too-large');
	let total = 0;
	for (const op of ops) {
		if (!isRecord(op) || op.type !== 'stroke') continue;
		if (!Array.isArray(op.points)) fail();
		const samples = op.points.length / POINT_STRIDE;
		if (samples > LIMITS.maxStrokePoints) throw new Invalid('too-large');
		total += samples;
		if (total > LIMITS.maxTotalPoints) throw new Invalid('too-large');
	}
}

/** `value` if it is a number within [min, max]; clamped if finite; corrupt otherwise. */
function inRange(value: unknown, min: number, max: number): number {
	// One comparison pair for the common case: reopening a big drawing checks millions of these.
	if (typeof value === 'number' && value >= min && value <= max) return value;
	return clamped(value, min, max);
}

/**
 * Checks every sample. `owned` arrays (fresh from our own JSON.parse) are corrected in place,
 * which spares a big drawing a second copy of all its points; others are copied.
 */
function parsePoints(raw: unknown[], width: number, height: number, owned: boolean): number[] {
	if (raw.length % POINT_STRIDE !== 0) fail();
	const out = (owned ? raw : raw.slice()) as number[];
	// Coordinates a board-width off the edge are still plausible ink; beyond is nonsense.
	const [x0, x1, y0, y1] = [-width, 2 * width, -height, 2 * height];
	for (let i = 0; i < out.length; i += POINT_STRIDE) {
		out[i] = inRange(out[i], x0, x1);
		out[i + 1] = inRange(out[i + 1], y0, y1);
		out[i + 2] = inRange(out[i + 2], 0, 1);
		out[i + 3] = inRange(out[i + 3], 0, DAY_MS);
	}
	return out;
}

function parseOp(raw: unknown, width: number, height: number, owned: boolean): Op | null {
	if (!isRecord(raw)) fail();
	const id = raw.id;
	if (typeof id !== 'string' || !ID.test(id)) fail();
	const x = (v: unknown) => clamped(v, -width, 2 * width);
	const y = (v: unknown) => clamped(v, -height, 2 * height);
	switch (raw.type) {
		case 'stroke': {
			const points = parsePoints(raw.points as unknown[], width, height, owned);
			// An empty stroke draws nothing; dropping it is safer than inventing a point.
			if (points.length === 0) return null;
			return {
				type: 'stroke',
				id,
				tool: oneOf(raw.tool, STROKE_TOOLS),
				color: color(raw.color),
				size: clamped(raw.size, 0.5, 400),
				opacity: clamped(raw.opacity, 0, 1),
				points
			};
		}
		case 'fill':
			return {
				type: 'fill',
				id,
				x: clamped(raw.x, 0, width - 1),
				y: clamped(raw.y, 0, height - 1),
				color: color(raw.color),
				tolerance: Math.round(clamped(raw.tolerance, 0, 255))
			};
		case 'shape':
			return {
				type: 'shape',
				id,
				shape: oneOf(raw.shape, SHAPES),
				x1: x(raw.x1),
				y1: y(raw.y1),
				x2: x(raw.x2),
				y2: y(raw.y2),
				color: color(raw.color),
				size: clamped(raw.size, 0.5, 400),
				filled: bool(raw.filled)
			};
		case 'stamp': {
			if (typeof raw.stampId !== 'string' || !STAMP_ID.test(raw.stampId)) fail();
			const rotation = num(raw.rotation) % 360;
			return {
				type: 'stamp',
				id,
				stampId: raw.stampId,
				x: x(raw.x),
				y: y(raw.y),
				scale: clamped(raw.scale, 0.05, 20),
				rotation: rotation < 0 ? rotation + 360 : rotation,
				flipX: bool(raw.flipX)
			};
		}
		case 'text':
			if (typeof raw.text !== 'string') fail();
			return {
				type: 'text',
				id,
				x: x(raw.x),
				y: y(raw.y),
				text: raw.text.slice(0, LIMITS.maxTextLength),
				color: color(raw.color),
				size: clamped(raw.size, 4, 600)
			};
		default:
			return fail();
	}
}

function parseCurrent(raw: Record<string, unknown>, owned: boolean): DrawDocument {
	const { width, height } = raw;
	for (const side of [width, height]) {
		if (!Number.isInteger(side)) fail();
		if ((side as number) < LIMITS.minBoard || (side as number) > LIMITS.maxBoard) fail();
	}
	const w = width as number;
	const h = height as number;
	if (!Array.isArray(raw.ops)) fail();
	checkSize(raw.ops);
	const ids = new Set<string>();
	const ops: Op[] = [];
	for (const rawOp of raw.ops) {
		const op = parseOp(rawOp, w, h, owned);
		if (!op) continue;
		// Undo and removeOps address ops by id; duplicates would make them ambiguous.
		if (ids.has(op.id)) fail();
		ids.add(op.id);
		ops.push(op);
	}
	const template = raw.template;
	if (template !== undefined && (typeof template !== 'string' || !TEMPLATE_PATH.test(template)))
		fail();
	return {
		version: DOCUMENT_VERSION,
		width: w,
		height: h,
		background: color(raw.background),
		...(template === undefined ? {} : { template }),
		ops
	};
}

/**
 * Validates an untrusted document (from the server, IndexedDB or a file), upgrading older
 * versions first. Accepts a JSON string or an already-parsed value. Never throws.
 */
export function parseDocument(json: unknown, migrations: MigrationTable = MIGRATIONS): ParseResult {
	let value = json;
	const owned = typeof value === 'string';
	if (typeof value === 'string') {
		try {
			value = JSON.parse(value);
		} catch {
			return { ok: false, reason: 'corrupt' };
		}
	}
	if (!isRecord(value)) return { ok: false, reason: 'corrupt' };
	const migrated = migrateDocument(value, migrations);
	if (!migrated.ok) return migrated;
	try {
		// Parsed from a string here, every array in it (migrated or not) is ours to correct.
		return { ok: true, doc: parseCurrent(migrated.doc, owned) };
	} catch (error) {
		if (error instanceof Invalid) return { ok: false, reason: error.reason };
		return { ok: false, reason: 'corrupt' };
	}
}
