import { describe, expect, it, vi } from 'vitest';
import {
	createDocument,
	serializeDocument,
	serializeHead,
	serializeOps,
	type Op,
	type StrokeOp
} from './document.ts';
import {
	isExportReply,
	isExportRequest,
	RequestAssembler,
	runExport,
	type ExportDeps,
	type ExportReply,
	type ExportRequest
} from './export-job.ts';
import type { PictureContext, PictureOverlay } from './picture.ts';
import { FakeContext } from './testing/fake-context.ts';

/** A fake canvas: its context records calls, including the two composing needs. */
class FakeCanvas {
	ctx: FakeContext & PictureContext<FakeCanvas>;
	released = false;
	readonly name: string;
	readonly width: number;
	readonly height: number;

	constructor(name: string, width: number, height: number) {
		this.name = name;
		this.width = width;
		this.height = height;
		const ctx = new FakeContext(width, height) as FakeContext & PictureContext<FakeCanvas>;
		ctx.fillRect = (...args: unknown[]) => ctx.calls.push(call('fillRect', args, ctx));
		ctx.drawImage = (...args: unknown[]) => ctx.calls.push(call('drawImage', args, ctx));
		this.ctx = ctx;
	}
}

function call(method: string, args: unknown[], ctx: FakeContext) {
	const { fillStyle, globalAlpha, globalCompositeOperation } = ctx;
	return { method, args, state: { fillStyle, globalAlpha, globalCompositeOperation } };
}

function fakeDeps(overrides: Partial<ExportDeps<FakeCanvas>> = {}) {
	const canvases: FakeCanvas[] = [];
	const deps: ExportDeps<FakeCanvas> = {
		surface: {
			create: (w, h) => {
				const canvas = new FakeCanvas(canvases.length === 0 ? 'ink' : 'out', w, h);
				canvases.push(canvas);
				return { canvas, ctx: canvas.ctx };
			},
			release: (canvas) => {
				canvas.released = true;
			}
		},
		createPath: (d) => ({ d }) as unknown as Path2D,
		loadPage: () => Promise.reject(new Error('no page in this test')),
		encode: async (canvas) => new Blob([canvas.name], { type: 'image/png' }),
		...overrides
	};
	return { deps, canvases };
}

const stroke = (i: number): StrokeOp => ({
	type: 'stroke',
	id: `s${i}`,
	tool: 'brush',
	color: '#2e7d32',
	size: 6,
	opacity: 1,
	points: [10, 10, 0.5, 0, 40, 30, 0.5, 16, 60, 20, 0.5, 32]
});

function request(ops: Op[], extra: Partial<ExportRequest> = {}, template?: string): ExportRequest {
	const doc = { ...createDocument({ width: 80, height: 60 }, '#fff8e1', template), ops };
	return { type: 'render', id: 7, json: serializeDocument(doc), scale: 2, ...extra };
}

async function run(req: ExportRequest, deps: ExportDeps<FakeCanvas>): Promise<ExportReply[]> {
	const replies: ExportReply[] = [];
	await runExport(req, deps, (reply) => replies.push(reply));
	return replies;
}

const TEMPLATE = `/objects/public/templates/${'a'.repeat(64)}.png`;

describe('isExportRequest', () => {
	it('accepts a render request and refuses anything else', () => {
		const ok = { type: 'render', id: 1, json: '{}', scale: 2 };
		expect(isExportRequest(ok)).toBe(true);
		expect(isExportRequest({ ...ok, type: 'paint' })).toBe(false);
		expect(isExportRequest({ ...ok, id: 1.5 })).toBe(false);
		expect(isExportRequest({ ...ok, json: {} })).toBe(false);
		expect(isExportRequest({ ...ok, scale: 0 })).toBe(false);
		expect(isExportRequest({ ...ok, scale: 5 })).toBe(false);
		expect(isExportRequest({ ...ok, scale: Number.NaN })).toBe(false);
		expect(isExportRequest(null)).toBe(false);
		expect(isExportRequest('render')).toBe(false);
		expect(isExportRequest({ ...ok, band: { index: 1, count: 2 } })).toBe(true);
		expect(isExportRequest({ ...ok, band: { index: 2, count: 2 } })).toBe(false);
		expect(isExportRequest({ ...ok, band: { index: -1, count: 2 } })).toBe(false);
		expect(isExportRequest({ ...ok, band: { index: 0, count: 9 } })).toBe(false);
		expect(isExportRequest({ ...ok, band: '0/2' })).toBe(false);
	});
});

describe('isExportReply', () => {
	it('knows the three replies and nothing else', () => {
		expect(isExportReply({ type: 'progress', id: 1, done: 250, total: 500 })).toBe(true);
		expect(isExportReply({ type: 'done', id: 1, blob: new Blob([]) })).toBe(true);
		expect(isExportReply({ type: 'error', id: 1, reason: 'corrupt' })).toBe(true);
		expect(isExportReply({ type: 'done', id: 1, blob: 'png' })).toBe(false);
		expect(isExportReply({ type: 'progress', id: 'x', done: 1, total: 1 })).toBe(false);
		expect(isExportReply({ type: 'ready' })).toBe(false);
		expect(isExportReply(undefined)).toBe(false);
	});
});

describe('RequestAssembler', () => {
	it('joins a document sent in slices back into the JSON of the whole', () => {
		const doc = { ...createDocument('portrait', '#e3f2fd'), ops: [0, 1, 2, 3, 4].map(stroke) };
		const requests = new RequestAssembler();
		const slices = [
			serializeHead(doc),
			serializeOps(doc.ops.slice(0, 2)),
			`,${serializeOps(doc.ops.slice(2))}`
		];
		for (const text of slices) expect(requests.take({ type: 'part', id: 4, text })).toBeNull();
		// Another export's parts and stray messages do not mix in.
		expect(requests.take({ type: 'part', id: 5, text: 'other' })).toBeNull();
		expect(requests.take({ type: 'ready' })).toBeNull();
		const request = requests.take({ type: 'render', id: 4, json: ']}', scale: 1 });
		expect(request?.json).toBe(serializeDocument(doc));
		// A request sent whole stays as it is.
		expect(requests.take({ type: 'render', id: 6, json: '{}', scale: 1 })?.json).toBe('{}');
	});
});

describe('runExport', () => {
	it('paints every op at the asked scale, reports progress, then sends the PNG', async () => {
		const { deps, canvases } = fakeDeps();
		const ops = Array.from({ length: 600 }, (_, i) => stroke(i));
		const replies = await run(request(ops), deps);

		expect(replies.filter((r) => r.type === 'progress')).toEqual([
			{ type: 'progress', id: 7, done: 250, total: 600 },
			{ type: 'progress', id: 7, done: 500, total: 600 },
			{ type: 'progress', id: 7, done: 600, total: 600 }
		]);
		const last = replies.at(-1);
		expect(last?.type).toBe('done');
		expect(last?.type === 'done' && (await last.blob.text())).toBe('out');

		const [ink, out] = canvases as [FakeCanvas, FakeCanvas];
		expect([ink.width, ink.height, out.width, out.height]).toEqual([160, 120, 160, 120]);
		expect(ink.ctx.named('scale')[0]?.args).toEqual([2, 2]);
		expect(ink.ctx.named('fill')).toHaveLength(600);
		expect(ink.released).toBe(true);
		// Paper first, then the ink over it.
		expect(out.ctx.calls.map((c) => c.method)).toEqual(['fillRect', 'drawImage']);
		expect(out.ctx.named('fillRect')[0]?.state.fillStyle).toBe('#fff8e1');
		expect(out.ctx.named('drawImage')[0]?.args[0]).toBe(ink);
	});

	it('answers a broken document with an error and paints nothing', async () => {
		const { deps, canvases } = fakeDeps();
		const replies = await run({ type: 'render', id: 3, json: '{"ops": [', scale: 1 }, deps);
		expect(replies).toEqual([{ type: 'error', id: 3, reason: 'corrupt' }]);
		expect(canvases).toHaveLength(0);
	});

	it('draws the colouring page over the picture and lets its lines stop the bucket', async () => {
		const walls = vi.fn((w: number, h: number) => new Uint8Array(w * h).fill(255));
		const drawOver = vi.fn();
		const page: PictureOverlay<FakeCanvas> = { walls, drawOver };
		const loadPage = vi.fn(async () => page);
		const { deps, canvases } = fakeDeps({ loadPage });
		const fill: Op = { type: 'fill', id: 'f', x: 5, y: 5, color: '#ff0000', tolerance: 32 };
		const replies = await run(request([stroke(0), fill], { scale: 1 }, TEMPLATE), deps);

		expect(loadPage).toHaveBeenCalledWith(TEMPLATE);
		expect(walls).toHaveBeenCalledWith(80, 60);
		// A tap on the page's lines fills nothing.
		expect(canvases[0]?.ctx.named('putImageData')).toHaveLength(0);
		expect(drawOver).toHaveBeenCalledWith(canvases[1]?.ctx, 80, 60);
		expect(replies.at(-1)?.type).toBe('done');
	});

	it('never sends a picture without its colouring page', async () => {
		const encode = vi.fn(async () => new Blob([]));
		const { deps } = fakeDeps({ encode });
		const replies = await run(request([stroke(0)], {}, TEMPLATE), deps);
		expect(replies).toEqual([{ type: 'error', id: 7, reason: 'page' }]);
		expect(encode).not.toHaveBeenCalled();
	});

	it('reports a failed encoding as an error instead of throwing', async () => {
		const { deps } = fakeDeps({ encode: () => Promise.reject(new Error('out of memory')) });
		const replies = await run(request([stroke(0)]), deps);
		expect(replies.at(-1)).toEqual({ type: 'error', id: 7, reason: 'render' });
	});
});

/** A stroke along board row `y`, from x 10 to 70. */
const row = (i: number, y: number): StrokeOp => ({
	...stroke(i),
	points: [10, y, 0.5, 0, 40, y, 0.5, 16, 70, y, 0.5, 32]
});

describe('runExport in bands', () => {
	/** Two bands of one picture, the way two workers and their channel run them. */
	async function twoBands(ops: Op[], template?: string) {
		let handed: { canvas: FakeCanvas; top: number } | null = null;
		const bands = (): NonNullable<ExportDeps<FakeCanvas>['bands']> => ({
			flush: (canvas) => canvas,
			send: (canvas, top) => {
				handed = { canvas, top };
			},
			receive: async (count) => {
				expect(count).toBe(1);
				return handed ? [handed] : [];
			}
		});
		const helper = fakeDeps();
		const helperReplies = await run(request(ops, { band: { index: 1, count: 2 } }, template), {
			...helper.deps,
			bands: bands()
		});
		const page: PictureOverlay<FakeCanvas> = { walls: vi.fn(), drawOver: vi.fn() };
		const lead = fakeDeps({ loadPage: async () => page });
		const leadReplies = await run(request(ops, { band: { index: 0, count: 2 } }, template), {
			...lead.deps,
			bands: bands()
		});
		return { helper, helperReplies, lead, leadReplies, page };
	}

	it('paints each band with only the strokes that reach it, and the first band puts them together', async () => {
		// Board 80 × 60 at scale 2: band 0 is device rows 0–59, band 1 rows 60–119.
		const ops = [row(0, 5), row(1, 55), row(2, 30), row(3, 10)];
		const { helper, helperReplies, lead, leadReplies, page } = await twoBands(ops, TEMPLATE);

		const [helperInk] = helper.canvases as [FakeCanvas];
		expect([helperInk.width, helperInk.height]).toEqual([160, 60]);
		expect(helperInk.ctx.named('translate')[0]?.args).toEqual([0, -60]);
		// Band 1 (board rows 30–60) gets the strokes at rows 55 and 30, not those at 5 and 10.
		expect(helperInk.ctx.named('fill')).toHaveLength(2);
		expect(helper.canvases).toHaveLength(1);
		// The helper never encodes and never says done: band 0 does.
		expect(helperReplies.map((r) => r.type)).toEqual(['progress']);

		const [leadInk, out] = lead.canvases as [FakeCanvas, FakeCanvas];
		expect(leadInk.ctx.named('fill')).toHaveLength(3);
		expect([out.width, out.height]).toEqual([160, 120]);
		expect(out.ctx.calls.map((c) => c.method)).toEqual(['fillRect', 'drawImage', 'drawImage']);
		expect(out.ctx.named('drawImage').map((c) => c.args)).toEqual([
			[leadInk, 0, 0],
			[helperInk, 0, 60]
		]);
		expect(page.drawOver).toHaveBeenCalledWith(out.ctx, 160, 120);
		expect([leadInk.released, helperInk.released]).toEqual([true, true]);
		const done = leadReplies.at(-1);
		expect(done?.type).toBe('done');
		expect(done?.type === 'done' && Object.keys(done.timings ?? {})).toEqual([
			'parse',
			'paint',
			'gather',
			'encode'
		]);
	});

	it('reports each band’s progress as it paints', async () => {
		const ops = Array.from({ length: 600 }, (_, i) => row(i, 5 + (i % 50)));
		const { helperReplies } = await twoBands(ops);
		expect(helperReplies).toEqual([
			{ type: 'progress', id: 7, done: 250, total: 600 },
			{ type: 'progress', id: 7, done: 500, total: 600 },
			{ type: 'progress', id: 7, done: 600, total: 600 }
		]);
	});

	it('refuses a drawing with fills in bands, so the page paints it whole', async () => {
		const fill: Op = { type: 'fill', id: 'f', x: 5, y: 5, color: '#ff0000', tolerance: 32 };
		const { helperReplies, leadReplies, lead } = await twoBands([stroke(0), fill]);
		expect(helperReplies).toEqual([{ type: 'error', id: 7, reason: 'bands' }]);
		expect(leadReplies).toEqual([{ type: 'error', id: 7, reason: 'bands' }]);
		expect(lead.canvases).toHaveLength(0);
	});
});
