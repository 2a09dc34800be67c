import { expect, test } from '@playwright/test';
import { DEMO, newEnglishContext, open, rawRequest, waitForHydration } from './helpers.ts';

test.describe('languages', () => {
	test('first visit with Accept-Language fr shows French and <html lang="fr">', async ({
		browser
	}) => {
		const context = await newEnglishContext(browser, { locale: 'fr-FR' });
		const page = await context.newPage();
		await page.goto('/');
		await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
		await expect(
			page.getByRole('heading', { level: 1, name: 'Dessiner pour une planète verte' })
		).toBeVisible();
		await expect(page.getByRole('link', { name: 'Connexion élèves' })).toBeVisible();
		await expect(page.getByLabel('Langue')).toHaveValue('fr');

		await page.goto('/login');
		await expect(
			page.getByRole('heading', {
				level: 1,
				name: 'Connexion des enseignants, jurés et organisateurs'
			})
		).toBeVisible();
		await expect(page.getByLabel('Mot de passe')).toBeVisible();
		await context.close();
	});

	test('first visit with Accept-Language zh-CN shows Chinese and <html lang="zh-CN">', async ({
		browser
	}) => {
		const context = await newEnglishContext(browser, { locale: 'zh-CN' });
		const page = await context.newPage();
		await page.goto('/join');
		await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
		const heading = page.getByRole('heading', { level: 1 });
		await expect(heading).toHaveText('进入我的班级');
		await expect(page.getByLabel('班级码')).toBeVisible();
		await expect(page.getByRole('button', { name: '下一步' })).toBeVisible();
		await expect(page).toHaveTitle(/进入我的班级/);
		// The heading really takes room on the page (the glyphs are laid out, not dropped).
		const box = await heading.boundingBox();
		expect(box?.width ?? 0).toBeGreaterThan(50);
		await context.close();
	});

	test('switching the language select to 中文 reloads in Chinese and is remembered', async ({
		page,
		context
	}) => {
		await open(page, '/login');
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		await expect(
			page.getByRole('heading', { level: 1, name: 'Sign in for teachers, judges and organizers' })
		).toBeVisible();

		// No button to press: the change event submits the form.
		await page.getByLabel('Language').selectOption({ label: '中文' });
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('老师、评委和组织者登录');
		await expect(page).toHaveURL(/\/login$/);
		await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
		await expect(page.getByLabel('语言')).toHaveValue('zh-CN');
		await expect(page.getByLabel('电子邮箱')).toBeVisible();

		const cookie = (await context.cookies()).find((c) => c.name === 'sprout_lang');
		expect(cookie?.value).toBe('zh-CN');
		expect(cookie?.httpOnly).toBe(true);
		expect(cookie?.expires ?? -1).toBeGreaterThan(Date.now() / 1000 + 300 * 24 * 3600);

		// The next page (a fresh load, the browser still says en-US) stays in Chinese.
		await page.goto('/join');
		await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('进入我的班级');

		// Errors are translated too.
		await open(page, '/login');
		await page.getByLabel('电子邮箱').fill(DEMO.teacher.email);
		await page.getByLabel('密码').fill('wrong-password');
		await page.getByRole('button', { name: '登录', exact: true }).click();
		await expect(page.getByRole('alert')).toHaveText('邮箱或密码不正确，请再试一次。');

		// And back to English with the same control.
		await page.getByLabel('语言').selectOption({ label: 'English' });
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		await expect(
			page.getByRole('heading', { level: 1, name: 'Sign in for teachers, judges and organizers' })
		).toBeVisible();
	});

	test('the language switch keeps the page and its query string', async ({ page }) => {
		await open(page, '/login?next=%2Fadmin%2Fusers');
		await page.getByLabel('Language').selectOption({ label: 'Français' });
		await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
		await expect(page).toHaveURL(/\/login\?next=%2Fadmin%2Fusers$/);
		await waitForHydration(page);
		await expect(page.getByLabel('Adresse e-mail')).toBeVisible();
	});

	test('with no Accept-Language header the default is Chinese (zh-CN)', async () => {
		const response = await rawRequest('/login');
		expect(response.status).toBe(200);
		expect(response.body).toContain('<html lang="zh-CN">');
		expect(response.body).toContain('老师、评委和组织者登录');

		// An unknown language falls back to the default too.
		const unknown = await rawRequest('/login', {
			headers: { 'accept-language': 'de-DE,de;q=0.9' }
		});
		expect(unknown.body).toContain('<html lang="zh-CN">');
		// A lower-ranked known language is found.
		const ranked = await rawRequest('/login', {
			headers: { 'accept-language': 'de-DE,de;q=0.9,fr;q=0.8,en;q=0.5' }
		});
		expect(ranked.body).toContain('<html lang="fr">');
	});
});
