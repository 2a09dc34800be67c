// The print render (server, @napi-rs/canvas) against the browser's own export of the same
// document at the same size: both run the studio's paint code, so they may differ only where
// anti-aliasing, image smoothing and font rasterising differ.
import { expect, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { everyToolDocument } from '../../src/lib/draw/testing/every-tool.ts';
import { renderPrint } from '../../src/lib/server/print/print-render.ts';
import {
	createClass,
	newEnglishContext,
	open,
	signInChild,
	useAdult,
	waitForHydration
} from './helpers.ts';

const TEMPLATE = `/objects/public/templates/${'ab'.repeat(32)}.png`;

/** A colouring page as stored: black line art on transparent paper, twice the board size. */
function colouringPage(): Promise<Buffer> {
	const [w, h] = [3200, 2400];
	const px = Buffer.alloc(w * h * 4, 0);
	for (let y = 0; y < h; y++) {
		for (let x = 0; x < w; x++) {
			const r = Math.hypot(x - w / 2, y - h / 2);
			if (Math.abs(r - 700) < 10 || Math.abs(x - 2400) < 8) px[(y * w + x) * 4 + 3] = 255;
		}
	}
	return sharp(px, { raw: { width: w, height: h, channels: 4 } })
		.png()
		.toBuffer();
}

test('the print render matches the browser export of a drawing that uses every tool', async ({
	browser
}) => {
	test.setTimeout(120_000);
	const teacher = await newEnglishContext(browser);
	await useAdult(browser, teacher, 'teacher');
	const klass = await createClass(await teacher.newPage(), ['Pia Print']);
	await teacher.close();
	const child = klass.students[0]!;

	const pagePng = await colouringPage();
	const context = await newEnglishContext(browser, { acceptDownloads: true });
	// The colouring page is served as if a contest had it: page and export worker both fetch it.
	await context.route(`**${TEMPLATE}`, (route) =>
		route.fulfill({ status: 200, contentType: 'image/png', body: pagePng })
	);
	const page = await context.newPage();
	await signInChild(page, klass.code, child.pseudonym, child.pictures!);
	const doc = everyToolDocument(TEMPLATE);
	const json = JSON.stringify(doc);
	const drawingId = `print${Date.now().toString(36)}`;
	const status = await page.evaluate(
		async ({ id, text }) => {
			const body = new FormData();
			body.set('meta', JSON.stringify({ baseRevision: null, title: 'Every tool' }));
			body.set('doc', new Blob([text], { type: 'application/json' }), 'drawing.json');
			return (await fetch(`/studio/api/drawings/${id}`, { method: 'PUT', body })).status;
		},
		{ id: drawingId, text: json }
	);
	expect(status).toBe(200);

	await open(page, `/studio/draw/${drawingId}`);
	await waitForHydration(page);
	const button = page.getByRole('button', { name: 'Download picture' });
	await expect(button).toBeEnabled();
	const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
	const browserPng = await readFile((await download.path())!);

	const server = await renderPrint(json, { scale: 2, loadTemplate: async () => pagePng });
	const a = await sharp(browserPng).removeAlpha().raw().toBuffer({ resolveWithObject: true });
	const b = await sharp(server.png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
	expect([a.info.width, a.info.height]).toEqual([3200, 2400]);
	expect([b.info.width, b.info.height]).toEqual([3200, 2400]);
	let differing = 0;
	let total = 0;
	for (let i = 0; i < a.data.length; i += 3) {
		const d = Math.max(
			Math.abs(a.data[i]! - b.data[i]!),
			Math.abs(a.data[i + 1]! - b.data[i + 1]!),
			Math.abs(a.data[i + 2]! - b.data[i + 2]!)
		);
		total += d;
		if (d > 48) differing++;
	}
	const pixels = a.data.length / 3;
	const share = differing / pixels;
	const meanDiff = total / pixels;
	test.info().annotations.push({
		type: 'pixel-diff',
		description: `${(share * 100).toFixed(3)}% of pixels differ by more than 48; mean ${meanDiff.toFixed(3)}`
	});
	console.log(
		`[print-render] ${(share * 100).toFixed(3)}% pixels differ > 48, mean ${meanDiff.toFixed(3)}`
	);
	// Edges only: anti-aliasing and glyph rasterising, never a missing or moved op.
	expect(share).toBeLessThan(0.01);
	expect(meanDiff).toBeLessThan(2);
	await context.close();
});
