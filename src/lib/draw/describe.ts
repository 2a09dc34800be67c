/**
 * A text alternative of a picture, generated from its document: what is on the paper, where,
 * in which colours. A blind child hears what they made, and the exhibition's image
 * descriptions start from something true. Pure: the words come from the caller's catalog.
 */
import { POINT_STRIDE, type DrawDocument, type Op, type StrokeOp } from './document.ts';

/** The catalog lookup: `describe.*`, `draw.color.*` and `draw.stamp.*` keys. */
export type Translate = (key: string, params?: Record<string, string | number>) => string;

/** Named colours a child knows; any other colour is called by the nearest one. */
const NAMED_COLORS: readonly [hex: string, name: string][] = [
	['#222222', 'black'],
	['#8d8d8d', 'gray'],
	['#ffffff', 'white'],
	['#8d5a2b', 'brown'],
	['#e53935', 'red'],
	['#fb8c00', 'orange'],
	['#fdd835', 'yellow'],
	['#9ccc65', 'lightGreen'],
	['#2e7d32', 'green'],
	['#00897b', 'teal'],
	['#4fc3f7', 'sky'],
	['#1e88e5', 'blue'],
	['#283593', 'navy'],
	['#8e24aa', 'purple'],
	['#f48fb1', 'pink'],
	['#ffccbc', 'peach'],
	// The paper choices, so a cream or night paper is not called "peach" or "navy" by accident.
	['#fff8e1', 'white'],
	['#0d1b2a', 'black']
];

/** Listing more than this many of one kind stops helping; the rest is counted. */
const MAX_LISTED = 6;

function rgb(hex: string): [number, number, number] {
	const n = Number.parseInt(hex.slice(1, 7), 16);
	return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/**
 * Names already worked out, by hex: the picture's description names the colour of every stroke
 * after each change, and a big drawing has thousands of strokes in a handful of colours.
 * Working each out afresh took most of an undo's frame at 5,000 strokes.
 */
const namesByHex = new Map<string, string>();
/** Distinct colours remembered at most (a child's drawing has a few dozen). */
const NAME_CACHE_MAX = 512;

/** The catalog name (`black`, `lightGreen`…) of the named colour nearest to `hex`. */
export function colorName(hex: string): string {
	let name = namesByHex.get(hex);
	if (name === undefined) {
		name = nearestName(hex);
		if (namesByHex.size >= NAME_CACHE_MAX) namesByHex.clear();
		namesByHex.set(hex, name);
	}
	return name;
}

function nearestName(hex: string): string {
	const [r, g, b] = rgb(hex);
	let best = 'black';
	let bestDistance = Infinity;
	for (const [named, name] of NAMED_COLORS) {
		const [nr, ng, nb] = rgb(named);
		// Weighted like the eye: green differences show most, blue least.
		const distance = 2 * (r - nr) ** 2 + 4 * (g - ng) ** 2 + 3 * (b - nb) ** 2;
		if (distance < bestDistance) [best, bestDistance] = [name, distance];
	}
	return best;
}

export type Zone =
	| 'topLeft'
	| 'top'
	| 'topRight'
	| 'left'
	| 'middle'
	| 'right'
	| 'bottomLeft'
	| 'bottom'
	| 'bottomRight';

const ZONES: readonly Zone[][] = [
	['topLeft', 'top', 'topRight'],
	['left', 'middle', 'right'],
	['bottomLeft', 'bottom', 'bottomRight']
];

/** Which ninth of the paper a board point is in. */
export function zoneOf(x: number, y: number, board: { width: number; height: number }): Zone {
	const col = Math.min(2, Math.max(0, Math.floor((x / board.width) * 3)));
	const row = Math.min(2, Math.max(0, Math.floor((y / board.height) * 3)));
	return ZONES[row]![col]!;
}

/** Where an op sits: its centre in board pixels. */
export function centreOf(op: Op): { x: number; y: number } {
	switch (op.type) {
		case 'stroke':
			return strokeCentre(op);
		case 'shape':
			return { x: (op.x1 + op.x2) / 2, y: (op.y1 + op.y2) / 2 };
		case 'text':
			// The label grows right and down from its corner: half a line down, a few letters in.
			return { x: op.x + op.size * Math.min(4, [...op.text].length) * 0.5, y: op.y + op.size / 2 };
		default:
			return { x: op.x, y: op.y };
	}
}

function strokeCentre(op: StrokeOp): { x: number; y: number } {
	let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
	for (let i = 0; i + 1 < op.points.length; i += POINT_STRIDE) {
		const x = op.points[i]!;
		const y = op.points[i + 1]!;
		minX = Math.min(minX, x);
		maxX = Math.max(maxX, x);
		minY = Math.min(minY, y);
		maxY = Math.max(maxY, y);
	}
	return minX === Infinity ? { x: 0, y: 0 } : { x: (minX + maxX) / 2, y: (minY + maxY) / 2 };
}

function lower(text: string): string {
	// Catalog names start with a capital ("Sun"); mid-sentence they do not. No effect on Chinese.
	return text.charAt(0).toLowerCase() + text.slice(1);
}

function color(t: Translate, hex: string): string {
	return lower(t(`draw.color.${colorName(hex)}`));
}

function at(t: Translate, op: Op, board: DrawDocument): string {
	const { x, y } = centreOf(op);
	return t(`describe.at.${zoneOf(x, y, board)}`);
}

/** One op in a few words, with where it is ("a yellow box in the middle"). */
export function describeOp(op: Op, board: DrawDocument, t: Translate): string {
	const where = at(t, op, board);
	switch (op.type) {
		case 'stamp':
			return t('describe.sticker', { name: lower(t(`draw.stamp.${op.stampId}`)), at: where });
		case 'text':
			return t('describe.words', { text: op.text.trim(), at: where });
		case 'shape': {
			const kind = op.shape === 'line' ? 'line' : op.filled ? `${op.shape}Filled` : op.shape;
			return t(`describe.shape.${kind}`, { color: color(t, op.color), at: where });
		}
		case 'fill':
			return t('describe.fill', { color: color(t, op.color), at: where });
		case 'stroke':
			return t(op.tool === 'eraser' ? 'describe.erased' : 'describe.stroke', {
				color: color(t, op.color),
				at: where
			});
	}
}

/**
 * The colour most of these strokes use, weighted by the ink laid down. One pass with plain
 * arithmetic: it runs after every change of a drawing that may hold thousands of strokes.
 */
function mostly(strokes: readonly StrokeOp[]): string | null {
	const totals = new Map<string, number>();
	for (const op of strokes) {
		const name = colorName(op.color);
		totals.set(name, (totals.get(name) ?? 0) + op.points.length * op.size);
	}
	let best: string | null = null;
	for (const [name, total] of totals) if (best === null || total > totals.get(best)!) best = name;
	return best;
}

function listed(ops: readonly Op[], doc: DrawDocument, t: Translate): string {
	const items = ops.slice(0, MAX_LISTED).map((op) => describeOp(op, doc, t));
	if (ops.length > MAX_LISTED) items.push(t('describe.more', { count: ops.length - MAX_LISTED }));
	return items.join(t('describe.listSeparator'));
}

/**
 * The whole picture in one or two sentences: paper, filled areas, shapes, stickers, words,
 * then the freehand strokes counted with their main colour. Exact figures, never guesses
 * about what the strokes depict.
 */
export function describePicture(doc: DrawDocument, t: Translate): string {
	const parts: string[] = [
		t(doc.template ? 'describe.colouringPage' : 'describe.paper', {
			color: color(t, doc.background)
		})
	];
	if (doc.ops.length === 0)
		return capitalise(`${parts[0]}${t('describe.empty')}${t('describe.end')}`);
	// One pass over the ops (a big drawing has thousands), sorted by kind.
	const fills: Op[] = [];
	const shapes: Op[] = [];
	const stamps: Op[] = [];
	const texts: Op[] = [];
	const strokes: StrokeOp[] = [];
	let erased = 0;
	for (const op of doc.ops) {
		if (op.type === 'stroke') {
			if (op.tool === 'eraser') erased++;
			else strokes.push(op);
		} else if (op.type === 'fill') fills.push(op);
		else if (op.type === 'shape') shapes.push(op);
		else if (op.type === 'stamp') stamps.push(op);
		else texts.push(op);
	}
	if (fills.length > 0) parts.push(listed(fills, doc, t));
	if (shapes.length > 0) parts.push(listed(shapes, doc, t));
	if (stamps.length > 0) {
		const key = stamps.length === 1 ? 'describe.stickers.one' : 'describe.stickers.many';
		parts.push(t(key, { count: stamps.length, list: listed(stamps, doc, t) }));
	}
	if (texts.length > 0) parts.push(listed(texts, doc, t));
	if (strokes.length > 0) {
		const main = mostly(strokes);
		const key = strokes.length === 1 ? 'describe.strokes.one' : 'describe.strokes.many';
		parts.push(t(key, { count: strokes.length, color: lower(t(`draw.color.${main}`)) }));
	}
	if (erased > 0) {
		parts.push(
			t(erased === 1 ? 'describe.rubbedOut.one' : 'describe.rubbedOut.many', { count: erased })
		);
	}
	return capitalise(parts.join(t('describe.partSeparator')) + t('describe.end'));
}

function capitalise(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}
