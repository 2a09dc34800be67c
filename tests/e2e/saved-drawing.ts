// A drawing put on the server the way the studio saves it, and a colouring page to serve as if
// a contest had it: for tests that compare renders of a known document.
import { expect, type Browser, type Page } from '@playwright/test';
import sharp from 'sharp';
import { everyToolDocument } from '../../src/lib/draw/testing/every-tool.ts';
import { createClass, newEnglishContext, signInChild, useAdult } from './helpers.ts';

/** A colouring page as stored: black line art on transparent paper, twice the board size. */
export function colouringPage(): Promise<Buffer> {
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

/** PUTs `json` as drawing `id` of the child signed in on `page` (the studio's own API). */
export async function putDrawing(page: Page, id: string, json: string, title: string) {
	const status = await page.evaluate(
		async ({ id, text, title }) => {
			const body = new FormData();
			body.set('meta', JSON.stringify({ baseRevision: null, title }));
			body.set('doc', new Blob([text], { type: 'application/json' }), 'drawing.json');
			return (await fetch(`/studio/api/drawings/${id}`, { method: 'PUT', body })).status;
		},
		{ id, text: json, title }
	);
	expect(status).toBe(200);
}

/**
 * A new class's child, signed in (downloads accepted), with a drawing on the server that uses
 * every tool on a colouring page at `template`, which the context serves as a contest would.
 */
export async function childWithEveryToolDrawing(browser: Browser, name: string, template: string) {
	const teacher = await newEnglishContext(browser);
	await useAdult(browser, teacher, 'teacher');
	const klass = await createClass(await teacher.newPage(), [name]);
	await teacher.close();
	const child = klass.students[0]!;
	const pagePng = await colouringPage();
	const context = await newEnglishContext(browser, { acceptDownloads: true });
	// Page and workers alike fetch the colouring page.
	await context.route(`**${template}`, (route) =>
		route.fulfill({ status: 200, contentType: 'image/png', body: pagePng })
	);
	const page = await context.newPage();
	await signInChild(page, klass.code, child.pseudonym, child.pictures!);
	const json = JSON.stringify(everyToolDocument(template));
	const drawingId = `every${Date.now().toString(36)}`;
	await putDrawing(page, drawingId, json, 'Every tool');
	return { context, page, drawingId, json, pagePng };
}
