// The editor's download comes from the export raster kept in a worker as the child draws: it
// must be the picture the document describes, pixel for pixel as the export painted afresh
// from the document, including right after an undo (the raster never lags behind).
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { drag } from './board.ts';
import { open, waitForHydration } from './helpers.ts';
import { childWithEveryToolDrawing } from './saved-drawing.ts';

const TEMPLATE = `/objects/public/templates/${'cd'.repeat(32)}.png`;

interface Picture {
	data: Buffer;
	/** Which export painted it: 1 when it came from the raster. */
	raster: number;
}

async function download(page: Page): Promise<Picture> {
	await page.evaluate(() => performance.clearMarks('sprout:picture-export'));
	const [file] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Download picture' }).click()
	]);
	const png = await readFile((await file.path())!);
	const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
	expect([info.width, info.height]).toEqual([3200, 2400]);
	const raster = await page.evaluate(() => {
		const mark = performance.getEntriesByName('sprout:picture-export').at(-1) as
			PerformanceMark | undefined;
		return (mark?.detail as { raster?: number } | undefined)?.raster ?? 0;
	});
	return { data, raster };
}

/** Share of pixels that differ by more than `by` in any channel. */
function differing(a: Buffer, b: Buffer, by = 8): number {
	let count = 0;
	for (let i = 0; i < a.length; i += 3) {
		const d = Math.max(
			Math.abs(a[i]! - b[i]!),
			Math.abs(a[i + 1]! - b[i + 1]!),
			Math.abs(a[i + 2]! - b[i + 2]!)
		);
		if (d > by) count++;
	}
	return count / (a.length / 3);
}

async function openEditor(context: BrowserContext, drawingId: string): Promise<Page> {
	const page = await context.newPage();
	await open(page, `/studio/draw/${drawingId}`);
	await waitForHydration(page);
	await expect(page.getByRole('button', { name: 'Download picture' })).toBeEnabled();
	return page;
}

test('downloads come from the raster, match the picture painted afresh, and follow an undo at once', async ({
	browser
}) => {
	test.setTimeout(120_000);
	const { context, drawingId } = await childWithEveryToolDrawing(browser, 'Rae Raster', TEMPLATE);

	// Today's export, painted from the document: a page where OffscreenCanvas cannot encode
	// gets no raster and paints every op on its main thread.
	const plain = await context.newPage();
	await plain.addInitScript(() => {
		delete (OffscreenCanvas.prototype as unknown as Record<string, unknown>).convertToBlob;
	});
	await open(plain, `/studio/draw/${drawingId}`);
	await expect(plain.getByRole('button', { name: 'Download picture' })).toBeEnabled();
	const afresh = await download(plain);
	expect(afresh.raster).toBe(0);
	await plain.close();

	const page = await openEditor(context, drawingId);
	const first = await download(page);
	expect(first.raster).toBe(1);
	expect(differing(first.data, afresh.data)).toBe(0);

	// A stroke, then Undo and Download at once: the stroke must not be in the picture.
	await drag(page, [
		[200, 1000],
		[1400, 1000]
	]);
	await expect(page.getByRole('button', { name: 'Undo', exact: true })).toBeEnabled();
	await page.getByRole('button', { name: 'Undo', exact: true }).click();
	const undone = await download(page);
	expect(differing(undone.data, afresh.data)).toBe(0);

	// Clear and Undo (every op comes back): the raster starts again from blank, and the
	// download right after must still hold every op.
	await page.getByRole('button', { name: 'Clear', exact: true }).click();
	await page.getByRole('dialog').getByRole('button', { name: 'Clear', exact: true }).click();
	await page.getByRole('button', { name: 'Undo', exact: true }).click();
	const restored = await download(page);
	expect(differing(restored.data, afresh.data)).toBe(0);
	await context.close();
});
