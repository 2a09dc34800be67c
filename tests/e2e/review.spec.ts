import { expect, test, type Locator } from '@playwright/test';
import sharp from 'sharp';
import {
	BASE_URL,
	DEMO,
	expectNoSeriousAxeViolations,
	newEnglishContext,
	open,
	useAdult,
	waitForHydration
} from './helpers.ts';
import { addOpenContest } from './db-rows.ts';

/** A phone-like photo of a paper drawing: a JPEG with a GPS-carrying EXIF block. */
async function phonePhoto(): Promise<Buffer> {
	return sharp({
		create: { width: 1200, height: 900, channels: 3, background: { r: 250, g: 248, b: 240 } }
	})
		.composite([
			{
				input: Buffer.from(
					'<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="900"><circle cx="600" cy="420" r="260" fill="#2e7d32"/><rect x="560" y="600" width="80" height="250" fill="#795548"/></svg>'
				)
			}
		])
		.withExif({ IFD0: { Make: 'Phone', Model: 'Camera' } })
		.jpeg({ quality: 85 })
		.toBuffer();
}

test.describe('teacher: paper artworks and the review queue', () => {
	test('uploads a phone photo for a child, sees it processed, approves it; the organizer finds it', async ({
		page,
		browser,
		context
	}) => {
		test.setTimeout(90_000);
		const stamp = Date.now().toString(36);
		const contestTitle = `纸上作品 ${stamp}`;
		const contestId = addOpenContest(contestTitle);
		const organizer = await newEnglishContext(browser);
		await useAdult(browser, organizer, 'organizer');
		const orgPage = await organizer.newPage();

		await useAdult(browser, context, 'teacher');
		await open(page, '/classroom');
		await page.getByRole('link', { name: DEMO.classroom.name }).first().click();
		await waitForHydration(page);
		await page.getByRole('link', { name: 'Upload a paper artwork' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			'Upload a photo of a paper artwork'
		);
		await waitForHydration(page);
		const photo = page.getByLabel('Photo of the artwork');
		await expect(photo).toHaveAttribute('accept', 'image/*');
		await expect(photo).toHaveAttribute('capture', 'environment');
		const key = await page.locator('input[name="idempotencyKey"]').inputValue();
		expect(key.length).toBeGreaterThanOrEqual(8);

		const title = `River tree ${stamp}`;
		await page
			.getByLabel('Child', { exact: true })
			.selectOption({ label: DEMO.students.xiaohong.pseudonym });
		await page.getByLabel('Contest').selectOption({ label: contestTitle });
		await page.getByLabel('Child’s age').fill('10');
		await page.getByLabel('Title').fill(title);
		await page.getByLabel(/About the artwork/).fill('一棵大树站在河边，鸟儿在树上唱歌。');
		await photo.setInputFiles({
			name: 'IMG_0042.jpg',
			mimeType: 'image/jpeg',
			buffer: await phonePhoto()
		});
		await page.getByRole('button', { name: 'Upload', exact: true }).click();

		await expect(page).toHaveURL(/\/review\?uploaded=/);
		await expect(page.getByText('The photo was uploaded.', { exact: false })).toBeVisible();

		// The queue worker makes the renditions in the background; the card moves to "waiting"
		// on its own: the page looks again while anything is still being prepared.
		const waiting = page.getByRole('region', { name: /Waiting for review/ });
		const card = waiting.getByRole('article', { name: title });
		await expect(card).toBeVisible({ timeout: 30_000 });
		await expect(
			card.getByText(`By ${DEMO.students.xiaohong.pseudonym}`, { exact: false })
		).toBeVisible();
		await expect(card.getByText('Photo of paper artwork', { exact: false })).toBeVisible();
		const image = card.getByRole('img', { name: '一棵大树站在河边，鸟儿在树上唱歌。' });
		await image.scrollIntoViewIfNeeded();
		await expect
			.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
			.toBeGreaterThan(0);
		await expect(image).toHaveAttribute('loading', 'lazy');
		await expectNoSeriousAxeViolations(page, 'review queue');
		await page.screenshot({ path: 'test-results/review-queue.png', fullPage: true });

		await waitForHydration(page);
		await card.getByRole('button', { name: /^Approve\b/ }).click();
		await expect(page.getByRole('status')).toHaveText(`“${title}” is approved.`);
		const recent = page.getByRole('region', { name: 'Recently reviewed' });
		await expect(recent.getByRole('article', { name: title }).getByText('Approved')).toBeVisible();
		await expect(waiting.getByRole('article', { name: title })).toHaveCount(0);

		// A double submit of one rendered form (same idempotency key) makes one entry.
		await page.goto(page.url().replace(/\/review.*$/, '/upload'));
		const form = {
			idempotencyKey: await page.locator('input[name="idempotencyKey"]').inputValue(),
			studentId: (await page
				.getByLabel('Child', { exact: true })
				.locator('option', { hasText: DEMO.students.chloe.pseudonym })
				.getAttribute('value'))!,
			contestId: contestId,
			age: '7',
			title: `Twice ${stamp}`,
			about: '',
			photo: { name: 'twice.jpg', mimeType: 'image/jpeg', buffer: await phonePhoto() }
		};
		const post = () =>
			page.request.post(page.url(), {
				multipart: form,
				headers: { origin: BASE_URL, accept: 'text/html' },
				maxRedirects: 0
			});
		const answers = await Promise.all([post(), post()]);
		for (const answer of answers) expect(answer.status()).toBe(303);
		await page.goto(page.url().replace(/\/upload$/, '/review'));
		await expect(page.getByRole('article', { name: `Twice ${stamp}` })).toHaveCount(1);

		// The organizer's table lists it, by pseudonym, and the CSV has it.
		await open(orgPage, `/admin/contests/${contestId}/entries?status=approved`);
		const row = orgPage.getByRole('row', { name: new RegExp(title) });
		await expect(row).toContainText(DEMO.students.xiaohong.pseudonym);
		await expect(row).toContainText(DEMO.school);
		await expect(row).toContainText('9–11');
		// On a phone each entry, and each contest of the list, is a block of readable cells: the
		// squeezed table wrapped titles and schools one character a line (cells 16–44 px wide).
		await orgPage.setViewportSize({ width: 390, height: 844 });
		const cellWidths = (cells: Locator) =>
			cells.evaluateAll((tds) => tds.map((td) => td.getBoundingClientRect().width));
		expect(Math.min(...(await cellWidths(row.locator('td:not(.thumb)'))))).toBeGreaterThan(120);
		await open(orgPage, '/admin/contests');
		const contestRow = orgPage.getByRole('row', { name: new RegExp(contestTitle) });
		expect(Math.min(...(await cellWidths(contestRow.locator('td'))))).toBeGreaterThan(120);
		await orgPage.setViewportSize({ width: 1366, height: 768 });
		await open(orgPage, `/admin/contests/${contestId}/entries?status=approved`);
		await orgPage.getByRole('link', { name: title }).click();
		await expect(orgPage.getByRole('heading', { level: 2, name: title })).toBeVisible();
		await orgPage.screenshot({ path: 'test-results/admin-entries.png', fullPage: true });
		const csv = await orgPage.request.get(`/admin/contests/${contestId}/entries/entries.csv`);
		expect(csv.headers()['content-type']).toContain('text/csv');
		const body = await csv.body();
		expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		expect(body.toString('utf8')).toContain(`,${title},${DEMO.students.xiaohong.pseudonym},`);

		await expectNoSeriousAxeViolations(orgPage, 'contest entries');
		await waitForHydration(orgPage);
		await orgPage.getByLabel('Reason (kept in the audit log)').fill('Traced from a book');
		await orgPage.getByRole('button', { name: 'Disqualify' }).click();
		await expect(orgPage.getByRole('status')).toHaveText(`“${title}” is disqualified.`);
		await expect(orgPage.getByRole('region', { name: title, exact: true })).toContainText(
			'Disqualified — Traced from a book'
		);
		await organizer.close();
	});

	test('works without JavaScript: return with a message, and a stale approve is refused', async ({
		browser
	}) => {
		test.setTimeout(90_000);
		const stamp = Date.now().toString(36);
		const contestTitle = `无脚本 ${stamp}`;
		addOpenContest(contestTitle);

		const context = await browser.newContext({ javaScriptEnabled: false, locale: 'en-US' });
		await useAdult(browser, context, 'teacher');
		const page = await context.newPage();
		await page.goto('/classroom');
		await page.getByRole('link', { name: DEMO.classroom.name }).first().click();
		await page.getByRole('link', { name: 'Upload a paper artwork' }).click();
		const title = `Sun ${stamp}`;
		await page
			.getByLabel('Child', { exact: true })
			.selectOption({ label: DEMO.students.lina.pseudonym });
		await page.getByLabel('Contest').selectOption({ label: contestTitle });
		// An age outside every band is refused by the contest, and the form comes back filled in.
		await page.getByLabel('Child’s age').fill('17');
		await page.getByLabel('Title').fill(title);
		await page.getByLabel('Photo of the artwork').setInputFiles({
			name: 'scan.jpg',
			mimeType: 'image/jpeg',
			buffer: await phonePhoto()
		});
		await page.getByRole('button', { name: 'Upload', exact: true }).click();
		// The submission service's own reason, translated (not the generic error).
		await expect(page.getByRole('alert')).toContainText(/age/i);
		await expect(page.getByLabel('Title')).toHaveValue(title);
		await expect(page.getByLabel('Child’s age')).toHaveValue('17');
		await page.getByLabel('Child’s age').fill('8');
		await page.getByLabel('Photo of the artwork').setInputFiles({
			name: 'scan.jpg',
			mimeType: 'image/jpeg',
			buffer: await phonePhoto()
		});
		await page.getByRole('button', { name: 'Upload', exact: true }).click();
		await expect(page).toHaveURL(/\/review\?uploaded=/);

		const card = page
			.getByRole('region', { name: /Waiting for review/ })
			.getByRole('article', { name: title });
		await expect(async () => {
			await page.reload();
			await expect(card).toBeVisible({ timeout: 1_000 });
		}).toPass({ timeout: 30_000 });

		// A second tab still shows the entry as waiting.
		const stale = await context.newPage();
		await stale.goto(page.url());
		const staleCard = stale.getByRole('article', { name: title });
		await expect(staleCard).toBeVisible();

		await card.getByText('Return to the child').click();
		await card.getByLabel('Message for the child').fill('Please add your name on the back 🙂');
		await card.getByRole('button', { name: 'Return', exact: true }).click();
		await expect(page.getByRole('status')).toHaveText(
			`“${title}” was returned; the child will see your message.`
		);
		const returned = page
			.getByRole('region', { name: 'Recently reviewed' })
			.getByRole('article', { name: title });
		await expect(returned).toContainText('Returned');
		await expect(returned).toContainText('Message: Please add your name on the back 🙂');

		await staleCard.getByRole('button', { name: /^Approve\b/ }).click();
		await expect(stale.getByRole('alert')).toHaveText(
			'This artwork has already been reviewed (or is not ready yet), so this cannot be done.'
		);
		await context.close();
	});
});
