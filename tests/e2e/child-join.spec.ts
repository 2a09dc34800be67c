import { expect, test } from '@playwright/test';
import {
	DEMO,
	LOCKED,
	createClass,
	lockOut,
	newEnglishContext,
	open,
	openStudent,
	readRoster,
	useAdult,
	tapPictures,
	waitForHydration
} from './helpers.ts';

const { xiaoming, meimei, ajie, chloe } = DEMO.students;

test.describe('child sign-in', () => {
	test('class code in lower case with spaces, avatar, Leaf-Sun-Fish → studio; sign-out → /join', async ({
		page
	}) => {
		await open(page, '/join');
		await expect(page.getByRole('heading', { level: 1, name: 'Join my class' })).toBeVisible();
		await page.getByLabel('Class code').fill(' green2 ');
		await page.getByRole('button', { name: 'Next' }).click();

		await expect(page).toHaveURL(/\/join\/GREEN2$/);
		await expect(
			page.getByRole('heading', { level: 1, name: `${DEMO.classroom.name}: tap your picture` })
		).toBeVisible();
		// Every child of the class is there, by pseudonym only.
		for (const s of Object.values(DEMO.students)) {
			await expect(page.getByRole('link', { name: s.pseudonym, exact: true })).toBeVisible();
		}

		await page.getByRole('link', { name: xiaoming.pseudonym, exact: true }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Hello, 小明 7!' })).toBeVisible();
		await expect(page.getByText('Tap your 3 pictures in order')).toBeVisible();
		await waitForHydration(page);

		await page.getByRole('button', { name: 'Leaf', exact: true }).click();
		await expect(page.getByText('1 of 3 chosen')).toBeAttached();
		await page.getByRole('button', { name: 'Sun', exact: true }).click();
		await page.getByRole('button', { name: 'Fish', exact: true }).click();

		await expect(page).toHaveURL(/\/studio$/);
		await expect(page.getByRole('heading', { level: 1, name: 'Hello, 小明 7!' })).toBeVisible();
		await expect(page.getByRole('link', { name: 'My studio' })).toBeVisible();

		// A signed-in child who opens /join again goes straight back to the studio.
		await page.goto('/join');
		await expect(page).toHaveURL(/\/studio$/);

		await page.getByRole('button', { name: 'Sign out' }).click();
		await expect(page).toHaveURL(/\/join\?signedOut=1$/);
		await expect(page.getByRole('status')).toHaveText('You have signed out safely.');
		await page.goto('/studio');
		await expect(page).toHaveURL(/\/join$/);
	});

	test('a wrong picture sequence shows "Not quite! Try again." and stays on the page', async ({
		page
	}) => {
		// One wrong try on a demo child nobody else signs in with wrongly, then the right one
		// (a success clears the child's failure count).
		await openStudent(page, DEMO.classroom.code, chloe.pseudonym);
		const url = page.url();
		await tapPictures(page, ['Sun', 'Tree', 'Flower']);
		await expect(page.getByRole('alert')).toHaveText('Not quite! Try again.');
		await expect(page).toHaveURL(url);
		await expect(
			page.getByRole('heading', { level: 1, name: `Hello, ${chloe.pseudonym}!` })
		).toBeVisible();
		// The pad is cleared for the next try.
		await expect(page.getByText('0 of 3 chosen')).toBeAttached();
		await expect(page.getByRole('button', { name: 'Sun', exact: true })).toBeEnabled();

		await tapPictures(page, chloe.pictures);
		await expect(page).toHaveURL(/\/studio$/);
		await expect(
			page.getByRole('heading', { level: 1, name: `Hello, ${chloe.pseudonym}!` })
		).toBeVisible();
	});

	test('a child locked after many wrong tries sees the "ask your teacher" message', async ({
		page,
		browser,
		context
	}) => {
		await useAdult(browser, context, 'teacher');
		const created = await createClass(page, ['Lockme']);
		const child = created.students[0]!;
		await lockOut(browser, created.code, child);

		// Even the right pictures are refused now, from another PC too.
		const other = await newEnglishContext(browser);
		const kid = await other.newPage();
		await openStudent(kid, created.code, child.pseudonym);
		await tapPictures(kid, child.pictures!);
		await expect(kid.getByRole('alert')).toHaveText(LOCKED);
		await expect(kid).not.toHaveURL(/\/studio/);
		await other.close();
	});

	// The locked-out message tells the child to ask the teacher: the reset must let them in.
	test("after a lockout, the teacher's new picture password lets the child in", async ({
		page,
		browser,
		context
	}) => {
		await useAdult(browser, context, 'teacher');
		const created = await createClass(page, ['Unlockme']);
		const child = created.students[0]!;
		await lockOut(browser, created.code, child, { tapEleventh: false });

		await page
			.getByRole('row')
			.filter({ hasText: child.pseudonym })
			.getByRole('button', { name: /^New picture password/ })
			.click();
		await expect(page.getByRole('status')).toHaveText(
			`New password for ${child.pseudonym}. Print a new card.`
		);
		const [renewed] = await readRoster(page);
		const other = await newEnglishContext(browser);
		const kid = await other.newPage();
		await openStudent(kid, created.code, child.pseudonym);
		await tapPictures(kid, renewed!.pictures!);
		await expect(kid).toHaveURL(/\/studio$/, { timeout: 3_000 });
		await other.close();
	});

	test('an unknown class code shows the translated message', async ({ page }) => {
		await open(page, '/join');
		await page.getByLabel('Class code').fill('ZZZZZZ');
		await page.getByRole('button', { name: 'Next' }).click();
		await expect(page.getByRole('alert')).toHaveText(
			'We could not find that class code. Check your login card and type it again.'
		);
		await expect(page).toHaveURL(/\/join$/);
		await expect(page.getByLabel('Class code')).toHaveValue('ZZZZZZ');
		await expect(page.getByLabel('Class code')).toHaveAttribute('aria-invalid', 'true');
	});

	test('a PIN child (美美 18, PIN 2468) signs in', async ({ page }) => {
		await openStudent(page, DEMO.classroom.code, meimei.pseudonym);
		await expect(page.getByRole('button', { name: 'Leaf', exact: true })).toHaveCount(0);
		await page.getByLabel('Type your 4-digit secret number').fill(meimei.pin);
		await page.getByRole('button', { name: 'Go to my studio' }).click();
		await expect(page).toHaveURL(/\/studio$/);
		await expect(page.getByRole('heading', { level: 1, name: 'Hello, 美美 18!' })).toBeVisible();
	});

	test('the child session cookie is a browser-session cookie, HttpOnly and SameSite=Lax', async ({
		page,
		context
	}) => {
		await openStudent(page, DEMO.classroom.code, xiaoming.pseudonym);
		await tapPictures(page, xiaoming.pictures);
		await expect(page).toHaveURL(/\/studio$/);

		const session = (await context.cookies()).find((c) => c.name === 'sprout_session');
		expect(session, 'sprout_session cookie').toBeDefined();
		expect(session!.expires, 'no Expires/Max-Age: gone when the browser closes').toBe(-1);
		expect(session!.httpOnly).toBe(true);
		expect(session!.sameSite).toBe('Lax');
		expect(session!.path).toBe('/');
		expect(session!.value).toMatch(/^[a-z2-7]{16}\.[a-z2-7]{32}$/);
		// Not readable by page scripts.
		expect(await page.evaluate(() => document.cookie)).not.toContain('sprout_session');
	});

	test('without JavaScript, three picture taps (three form posts) sign the child in', async ({
		browser
	}) => {
		const context = await newEnglishContext(browser, { javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto('/join');
		await page.getByLabel('Class code').fill('green2');
		await page.getByRole('button', { name: 'Next' }).click();
		await expect(page).toHaveURL(/\/join\/GREEN2$/);
		await page.getByRole('link', { name: ajie.pseudonym, exact: true }).click();
		await expect(
			page.getByRole('heading', { level: 1, name: `Hello, ${ajie.pseudonym}!` })
		).toBeVisible();

		const posts: string[] = [];
		page.on('request', (r) => {
			if (r.method() === 'POST') posts.push(r.postData() ?? '');
		});
		// 阿杰 3's password repeats a picture: Planet, Planet, Bird.
		await page.getByRole('button', { name: 'Planet', exact: true }).click();
		await expect(page.getByText('1 of 3 chosen')).toBeAttached();
		await expect(page.getByRole('img', { name: 'Planet', exact: true })).toHaveCount(1);
		await page.getByRole('button', { name: 'Planet', exact: true }).click();
		await expect(page.getByText('2 of 3 chosen')).toBeAttached();
		await page.getByRole('button', { name: 'Bird', exact: true }).click();

		await expect(page).toHaveURL(/\/studio$/);
		await expect(
			page.getByRole('heading', { level: 1, name: `Hello, ${ajie.pseudonym}!` })
		).toBeVisible();
		expect(posts).toHaveLength(3);
		await context.close();
	});

	// On a slow classroom PC a child starts typing before the page's script has loaded:
	// hydration must not wipe what they typed.
	test('a class code typed before the script has loaded is kept', async ({ page }) => {
		let release!: () => void;
		const scriptsHeld = new Promise<void>((resolve) => (release = resolve));
		await page.route('**/_app/immutable/entry/**', async (route) => {
			await scriptsHeld;
			await route.continue();
		});
		await page.goto('/join', { waitUntil: 'domcontentloaded' });
		await page.getByLabel('Class code').fill('green2');
		release();
		await waitForHydration(page);
		await expect(page.getByLabel('Class code')).toHaveValue('green2', { timeout: 1_000 });
	});
});
