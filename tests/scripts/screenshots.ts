// node tests/scripts/screenshots.ts [baseURL] — signs in as each demo person and saves
// screenshots of every page at 1366×768 and on a phone, in Chinese, English and French, to
// .reports/screens/ (git-ignored), for looking at what people see.
import { mkdirSync } from 'node:fs';
import { chromium, type Page } from '@playwright/test';

const base = process.argv[2] ?? 'http://127.0.0.1:4173';
const out = '.reports/screens';
mkdirSync(out, { recursive: true });

const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	args: [
		'--no-sandbox',
		'--disable-gpu',
		'--disable-background-networking',
		'--disable-component-update',
		'--disable-sync',
		'--no-first-run',
		'--disable-quic'
	]
});

const viewports = { desktop: { width: 1366, height: 768 }, phone: { width: 390, height: 844 } };

async function shoot(page: Page, name: string) {
	await page.screenshot({ path: `${out}/${name}.png`, fullPage: true });
}

async function signIn(page: Page, email: string, password: string) {
	await page.goto(`${base}/login`);
	await page.fill('#email', email);
	await page.fill('#password', password);
	await Promise.all([
		page.waitForURL((u) => !u.pathname.startsWith('/login')),
		page.click('button[type=submit]')
	]);
}

for (const locale of ['zh-CN', 'en', 'fr'] as const) {
	for (const [vpName, viewport] of Object.entries(viewports)) {
		const tag = `${locale}-${vpName}`;
		const context = await browser.newContext({ viewport, locale });
		const page = await context.newPage();
		for (const [name, path] of [
			['home', '/'],
			['login', '/login'],
			['join', '/join'],
			['join-class', '/join/GREEN2']
		]) {
			await page.goto(base + path!);
			await shoot(page, `${name}-${tag}`);
		}
		await page.goto(`${base}/join/GREEN2`);
		await page.locator('a.tile').first().click();
		await shoot(page, `join-secret-${tag}`);

		await signIn(page, 'teacher@sprout.test', 'sprout-teacher-2026');
		await shoot(page, `classroom-list-${tag}`);
		await page.locator('.item a').first().click();
		await page.waitForLoadState('networkidle');
		await shoot(page, `classroom-${tag}`);
		await page.click('text=/打印登录卡片|Print login cards|Imprimer les cartes de connexion/');
		await page.waitForLoadState('networkidle');
		await shoot(page, `cards-${tag}`);
		await context.clearCookies();

		await signIn(page, 'organizer@sprout.test', 'sprout-organizer-2026');
		for (const [name, path] of [
			['admin', '/admin'],
			['users', '/admin/users'],
			['schools', '/admin/schools'],
			['judge', '/judge']
		]) {
			await page.goto(base + path!);
			await shoot(page, `${name}-${tag}`);
		}
		await context.close();
	}
}
await browser.close();
console.log(`screenshots in ${out}/`);
