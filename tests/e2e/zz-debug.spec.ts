import { expect, test } from '@playwright/test';
import { waitForHydration } from './helpers.ts';
test('dbg', async ({ page }) => {
	let release!: () => void;
	const gate = new Promise<void>((r) => (release = r));
	await page.route('**/_app/immutable/entry/**', async (route) => {
		await gate;
		await route.continue();
	});
	await page.goto('/join', { waitUntil: 'domcontentloaded' });
	await page.locator('#code').fill('green2');
	release();
	await waitForHydration(page);
	console.log('VALUE', JSON.stringify(await page.locator('#code').inputValue()));
	await page.goto('/classroom/x');
});
