import { describe, expect, it } from 'vitest';
import {
	createDocument,
	DOCUMENT_VERSION,
	serializeDocument,
	type DrawDocument,
	type Op
} from './document.ts';
import { LIMITS, parseDocument } from './parse-document.ts';

const stroke = (id: string, points: number[] = [10, 10, 0.5, 0, 20, 20, 0.6, 16]): Op => ({
	type: 'stroke',
	id,
	tool: 'brush',
	color: '#112233',
	size: 8,
	opacity: 1,
	points
});

function sample(): DrawDocument {
	return {
		...createDocument(),
		ops: [
			stroke('s1'),
			{ type: 'fill', id: 'f1', x: 5, y: 6, color: '#00ff00', tolerance: 32 },
			{
				type: 'shape',
				id: 'r1',
				shape: 'rect',
				x1: 1,
				y1: 2,
				x2: 30,
				y2: 40,
				color: '#000000',
				size: 3,
				filled: true
			},
			{
				type: 'stamp',
				id: 't1',
				stampId: 'tree',
				x: 50,
				y: 60,
				scale: 1.5,
				rotation: 90,
				flipX: true
			},
			{ type: 'text', id: 'x1', x: 70, y: 80, text: '我的绿色生活', color: '#ff0000', size: 40 }
		]
	};
}

/** A valid document with one field replaced, as raw JSON-ish data. */
function withOp(op: object): Record<string, unknown> {
	return { ...createDocument(), ops: [op] };
}

describe('parseDocument', () => {
	it('accepts a valid document and round-trips it through serializeDocument', () => {
		const doc = sample();
		const result = parseDocument(serializeDocument(doc));
		expect(result).toEqual({ ok: true, doc });
	});

	it('serializes exactly like JSON.stringify, also for ops it has serialized before', () => {
		const doc = sample();
		expect(serializeDocument(createDocument())).toBe(JSON.stringify(createDocument()));
		expect(serializeDocument(doc)).toBe(JSON.stringify(doc));
		const more = { ...doc, ops: [...doc.ops, { ...(doc.ops[0] as Op), id: 'second' }] };
		expect(serializeDocument(more)).toBe(JSON.stringify(more));
	});

	it('keeps a colouring page of ours and refuses any other address for it', () => {
		const page = `/objects/public/templates/${'a1'.repeat(32)}.png`;
		const doc = createDocument({ width: 1697, height: 1200 }, '#ffffff', page);
		expect(parseDocument(serializeDocument(doc))).toEqual({ ok: true, doc });
		for (const bad of [
			'https://evil.example/x.png',
			'/objects/public/templates/../../private/x.png',
			`/objects/private/${'a1'.repeat(32)}.png`,
			42
		]) {
			expect(parseDocument({ ...doc, template: bad })).toEqual({ ok: false, reason: 'corrupt' });
		}
	});

	it('opens a version 1 drawing as blank paper of the current version', () => {
		const v1 = { version: 1, width: 1600, height: 1200, background: '#ffffff', ops: [] };
		expect(parseDocument(JSON.stringify(v1))).toEqual({ ok: true, doc: createDocument() });
	});

	it('accepts an already-parsed value as well as a string', () => {
		expect(parseDocument(sample())).toEqual({ ok: true, doc: sample() });
	});

	it.each([
		['not JSON', '{"version": 1,'],
		['null', null],
		['an array', [1, 2]],
		['a number', 42],
		['no version', { width: 1600, height: 1200, background: '#ffffff', ops: [] }],
		['a fractional version', { ...createDocument(), version: 0.5 }],
		['ops not an array', { ...createDocument(), ops: {} }],
		['a bad background', { ...createDocument(), background: 'url(evil)' }],
		['a zero width', { ...createDocument(), width: 0 }],
		['a fractional height', { ...createDocument(), height: 100.5 }],
		['an unknown op type', withOp({ type: 'laser', id: 'a' })],
		['an op without id', withOp({ ...stroke('a'), id: undefined })],
		['an id with odd characters', withOp({ ...stroke('a'), id: '../x' })],
		['an unknown stroke tool', withOp({ ...stroke('a'), tool: 'flamethrower' })],
		['points not in groups of four', withOp({ ...stroke('a', [1, 2, 0.5]) })],
		['a string in points', withOp({ ...stroke('a', [1, '2' as unknown as number, 0.5, 0]) })],
		['a non-boolean flag', withOp({ ...(sample().ops[2] as Op), filled: 'yes' })],
		['a bad stamp id', withOp({ ...(sample().ops[3] as Op), stampId: 'Tree!' })]
	])('refuses %s as corrupt', (_label, input) => {
		expect(parseDocument(input)).toEqual({ ok: false, reason: 'corrupt' });
	});

	it('refuses NaN and Infinity anywhere in an op', () => {
		for (const op of [
			stroke('a', [1, Number.NaN, 0.5, 0]),
			{ ...stroke('a'), size: Number.POSITIVE_INFINITY },
			{ ...(sample().ops[3] as Op), rotation: Number.NaN }
		]) {
			expect(parseDocument(withOp(op))).toEqual({ ok: false, reason: 'corrupt' });
		}
	});

	it('refuses duplicate op ids, which would make undo ambiguous', () => {
		const doc = { ...createDocument(), ops: [stroke('same'), stroke('same')] };
		expect(parseDocument(doc)).toEqual({ ok: false, reason: 'corrupt' });
	});

	it('reports a newer version as future-version, not corrupt', () => {
		const doc = {
			...sample(),
			version: DOCUMENT_VERSION + 1,
			ops: [{ type: 'hologram', id: 'h' }]
		};
		expect(parseDocument(doc)).toEqual({ ok: false, reason: 'future-version' });
	});

	it('clamps out-of-range values instead of refusing the drawing', () => {
		const result = parseDocument({
			...createDocument(),
			ops: [
				{ ...stroke('a', [-99999, 99999, 7, -5]), opacity: 3, size: 10000 },
				{ type: 'fill', id: 'f', x: 5000, y: -3, color: '#ABCDEF', tolerance: 999.4 },
				{ ...(sample().ops[3] as Op), rotation: -90, scale: 0 }
			]
		});
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		const [s, f, t] = result.doc.ops;
		expect(s).toMatchObject({ opacity: 1, size: 400, points: [-1600, 2400, 1, 0] });
		expect(f).toMatchObject({ x: 1599, y: 0, color: '#abcdef', tolerance: 255 });
		expect(t).toMatchObject({ rotation: 270, scale: 0.05 });
	});

	it('drops empty strokes and truncates over-long text', () => {
		const result = parseDocument({
			...createDocument(),
			ops: [stroke('empty', []), { ...(sample().ops[4] as Op), text: 'a'.repeat(2000) }]
		});
		expect(result.ok && result.doc.ops.map((op) => op.id)).toEqual(['x1']);
		expect(result.ok && result.doc.ops[0]?.type === 'text' && result.doc.ops[0].text.length).toBe(
			LIMITS.maxTextLength
		);
	});

	it('refuses more than the maximum number of ops as too-large', () => {
		const ops = Array.from({ length: LIMITS.maxOps + 1 }, (_, i) => stroke(`s${i}`));
		expect(parseDocument({ ...createDocument(), ops })).toEqual({ ok: false, reason: 'too-large' });
	});

	it('refuses a million-point stroke quickly, without walking its points', () => {
		const points = new Array<number>(1_000_000 * 4).fill(1);
		const started = performance.now();
		const result = parseDocument({ ...createDocument(), ops: [stroke('huge', points)] });
		expect(result).toEqual({ ok: false, reason: 'too-large' });
		expect(performance.now() - started).toBeLessThan(20);
	});

	it('refuses a document whose strokes together exceed the total point budget', () => {
		const points = new Array<number>(90_000 * 4).fill(1);
		const ops = Array.from({ length: 60 }, (_, i) => stroke(`s${i}`, points));
		expect(parseDocument({ ...createDocument(), ops })).toEqual({ ok: false, reason: 'too-large' });
	});

	it('accepts a stroke right at the per-stroke limit', () => {
		const points = new Array<number>(LIMITS.maxStrokePoints * 4).fill(1);
		const result = parseDocument({ ...createDocument(), ops: [stroke('big', points)] });
		expect(result.ok).toBe(true);
	});
});
