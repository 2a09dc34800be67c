// Organizers: the art board size and colouring pages of a contest, and what a non-admin
// organizer finds on /admin.
import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import {
	DAY,
	expectNoHorizontalScroll,
	expectNoSeriousAxeViolations,
	newEnglishContext,
	open,
	shanghai,
	useAdult,
	waitForHydration
} from './helpers.ts';

/** A colouring page: a black circle outline on white paper. */
async function colouringPage(): Promise<Buffer> {
	const size = 900;
	const pixels = Buffer.alloc(size * size, 250);
	for (let y = 0; y < size; y++) {
		for (let x = 0; x < size; x++) {
			const r = Math.hypot(x - size / 2, y - size / 2);
			if (Math.abs(r - 300) < 8) pixels[y * size + x] = 0;
		}
	}
	return sharp(pixels, { raw: { width: size, height: size, channels: 1 } })
		.png()
		.toBuffer();
}

test.describe('organizer: art board and colouring pages', () => {
	test('sets the board size, adds a colouring page, sees its thumbnail, then removes it', async ({
		page,
		browser,
		context
	}) => {
		await useAdult(browser, context, 'organizer');
		await open(page, '/admin/contests/new');
		const board = page.getByRole('group', { name: 'Art board size' });
		// Landscape is the default.
		await expect(board.getByRole('radio', { name: /^Landscape/ })).toBeChecked();
		const title = `涂色 ${Date.now().toString(36)}`;
		await page
			.getByRole('group', { name: '中文 Chinese (required)' })
			.getByLabel('Title')
			.fill(title);
		await page.getByRole('textbox', { name: 'Age bands' }).fill('6-8');
		await page.getByLabel('Opens').fill(shanghai(Date.now() - DAY));
		await page.getByLabel('Closes').fill(shanghai(Date.now() + 30 * DAY));
		await board.getByRole('radio', { name: /^A4 portrait/ }).check();
		await page.getByRole('button', { name: 'Create contest' }).click();
		await expect(page).toHaveURL(/\/admin\/contests\/[^/?]+\?created=1$/);
		await waitForHydration(page);
		await expect(
			page
				.getByRole('group', { name: 'Art board size' })
				.getByRole('radio', { name: /^A4 portrait/ })
		).toBeChecked();
		await expect(page.getByText('1200 × 1697 pixels')).toBeVisible();

		const pages = page.getByRole('region', { name: 'Colouring pages' });
		await expect(pages.getByText('No colouring page yet.')).toBeVisible();

		// A script dressed as a PNG is refused with the translated message, and nothing appears.
		await pages.getByLabel('Name').fill('Trap');
		await pages.getByLabel('Line drawing').setInputFiles({
			name: 'trap.png',
			mimeType: 'image/png',
			buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')
		});
		await pages.getByRole('button', { name: 'Add colouring page' }).click();
		await expect(pages.getByRole('alert')).toHaveText(
			'Only PNG, JPEG or WebP pictures can be sent.'
		);
		await expect(pages.getByRole('listitem')).toHaveCount(0);
		await expect(pages.getByLabel('Name')).toHaveValue('Trap');

		await pages.getByLabel('Name').fill('Forest animals');
		await pages.getByLabel('Line drawing').setInputFiles({
			name: 'forest.png',
			mimeType: 'image/png',
			buffer: await colouringPage()
		});
		await pages.getByRole('button', { name: 'Add colouring page' }).click();
		await expect(pages.getByRole('status')).toHaveText('Colouring page “Forest animals” added.');
		const thumb = pages.getByRole('img', { name: 'Preview: Forest animals' });
		await expect(thumb).toBeVisible();
		await expect(thumb).toHaveAttribute(
			'src',
			/^\/objects\/public\/templates\/[0-9a-f]{64}\.webp$/
		);
		// The thumbnail really loads: 320 px wide, portrait like the board.
		await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(320);
		expect(await thumb.evaluate((img: HTMLImageElement) => img.naturalHeight)).toBe(453);
		await expect(pages.getByText('2400 × 3394 pixels')).toBeVisible();

		await expectNoSeriousAxeViolations(page, 'contest page with a colouring page');
		await page.setViewportSize({ width: 390, height: 844 });
		await expectNoHorizontalScroll(page, 'contest page with a colouring page');
		await page.setViewportSize({ width: 1366, height: 768 });

		await pages.getByRole('button', { name: 'Remove Forest animals' }).click();
		await expect(pages.getByRole('status')).toHaveText('Colouring page removed.');
		await expect(pages.getByText('No colouring page yet.')).toBeVisible();
	});

	test('a non-admin organizer sees the Contests tile, not the admin-only ones', async ({
		page,
		browser,
		context
	}) => {
		await useAdult(browser, context, 'organizer');
		await open(page, '/admin/users');
		const email = `staff-${Date.now().toString(36)}@sprout.test`;
		const password = 'green-staff-2026';
		const create = page.getByRole('region', { name: 'New account' });
		await create.getByLabel('Name').fill('Staff Member');
		await create.getByLabel('Email').fill(email);
		await create.getByLabel('Role').selectOption('organizer');
		await expect(create.getByLabel('Administrator (manages users and schools)')).not.toBeChecked();
		await create.getByLabel('First password').fill(password);
		await create.getByRole('button', { name: 'New account' }).click();
		await expect(create.getByRole('status')).toHaveText(`Account created for ${email}.`);

		const staff = await newEnglishContext(browser);
		const staffPage = await staff.newPage();
		await open(staffPage, '/login');
		await staffPage.getByLabel('Email').fill(email);
		await staffPage.getByLabel('Password').fill(password);
		await staffPage.getByRole('button', { name: 'Sign in', exact: true }).click();
		await expect(staffPage).not.toHaveURL(/\/login/);

		await open(staffPage, '/admin');
		const tiles = staffPage.getByRole('main').getByRole('listitem');
		await expect(tiles).toHaveCount(1);
		await expect(tiles.getByRole('link', { name: /^Contests/ })).toBeVisible();
		for (const adminOnly of [/^Users/, /^Schools/, /^My classes/]) {
			await expect(staffPage.getByRole('main').getByRole('link', { name: adminOnly })).toHaveCount(
				0
			);
		}
		await expectNoSeriousAxeViolations(staffPage, '/admin as a non-admin organizer');
		await tiles.getByRole('link', { name: /^Contests/ }).click();
		await expect(staffPage).toHaveURL(/\/admin\/contests$/);
		await expect(staffPage.getByRole('heading', { level: 1, name: 'Contests' })).toBeVisible();
		// The admin-only pages still refuse, whatever the tiles show.
		expect((await staffPage.goto('/admin/users'))?.status()).toBe(403);
		await staff.close();

		// The admin still has every tile.
		await open(page, '/admin');
		await expect(page.getByRole('main').getByRole('listitem')).toHaveCount(4);
	});
});
