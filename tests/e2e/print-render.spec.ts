// The print render (server, @napi-rs/canvas) against the browser's own export of the same
// document at the same size: both run the studio's paint code, so they may differ only where
// anti-aliasing, image smoothing and font rasterising differ.
import { expect, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { renderPrint } from '../../src/lib/server/print/print-render.ts';
import { open, waitForHydration } from './helpers.ts';
import { childWithEveryToolDrawing } from './saved-drawing.ts';

const TEMPLATE = `/objects/public/templates/${'ab'.repeat(32)}.png`;

test('the print render matches the browser export of a drawing that uses every tool', async ({
	browser
}) => {
	test.setTimeout(120_000);
	const { context, page, drawingId, json, pagePng } = await childWithEveryToolDrawing(
		browser,
		'Pia Print',
		TEMPLATE
	);

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
