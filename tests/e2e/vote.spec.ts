// People's choice in a real browser: vote and take the vote back on an artwork page of the
// demo exhibition (its vote is open), solving the real proof-of-work challenge; the organizer's
// page; screenshots in zh-CN on a desktop and a phone.
import { expect, test } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { expectNoSeriousAxeViolations, open, useAdult, shotsDir } from './helpers.ts';
import { seedE2e } from './seed-cli.ts';

const SLUG = 'blue-planet-2026';
const SHOTS = shotsDir('h-vote');

test.describe.configure({ mode: 'serial', timeout: 90_000 });

test.beforeAll(() => {
	seedE2e('src/cli/demo-exhibition.ts', '12');
	mkdirSync(SHOTS, { recursive: true });
});

test('vote and take the vote back on an artwork page', async ({ page, browser }) => {
	await open(page, `/exhibitions/${SLUG}?sort=newest`);
	const href = await page.locator('.card-art a').first().getAttribute('href');
	expect(href).toMatch(new RegExp(`^/exhibitions/${SLUG}/[a-z0-9]{10}`));
	await open(page, href!);

	const section = page.getByRole('region', { name: /People’s choice/ });
	await expect(
		section.getByText('One vote per age group per day.', { exact: false })
	).toBeVisible();
	const started = Date.now();
	await section.getByRole('button', { name: 'Vote for this artwork' }).click();
	await expect(section.getByText('Thank you!', { exact: false })).toBeVisible({ timeout: 30_000 });
	console.log(`[vote] challenge solved and vote counted in ${Date.now() - started} ms`);

	// The vote is remembered by the signed HttpOnly cookie, not by the page.
	const voter = (await page.context().cookies()).find((c) => c.name === 'sprout_voter');
	expect(voter).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/exhibitions' });
	await page.reload();
	await expect(section.getByText('Thank you!', { exact: false })).toBeVisible();
	await expectNoSeriousAxeViolations(page, 'artwork page after voting');

	// A second vote with the same challenge endpoint but without solving: refused, nothing counted.
	const forged = await page.request.post(`${href!.split('?')[0]}/vote`, {
		data: { altcha: Buffer.from('{"challenge":{},"solution":{}}').toString('base64') },
		headers: { origin: new URL(page.url()).origin }
	});
	expect(forged.status()).toBe(403);
	// Bad input gets a clean 4xx with a message key, never a 5xx.
	const origin = { origin: new URL(page.url()).origin };
	for (const [method, url, body, status] of [
		['GET', `/exhibitions/${SLUG}/aaaaaaaaaa/vote`, undefined, 404],
		['POST', `/exhibitions/no-such-show/aaaaaaaaaa/vote`, { altcha: 'x' }, 404],
		['POST', `/exhibitions/${SLUG}/' or 1=1 --/vote`, { altcha: 'x' }, 404],
		['POST', `${href!.split('?')[0]}/vote`, 'x'.repeat(20_000), 413]
	] as const) {
		const answer = await page.request.fetch(url, { method, data: body, headers: origin });
		expect(answer.status(), `${method} ${url}`).toBe(status);
		expect(await answer.json()).toHaveProperty('error');
	}

	await section.getByRole('button', { name: 'Take back my vote' }).click();
	await expect(section.getByText('Your vote has been taken back.')).toBeVisible();
	await expect(section.getByRole('button', { name: 'Vote for this artwork' })).toBeVisible();

	// Screenshots in Chinese: the artwork page with the vote, on a desktop and a phone, and the
	// organizer's page.
	for (const [w, h, tag] of [
		[1366, 768, 'desktop'],
		[390, 844, 'phone']
	] as const) {
		const context = await browser.newContext({
			locale: 'zh-CN',
			viewport: { width: w, height: h }
		});
		const zh = await context.newPage();
		await open(zh, href!);
		const vote = zh.getByRole('region', { name: /观众最喜爱/ });
		await vote.scrollIntoViewIfNeeded();
		await zh.screenshot({ path: `${SHOTS}/artwork-vote-${tag}.png` });
		await useAdult(browser, context, 'organizer');
		await open(zh, '/admin/contests/demoexhibitioncontest/vote');
		await expect(zh.getByRole('heading', { level: 1 })).toContainText('观众投票');
		await zh.screenshot({ path: `${SHOTS}/admin-vote-${tag}.png`, fullPage: true });
		await context.close();
	}
});
