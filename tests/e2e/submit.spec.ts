import { expect, test } from '@playwright/test';
import http from 'node:http';
import sharp from 'sharp';
import {
	BASE_URL,
	createClass,
	drawAndSave,
	newEnglishContext,
	open,
	openContest,
	signInChild,
	useAdult
} from './helpers.ts';

/**
 * A child enters a studio drawing into a contest an organizer opened, sees it wait for the
 * teacher, and its thumbnail (made by the background job) loads through the media route.
 */

test('a child submits a drawing, sees it wait for the teacher, and its thumbnail loads', async ({
	browser
}) => {
	test.setTimeout(90_000);
	const contestTitle = `绿色森林 ${Date.now().toString(36)}`;
	const admin = await newEnglishContext(browser);
	await useAdult(browser, admin, 'organizer');
	await openContest(await admin.newPage(), contestTitle);
	await admin.close();

	const teacher = await newEnglishContext(browser);
	await useAdult(browser, teacher, 'teacher');
	const klass = await createClass(await teacher.newPage(), ['Mia Green']);
	await teacher.close();
	const child = klass.students[0]!;

	const context = await newEnglishContext(browser);
	const page = await context.newPage();
	await signInChild(page, klass.code, child.pseudonym, child.pictures!);
	const drawingId = await drawAndSave(page);

	await open(page, `/studio/submit/${drawingId}`);
	await expect(page.getByRole('heading', { level: 1, name: 'Enter a contest' })).toBeVisible();
	await page.getByRole('radio', { name: new RegExp(contestTitle) }).check();
	await page.getByLabel('My age').selectOption({ label: '9 years old' });
	await page.getByLabel('Title of my artwork').fill('My green forest');
	await page.getByLabel('About my artwork').fill('Tall trees by a clean river. 树和小河。');
	await expect(page.getByText('34/300')).toBeVisible();
	await page.getByLabel('I confirm I made this artwork myself').check();
	await page.getByRole('button', { name: 'Send my artwork' }).click();
	await expect(page.getByText('Sent! Now waiting for your teacher.')).toBeVisible({
		timeout: 20_000
	});

	await page.getByRole('link', { name: 'See my artworks' }).click();
	await expect(page).toHaveURL(/\/studio\/entries$/);
	const entry = page.getByRole('listitem').filter({ hasText: 'My green forest' });
	await expect(entry.getByText('Waiting for teacher')).toBeVisible({ timeout: 30_000 });
	// The picture's text alternative is the child's own words about it.
	const thumb = entry.getByRole('img', { name: 'Tall trees by a clean river. 树和小河。' });
	await expect(thumb).toBeVisible();
	await expect
		.poll(() => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
		.toBeGreaterThan(0);
	const src = (await thumb.getAttribute('src'))!;
	expect(src).toMatch(/^\/media\/entries\/[a-z0-9]+\/thumb\.webp$/);
	const response = await page.request.get(src);
	expect(response.status()).toBe(200);
	expect(response.headers()['content-type']).toBe('image/webp');
	expect(response.headers()['cache-control']).toMatch(/^private/);

	// Nobody else sees it: a signed-out visitor gets a 404.
	const stranger = await newEnglishContext(browser);
	expect((await stranger.request.get(src)).status()).toBe(404);
	await stranger.close();
	await context.close();
});

/**
 * A raw request, so a test can send headers a browser or fetch would correct. With
 * `open: true` the body is sent but the request never finished (a lying Content-Length): the
 * answer must come anyway.
 */
function rawPost(
	path: string,
	headers: Record<string, string>,
	body: Buffer,
	open = false
): Promise<{ status: number; text: string }> {
	return new Promise((resolve, reject) => {
		const req = http.request(`${BASE_URL}${path}`, { method: 'POST', headers }, (res) => {
			let text = '';
			res.setEncoding('utf8');
			res.on('data', (c: string) => (text += c));
			res.on('end', () => {
				resolve({ status: res.statusCode ?? 0, text });
				req.destroy();
			});
		});
		req.on('error', reject);
		if (open) req.write(body);
		else req.end(body);
	});
}

function multipart(parts: { name: string; filename?: string; type?: string; data: Buffer }[]) {
	const boundary = `----sprout${Date.now().toString(36)}`;
	const chunks: Buffer[] = [];
	for (const p of parts) {
		const disposition = p.filename
			? `form-data; name="${p.name}"; filename="${p.filename}"`
			: `form-data; name="${p.name}"`;
		chunks.push(
			Buffer.from(
				`--${boundary}\r\nContent-Disposition: ${disposition}\r\n` +
					(p.type ? `Content-Type: ${p.type}\r\n` : '') +
					'\r\n'
			),
			p.data,
			Buffer.from('\r\n')
		);
	}
	chunks.push(Buffer.from(`--${boundary}--\r\n`));
	return { body: Buffer.concat(chunks), type: `multipart/form-data; boundary=${boundary}` };
}

test('bad submissions get a clean 4xx with a message key, and nothing is written', async ({
	browser
}) => {
	test.setTimeout(60_000);
	const teacher = await newEnglishContext(browser);
	await useAdult(browser, teacher, 'teacher');
	const klass = await createClass(await teacher.newPage(), ['Noa Leaf']);
	await teacher.close();
	const child = klass.students[0]!;
	const context = await newEnglishContext(browser);
	const page = await context.newPage();
	await signInChild(page, klass.code, child.pseudonym, child.pictures!);
	const cookie = (await context.cookies())
		.filter((c) => c.name === 'sprout_session')
		.map((c) => `${c.name}=${c.value}`)
		.join('; ');
	const png = await sharp({
		create: { width: 800, height: 600, channels: 3, background: '#3a7' }
	})
		.png()
		.toBuffer();
	const meta = Buffer.from(
		JSON.stringify({ contestId: 'x', age: 9, title: 'T', about: '', drawingId: 'abcdefgh' })
	);
	const headers = (type: string, extra: Record<string, string> = {}) => ({
		cookie,
		origin: BASE_URL,
		'content-type': type,
		'idempotency-key': `bad-${Date.now()}-${Math.random()}`,
		...extra
	});
	const expectRefused = async (
		res: { status: number; text: string },
		status: number,
		key?: string
	) => {
		expect(res.status).toBe(status);
		if (key) expect(JSON.parse(res.text)).toEqual({ error: key });
	};

	const twoFiles = multipart([
		{ name: 'meta', data: meta },
		{ name: 'image', filename: 'a.png', type: 'image/png', data: png },
		{ name: 'image', filename: 'b.png', type: 'image/png', data: png }
	]);
	await expectRefused(
		await rawPost('/studio/api/entries', headers(twoFiles.type), twoFiles.body),
		400,
		'entries.error.oneFile'
	);

	const hostile = multipart([
		{ name: 'meta', data: meta },
		{
			name: 'image',
			filename: '../../../etc/passwd\u0000<script>.png',
			type: 'text/html',
			data: png
		}
	]);
	// The name and type are ignored: the refusal is about the (missing) contest, not the file.
	await expectRefused(
		await rawPost('/studio/api/entries', headers(hostile.type), hostile.body),
		404,
		'entries.error.contestNotFound'
	);

	const ok = multipart([
		{ name: 'meta', data: meta },
		{ name: 'image', filename: 'a.png', type: 'image/png', data: png }
	]);
	await expectRefused(
		await rawPost(
			'/studio/api/entries',
			headers(ok.type, { 'content-length': String(64 * 1024 * 1024) }),
			ok.body,
			true
		),
		413,
		'entries.error.tooLarge'
	);
	const noKey = headers(ok.type) as Record<string, string>;
	delete noKey['idempotency-key'];
	await expectRefused(
		await rawPost('/studio/api/entries', noKey, ok.body),
		400,
		'entries.error.idempotencyKey'
	);
	await expectRefused(
		await rawPost('/studio/api/entries', headers('application/json'), Buffer.from('{}')),
		400,
		'entries.error.badRequest'
	);
	// A body cut short of its declared length: a clean refusal, and the server stays up.
	const cut = await new Promise<number>((resolve) => {
		const req = http.request(`${BASE_URL}/studio/api/entries`, {
			method: 'POST',
			headers: headers(ok.type, { 'content-length': String(ok.body.length + 5000) })
		});
		req.on('response', (res) => resolve(res.statusCode ?? 0));
		req.on('error', () => resolve(0));
		req.write(ok.body);
		setTimeout(() => req.destroy(), 500);
	});
	expect(cut === 0 || (cut >= 400 && cut < 500)).toBe(true);
	expect((await page.request.get('/healthz')).ok()).toBe(true);

	await open(page, '/studio/entries');
	await expect(page.getByText('You have not sent any artworks yet.')).toBeVisible();
	await context.close();
});
