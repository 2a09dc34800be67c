import { expect, test, type Page } from '@playwright/test';
import {
	DAY,
	expectNoHorizontalScroll,
	expectNoSeriousAxeViolations,
	open,
	shanghai,
	useAdult,
	waitForHydration
} from './helpers.ts';

async function newContest(
	page: Page,
	title: string,
	options: { ageBands: string; opensAt?: string; closesAt?: string }
) {
	await open(page, '/admin/contests/new');
	const chinese = page.getByRole('group', { name: '中文 Chinese (required)' });
	await chinese.getByLabel('Title').fill(title);
	await chinese.getByLabel('Theme').fill('节约用水');
	await page.getByRole('textbox', { name: 'Age bands' }).fill(options.ageBands);
	if (options.opensAt) await page.getByLabel('Opens').fill(options.opensAt);
	if (options.closesAt) await page.getByLabel('Closes').fill(options.closesAt);
	await expect(page.getByLabel('Time zone')).toHaveValue('Asia/Shanghai');
	await page.getByRole('button', { name: 'Create contest' }).click();
	await expect(page).toHaveURL(/\/admin\/contests\/[^/?]+\?created=1$/);
	await expect(page.getByText('Contest created. It is a draft for now.')).toBeVisible();
	await waitForHydration(page);
}

test.describe('organizer: contests', () => {
	test('creates a contest with two age bands, opens it, and it shows on the home page', async ({
		page,
		browser,
		context
	}) => {
		await useAdult(browser, context, 'organizer');
		const title = `绿色生活 ${Date.now().toString(36)}`;
		await newContest(page, title, {
			ageBands: '6-8\n9-11 Middle sprouts',
			opensAt: shanghai(Date.now() - DAY),
			closesAt: shanghai(Date.now() + 30 * DAY)
		});

		const stage = page.getByRole('region', { name: 'Stage' });
		const contestPage = page.url();
		await expect(stage.getByText('Draft', { exact: true })).toBeVisible();
		const hint = stage.getByText('Once open, the contest shows on the home page');
		await expect(hint).toBeVisible();
		// Only the legal next step is offered.
		await expect(stage.getByRole('button')).toHaveText(['Open contest']);
		await stage.getByRole('button', { name: 'Open contest' }).click();
		await expect(stage.getByRole('status')).toHaveText('The contest is now “Open”.');
		await expect(stage.getByRole('button')).toHaveText(['Stop taking artworks']);

		await open(page, '/admin/contests?status=open');
		await expect(page.getByRole('link', { name: title })).toBeVisible();

		await open(page, '/');
		const card = page.getByRole('article', { name: title });
		await expect(card).toBeVisible();
		await expect(card.getByText('Taking artworks')).toBeVisible();
		await expect(card.getByRole('listitem')).toHaveText([
			'6–8 years',
			'Middle sprouts · 9–11 years'
		]);
		await expect(page.getByText('No contest is open right now.')).toHaveCount(0);

		// Past the deadline the opening hint would describe a step already taken.
		await open(page, contestPage);
		await stage.getByRole('button', { name: 'Stop taking artworks' }).click();
		await expect(stage.getByRole('status')).toHaveText('The contest is now “Closed”.');
		await expect(hint).toHaveCount(0);
	});

	test('an illegal transition is refused with its reason', async ({ page, browser, context }) => {
		await useAdult(browser, context, 'organizer');
		const title = `蓝色星球 ${Date.now().toString(36)}`;
		await newContest(page, title, { ageBands: '' });

		const stage = page.getByRole('region', { name: 'Stage' });
		await stage.getByRole('button', { name: 'Open contest' }).click();
		await expect(stage.getByRole('alert')).toHaveText(
			'Cannot open yet: add at least one age band first.'
		);
		await expect(stage.getByText('Draft', { exact: true })).toBeVisible();

		await open(page, '/');
		await expect(page.getByRole('article', { name: title })).toHaveCount(0);
	});

	test('the contest pages pass axe and fit a phone screen', async ({ page, browser, context }) => {
		await useAdult(browser, context, 'organizer');
		await open(page, '/admin/contests');
		const first = page.locator('table tbody a').first();
		const edit = (await first.getAttribute('href'))!;
		const paths = ['/admin/contests', '/admin/contests/new', edit, '/'];
		// Each page loaded once: axe at 1366×768, then the same page narrowed to a phone.
		for (const path of paths) {
			await page.setViewportSize({ width: 1366, height: 768 });
			await open(page, path);
			await expectNoSeriousAxeViolations(page, path);
			await page.setViewportSize({ width: 390, height: 844 });
			await expectNoHorizontalScroll(page, path);
		}
	});
});
