import { expect, test, type APIRequestContext } from '@playwright/test';
import sharp from 'sharp';
import { createDocument, serializeDocument } from '../../src/lib/draw/document.ts';
import { drag, tool } from './board.ts';
import {
	BASE_URL,
	open,
	createClass,
	newEnglishContext,
	signInChild,
	useAdult,
	type CreatedClass
} from './helpers.ts';
import { base32 } from './db-rows.ts';

/**
 * Issue 10, items 2 and 7, against the built server: a forged studio save's thumbnail is
 * re-encoded or dropped (the drawing is saved either way), and a child cannot create drawings
 * without limit. Uses its own class, so the demo children stay untouched.
 */
const DOC = serializeDocument(createDocument('landscape'));
const HEADERS = { origin: BASE_URL, 'accept-language': 'en' };

let klass: CreatedClass;
/** Fresh per attempt: a retry's new children cannot write to drawings the first attempt made. */
let run = '';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ browser }) => {
	run = base32(6);
	const context = await newEnglishContext(browser);
	await useAdult(browser, context, 'teacher');
	klass = await createClass(await context.newPage(), ['Quinn Quota', 'Tess Thumb']);
	await context.close();
});

async function childRequest(browser: import('@playwright/test').Browser, index: number) {
	const context = await newEnglishContext(browser);
	const page = await context.newPage();
	const child = klass.students[index]!;
	await signInChild(page, klass.code, child.pseudonym, child.pictures!);
	return { context, page, request: page.request };
}

function put(
	request: APIRequestContext,
	id: string,
	thumb?: Buffer,
	baseRevision: number | null = null
) {
	return request.put(`/studio/api/drawings/${id}`, {
		multipart: {
			meta: JSON.stringify({ baseRevision, title: 'Forest' }),
			doc: { name: 'drawing.json', mimeType: 'application/json', buffer: Buffer.from(DOC) },
			...(thumb ? { thumb: { name: 'thumb', mimeType: 'image/jpeg', buffer: thumb } } : {})
		},
		headers: HEADERS
	});
}

test('a forged thumbnail is re-encoded without metadata, or dropped while the drawing saves', async ({
	browser
}) => {
	const { context, request } = await childRequest(browser, 1);
	const gps = await sharp({
		create: { width: 320, height: 240, channels: 3, background: '#1565c0' }
	})
		.jpeg()
		.withMetadata({ orientation: 6 })
		.withExifMerge({
			IFD0: { Make: 'KidCam' },
			IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '31/1 14/1 0/1' }
		})
		.toBuffer();
	const saved = await put(request, `thumbexif${run}`, gps);
	expect(saved.status()).toBe(200);
	expect(await saved.json()).toMatchObject({ revision: 1 });
	const thumb = await request.get(`/studio/api/drawings/thumbexif${run}/thumb`);
	expect(thumb.status()).toBe(200);
	expect(thumb.headers()['content-type']).toBe('image/webp');
	expect(thumb.headers()['x-content-type-options']).toBe('nosniff');
	const body = await thumb.body();
	const meta = await sharp(body).metadata();
	expect(meta).toMatchObject({ format: 'webp', width: 240, height: 320 });
	expect(meta.exif).toBeUndefined();
	expect(body.includes(Buffer.from('KidCam'))).toBe(false);

	// A 60000×60000 header: the save goes through, the preview is refused and not stored.
	const bomb = Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		Buffer.from('0000000d49484452', 'hex'),
		Buffer.from([0, 0, 0xea, 0x60, 0, 0, 0xea, 0x60, 8, 2, 0, 0, 0]),
		Buffer.alloc(4)
	]);
	const bombed = await put(request, `thumbbomb${run}`, bomb);
	expect(bombed.status()).toBe(200);
	expect(await bombed.json()).toMatchObject({ revision: 1, thumbnail: 'refused' });
	expect((await request.get(`/studio/api/drawings/thumbbomb${run}`)).status()).toBe(200);
	expect((await request.get(`/studio/api/drawings/thumbbomb${run}/thumb`)).status()).toBe(404);
	await context.close();
});

test('new drawings are rate-limited per child with a clear message', async ({ browser }) => {
	const { context, page, request } = await childRequest(browser, 0);
	const statuses: number[] = [];
	for (let i = 0; i < 31; i++) statuses.push((await put(request, `burst${run}${i}`)).status());
	expect(statuses.slice(0, 30)).toEqual(Array(30).fill(200));
	expect(statuses[30]).toBe(429);
	const refused = await put(request, `burst${run}x`);
	expect(refused.status()).toBe(429);
	expect(await refused.json()).toEqual({ error: 'security.quota.rate' });
	// Saving a drawing that already exists is not creating one: still fine.
	expect((await put(request, `burst${run}0`, undefined, 1)).status()).toBe(200);

	// In the studio, a new drawing made now shows the message and stays on this computer.
	await open(page, '/studio');
	await page.getByRole('link', { name: 'New drawing' }).click();
	await expect(page).toHaveURL(/\/studio\/draw\/[a-z0-9]+$/);
	await expect(page.getByRole('button', { name: 'Pencil', exact: true })).toBeEnabled();
	await tool(page, 'Pencil');
	await drag(page, [
		[300, 250],
		[700, 250]
	]);
	await expect(page.getByRole('alert')).toContainText(
		'You are starting new drawings very fast! Wait a minute and try again. This drawing is still safe on this computer.',
		{ timeout: 15_000 }
	);
	await expect(page.locator('header.topbar').getByRole('status')).toHaveText(
		'Saved on this computer'
	);
	await context.close();
});
