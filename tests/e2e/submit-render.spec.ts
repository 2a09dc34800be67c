import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import {
	createClass,
	newEnglishContext,
	open,
	openContest,
	signInChild,
	useAdult,
	waitForHydration
} from './helpers.ts';

/**
 * A big drawing is painted for its submission by the export worker, off the page's main
 * thread, and the PNG the server receives holds every stroke: each of 1,500 strokes sits in a
 * cell of its own, and every cell is checked.
 */

const COLS = 50;
const ROWS = 30;
const CELL = { w: 32, h: 40 };
const COLOURS = [
	[198, 40, 40],
	[21, 101, 192],
	[46, 125, 50]
] as const;
const PAPER = [255, 248, 225] as const;
const hex = (rgb: readonly number[]) =>
	`#${rgb.map((v) => v.toString(16).padStart(2, '0')).join('')}`;

/** 1,500 short brush strokes, one per cell, in three colours by index. */
function bigDocument() {
	const ops = [];
	for (let i = 0; i < COLS * ROWS; i++) {
		const cx = (i % COLS) * CELL.w + CELL.w / 2;
		const cy = Math.floor(i / COLS) * CELL.h + CELL.h / 2;
		const points = [];
		for (let k = 0; k < 5; k++) points.push(cx - 8 + k * 4, cy, 0.5, k * 16);
		ops.push({
			type: 'stroke',
			id: `s${i.toString(36)}`,
			tool: 'brush',
			color: hex(COLOURS[i % 3] as readonly number[]),
			size: 10,
			opacity: 1,
			points
		});
	}
	return { version: 2, width: 1600, height: 1200, background: hex(PAPER), ops };
}

declare global {
	interface Window {
		__sentImages?: Blob[];
	}
}

/**
 * Keeps every `image` a form sends (by XHR or fetch), so the test reads the exact PNG the
 * server received: Playwright exposes no multipart body holding a Blob.
 */
function keepSentImages() {
	window.__sentImages = [];
	const keep = (body: unknown) => {
		const image = body instanceof FormData ? body.get('image') : null;
		if (image instanceof Blob) window.__sentImages?.push(image);
	};
	const send = XMLHttpRequest.prototype.send;
	XMLHttpRequest.prototype.send = function (...args: Parameters<XMLHttpRequest['send']>) {
		keep(args[0]);
		return send.apply(this, args);
	};
	const fetch = window.fetch;
	window.fetch = (input, init) => {
		keep(init?.body);
		return fetch(input, init);
	};
}

test('a big drawing is painted off the main thread for its submission, every stroke in it', async ({
	browser
}) => {
	test.setTimeout(120_000);
	const contestTitle = `大画 ${Date.now().toString(36)}`;
	const admin = await newEnglishContext(browser);
	await useAdult(browser, admin, 'organizer');
	await openContest(await admin.newPage(), contestTitle);
	await admin.close();

	const teacher = await newEnglishContext(browser);
	await useAdult(browser, teacher, 'teacher');
	const klass = await createClass(await teacher.newPage(), ['Noa Big']);
	await teacher.close();
	const child = klass.students[0]!;

	const context = await newEnglishContext(browser);
	await context.addInitScript(keepSentImages);
	const page = await context.newPage();
	const workers: string[] = [];
	page.on('worker', (worker) => workers.push(worker.url()));
	await signInChild(page, klass.code, child.pseudonym, child.pictures!);

	// Saved to the server the way the studio does, without drawing 1,500 strokes by hand.
	const drawingId = `big${Date.now().toString(36)}`;
	const status = await page.evaluate(
		async ({ id, doc }) => {
			const body = new FormData();
			body.set('meta', JSON.stringify({ baseRevision: null, title: 'Many dots' }));
			body.set('doc', new Blob([doc], { type: 'application/json' }), 'drawing.json');
			const res = await fetch(`/studio/api/drawings/${id}`, { method: 'PUT', body });
			return res.status;
		},
		{ id: drawingId, doc: JSON.stringify(bigDocument()) }
	);
	expect(status).toBe(200);

	await open(page, `/studio/submit/${drawingId}`);
	await waitForHydration(page);
	await page.getByRole('radio', { name: new RegExp(contestTitle) }).check();
	await page.getByLabel('My age').selectOption({ label: '9 years old' });
	await page.getByLabel('Title of my artwork').fill('Many dots');
	await page.getByLabel('I confirm I made this artwork myself').check();
	await page.getByRole('button', { name: 'Send my artwork' }).click();
	await expect(page.getByText('Sent! Now waiting for your teacher.')).toBeVisible({
		timeout: 30_000
	});
	const png = Buffer.from(
		await page.evaluate(async () => {
			const image = window.__sentImages?.at(-1);
			return image ? [...new Uint8Array(await image.arrayBuffer())] : [];
		})
	);

	expect(workers.some((url) => /export\.worker/.test(url))).toBe(true);
	const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
	expect([info.width, info.height]).toEqual([1600, 1200]);
	const pixel = (x: number, y: number) => {
		const i = (y * info.width + x) * info.channels;
		return [data[i], data[i + 1], data[i + 2]];
	};
	const wrong: string[] = [];
	for (let i = 0; i < COLS * ROWS; i++) {
		const x = (i % COLS) * CELL.w + CELL.w / 2;
		const y = Math.floor(i / COLS) * CELL.h + CELL.h / 2;
		const want = COLOURS[i % 3] as readonly number[];
		if (pixel(x, y).join() !== want.join()) wrong.push(`stroke ${i}: ${pixel(x, y).join()}`);
	}
	expect(wrong).toEqual([]);
	// Between the strokes, the paper.
	expect(pixel(2, 2)).toEqual([...PAPER]);
	expect(pixel(1599, 1199)).toEqual([...PAPER]);
	await context.close();
});
