// The ceremony end to end: an organizer makes the certificates of last spring's contest (one PDF
// per class, a school in French), downloads one, then runs the slideshow with the keyboard and
// keeps going after the network drops; the presenter's script prints in the chosen language.
// The contest comes from the ceremony demo seed, loaded beside the running server.
import { expect, test } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';
import { readPdfText } from '../../src/lib/server/pdf/read-text.ts';
import { BASE_URL, expectNoSeriousAxeViolations, open, signInAdult, shotsDir } from './helpers.ts';
import { seedE2e } from './seed-cli.ts';

const SHOTS = shotsDir('h-ceremony');
const CONTEST = 'democeremonycontest';

test.describe.configure({ timeout: 120_000 });

test.beforeAll(() => {
	// Same entry count as the judging spec: whichever runs first seeds, the other finds it done.
	seedE2e('src/cli/demo-judging.ts', '8');
	mkdirSync(SHOTS, { recursive: true });
});

test('an organizer makes and downloads certificates, then runs the slideshow offline', async ({
	browser
}) => {
	const context = await browser.newContext({
		viewport: { width: 1366, height: 768 },
		locale: 'en-US',
		baseURL: BASE_URL
	});
	const page = await context.newPage();
	await signInAdult(page, 'organizer');

	await open(page, `/admin/contests/${CONTEST}`);
	await page.getByRole('link', { name: 'Award ceremony' }).click();
	await expect(page.getByText('8 awards, 8 approved artworks.')).toBeVisible();
	await expect(page.getByText(/^2 winners have no parental consent/)).toBeVisible();

	await page.getByLabel('class', { exact: true }).check();
	await page.getByLabel('西湖小学').selectOption('fr');
	await page.getByLabel('Ceremony date').fill('2026-12-20');
	await page.getByLabel(/Signature line/).fill('Li Hua, Programme Director');
	await page.getByRole('button', { name: 'Make the certificates' }).click();
	await expect(page.getByText('Making 2 PDFs.')).toBeVisible();
	await expect(page.getByText('2 of 2 PDFs ready')).toBeVisible({ timeout: 60_000 });

	const row = page.getByRole('row', { name: /西湖小学/ });
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		row.getByRole('link', { name: 'Whole batch (PDF)' }).click()
	]);
	const bytes = readFileSync((await download.path())!);
	expect(bytes.length).toBeLessThan(300 * 1024);
	const pages = await readPdfText(bytes);
	expect(pages).toHaveLength(4);
	expect(pages.join('\n')).toContain('Diplôme d’honneur');
	expect(pages.join('\n')).toContain('Li Hua, Programme Director');
	// Real names live in the PDF only: the page lists children by pseudonym.
	await row.getByText(/One per child/).click();
	await expect(
		row.getByRole('link', { name: /小雨|天天|乐乐|朵朵|豆豆|安安|果果|星星/ })
	).toHaveCount(4);

	await context.addCookies([{ name: 'sprout_lang', value: 'zh-CN', url: BASE_URL }]);
	await page.reload();
	await page.screenshot({ path: `${SHOTS}/ceremony-1366-zh.png`, fullPage: true });
	await expectNoSeriousAxeViolations(page, 'the ceremony page');
	await page.setViewportSize({ width: 390, height: 844 });
	await page.screenshot({ path: `${SHOTS}/ceremony-390-zh.png`, fullPage: true });
	await page.setViewportSize({ width: 1366, height: 768 });

	await page.getByRole('link', { name: '打开幻灯片' }).click();
	await expect(page.getByRole('status').filter({ hasText: '张图片都已载入' })).toBeVisible({
		timeout: 30_000
	});
	await page.screenshot({ path: `${SHOTS}/slideshow-1366-zh.png` });
	await expectNoSeriousAxeViolations(page, 'the slideshow');
	const announce = page.locator('[aria-live="polite"]');
	await page.keyboard.press('ArrowRight');
	await expect(announce).toContainText('第 2/');
	await page.keyboard.press('PageDown');
	await expect(page.locator('.stage img')).toBeVisible();

	// The venue's network drops: every later slide still shows its picture from memory.
	await context.setOffline(true);
	// Slides 4 and 5 are winners, 6 the next band's heading, 7 its first winner.
	for (const [key, slide] of [
		[' ', 4],
		['PageDown', 5],
		['ArrowRight', 6],
		['ArrowRight', 7]
	] as const) {
		await page.keyboard.press(key);
		await expect(announce).toContainText(`第 ${slide}/`);
		if (slide === 6) continue;
		const image = page.locator('.stage img');
		await expect(image).toBeVisible();
		expect(
			await image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)
		).toBe(true);
	}
	await page.keyboard.press('PageUp');
	await expect(announce).toContainText('第 6/');
	await page.keyboard.press('ArrowRight');
	await page.locator('.stage').scrollIntoViewIfNeeded();
	await page.screenshot({ path: `${SHOTS}/slide-1366-zh.png` });
	await page.setViewportSize({ width: 390, height: 844 });
	await page.locator('.stage').scrollIntoViewIfNeeded();
	await page.screenshot({ path: `${SHOTS}/slide-390-zh.png` });
	await context.setOffline(false);

	await open(page, `/admin/contests/${CONTEST}/ceremony/script?lang=fr`);
	await expect(page.getByRole('heading', { name: 'Texte du présentateur' })).toBeVisible();
	await expect(page.getByText('Les mots de l’enfant', { exact: false }).first()).toBeVisible();
	await page.screenshot({ path: `${SHOTS}/script-390-zh-fr.png`, fullPage: true });
	await context.close();
});
