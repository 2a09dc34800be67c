import { expect, test, type Browser, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { BOARD } from './board.ts';
import {
	createClass,
	expectNoHorizontalScroll,
	expectNoSeriousAxeViolations,
	newEnglishContext,
	openContest,
	signInChild,
	useAdult,
	waitForHydration,
	type CreatedClass,
	shotsDir
} from './helpers.ts';

/**
 * A child who cannot use a mouse, or cannot see the screen well: drawing with the keyboard,
 * hearing what is on the paper, submitting; and the editor at 200 % zoom and 320 px wide.
 */

const SHOTS = shotsDir('h-inclusion');
let klass: CreatedClass;
let contestTitle = '';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ browser }) => {
	test.setTimeout(90_000);
	contestTitle = `绿色家园 ${Date.now().toString(36)}`;
	const admin = await newEnglishContext(browser);
	await useAdult(browser, admin, 'organizer');
	await openContest(await admin.newPage(), contestTitle);
	await admin.close();
	const teacher = await newEnglishContext(browser);
	await useAdult(browser, teacher, 'teacher');
	klass = await createClass(await teacher.newPage(), ['Kim Keys', 'Lou Zoom']);
	await teacher.close();
});

async function childPage(browser: Browser, index: number) {
	const context = await newEnglishContext(browser, { acceptDownloads: true });
	const page = await context.newPage();
	const child = klass.students[index]!;
	await signInChild(page, klass.code, child.pseudonym, child.pictures!);
	return { context, page };
}

async function newDrawing(page: Page): Promise<void> {
	await page.getByRole('link', { name: 'New drawing' }).click();
	await expect(page).toHaveURL(/\/studio\/draw\/[a-z0-9]+$/);
	await waitForHydration(page);
	await expect(page.getByRole('button', { name: 'Pencil', exact: true })).toBeEnabled();
}

function paper(page: Page) {
	return page.getByRole('application', { name: 'Drawing paper' });
}

function said(page: Page) {
	return page.locator('[aria-live="polite"].visually-hidden');
}

async function keys(page: Page, ...presses: string[]): Promise<void> {
	for (const key of presses) await page.keyboard.press(key);
}

test('a child draws with the keyboard only, hears it, undoes, exports and submits', async ({
	browser
}) => {
	test.setTimeout(120_000);
	const { context, page } = await childPage(browser, 0);
	const notFound: string[] = [];
	page.on('response', (r) => r.status() === 404 && notFound.push(r.url()));
	await newDrawing(page);
	// Issue 11: a new drawing asks the server for nothing it cannot have.
	expect(notFound).toEqual([]);

	// Tab reaches the paper; the cursor starts in the middle (800, 600).
	await paper(page).focus();
	await expect(paper(page)).toBeFocused();

	// A sticker top left: S, two big steps left and up, Enter places it, Enter sticks it.
	await keys(page, 's', 'Shift+ArrowLeft', 'Shift+ArrowLeft', 'Shift+ArrowUp', 'Shift+ArrowUp');
	await expect(said(page)).toHaveText('Cursor top left (25%, 17%)');
	await keys(page, 'Enter');
	await expect(said(page)).toContainText('Tree sticker top left');
	await keys(page, '+', 'Enter');
	await expect(said(page)).toHaveText('Done: tree top left');

	// Words: T, Enter opens the text field there; Enter puts them on and comes back to the paper.
	await keys(page, 't', 'Shift+ArrowDown', 'Shift+ArrowDown', 'Shift+ArrowDown', 'Enter');
	const words = page.getByRole('textbox', { name: 'Your words' });
	await expect(words).toBeFocused();
	await page.keyboard.type('Hi');
	await keys(page, 'Enter');
	await expect(paper(page)).toBeFocused();
	await expect(said(page)).toHaveText('Done: the words “Hi” bottom left');

	// A box from (600, 400) to (1000, 800).
	await keys(page, 'r', 'Shift+ArrowRight', 'Shift+ArrowUp', 'Shift+ArrowUp', 'Enter');
	await expect(said(page)).toContainText('Box started');
	await keys(page, 'Shift+ArrowRight', 'Shift+ArrowRight', 'Shift+ArrowDown', 'Shift+ArrowDown');
	await keys(page, 'Enter');
	await expect(said(page)).toHaveText('Done: a black box in the middle');

	// Red from the palette (a one-key shortcut there does nothing), then fill inside the box.
	const red = page.getByRole('button', { name: 'Red', exact: true });
	await red.focus();
	await keys(page, 'e');
	await expect(page.getByRole('button', { name: 'Eraser', exact: true })).toHaveAttribute(
		'aria-pressed',
		'false'
	);
	await keys(page, 'Enter');
	await paper(page).focus();
	await keys(page, 'g', 'Shift+ArrowLeft', 'Shift+ArrowUp', 'Enter');
	await expect(said(page)).toHaveText('Done: an area filled red in the middle');

	// A line, then Ctrl+Z takes exactly that line away.
	await keys(page, 'l', 'Enter', 'Shift+ArrowDown', 'Shift+ArrowDown', 'Shift+ArrowDown', 'Enter');
	await expect(said(page)).toContainText('a red line');
	await keys(page, 'Control+z');
	await expect(said(page)).toHaveText('Undone');

	// D reads the picture; the same words show on screen.
	await keys(page, 'd');
	const description =
		'White paper; an area filled red in the middle; a black box in the middle; ' +
		'1 sticker: tree top left; the words “Hi” bottom left.';
	await expect(said(page)).toHaveText(description);
	await expect(page.getByText(description, { exact: true }).first()).toBeVisible();
	await page.screenshot({ path: `${SHOTS}/keyboard-drawing-en-1366.png` });

	// The download shows them all (board points read from the 2× PNG).
	const download = page.getByRole('button', { name: 'Download picture' });
	await download.focus();
	const [file] = await Promise.all([page.waitForEvent('download'), keys(page, 'Enter')]);
	const png = await readFile((await file.path())!);
	const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
	expect([info.width, info.height]).toEqual([BOARD.width * 2, BOARD.height * 2]);
	const at = (bx: number, by: number) => {
		const i = (Math.round(by * 2) * info.width + Math.round(bx * 2)) * info.channels;
		return [data[i]!, data[i + 1]!, data[i + 2]!];
	};
	const isRed = ([r, g, b]: number[]) => r! > 200 && g! < 90 && b! < 90;
	const isDark = ([r, g, b]: number[]) => r! < 80 && g! < 80 && b! < 80;
	const isWhite = ([r, g, b]: number[]) => r! > 245 && g! > 245 && b! > 245;
	expect(isRed(at(800, 650))).toBe(true);
	expect(isDark(at(600, 600))).toBe(true);
	expect(isDark(at(800, 400))).toBe(true);
	expect(isWhite(at(400, 200))).toBe(false);
	// The undone line ran down from the middle to the bottom edge, below the box.
	expect(isWhite(at(800, 950))).toBe(true);
	let textInk = 0;
	for (let x = 400; x < 480; x += 2)
		for (let y = 800; y < 850; y += 2) if (isDark(at(x, y))) textInk++;
	expect(textInk).toBeGreaterThan(5);

	// "Enter a contest" is the main button: it saves, then opens the submit page.
	const submit = page.getByRole('button', { name: 'Enter a contest' });
	await submit.focus();
	await keys(page, 'Enter');
	await expect(page).toHaveURL(/\/studio\/submit\/[a-z0-9]+$/, { timeout: 20_000 });
	await waitForHydration(page);
	const about = page.getByLabel('About my artwork');
	await expect(about).toHaveValue(description);

	// "Send" is reachable and says what is missing.
	const send = page.getByRole('button', { name: 'Send my artwork' });
	await send.focus();
	await keys(page, 'Enter');
	await expect(page.getByText(/^Still needed:/)).toBeVisible();
	await page.getByRole('radio', { name: new RegExp(contestTitle) }).focus();
	await keys(page, 'Space');
	await page.getByLabel('My age').focus();
	await page.getByLabel('My age').selectOption({ label: '9 years old' });
	await page.getByLabel('Title of my artwork').focus();
	await page.keyboard.type('Keys');
	await page.getByLabel('I confirm I made this artwork myself').focus();
	await keys(page, 'Space');
	await send.focus();
	await keys(page, 'Enter');
	const done = page.getByText('Sent! Now waiting for your teacher.');
	await expect(done).toBeVisible({ timeout: 20_000 });
	await expect(done).toBeFocused();
	await context.close();
});

/** The editor at a size: 200 % zoom on 1366×768 is 683×384 CSS pixels at a 2× device. */
for (const size of [
	{ name: '200% zoom', viewport: { width: 683, height: 384 }, deviceScaleFactor: 2 },
	{ name: '320 px', viewport: { width: 320, height: 640 }, deviceScaleFactor: 2 },
	{ name: '390 px', viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 }
]) {
	test(`the join pad, the studio and the editor work at ${size.name} (zh-CN)`, async ({
		browser
	}) => {
		test.setTimeout(90_000);
		const slug = size.name.replace(/\W+/g, '-');
		const context = await browser.newContext({
			viewport: size.viewport,
			deviceScaleFactor: size.deviceScaleFactor,
			locale: 'zh-CN'
		});
		const page = await context.newPage();
		const child = klass.students[1]!;
		await page.goto(`/join/${klass.code}`);
		await page.getByRole('link', { name: child.pseudonym, exact: true }).click();
		await waitForHydration(page);
		await expectNoHorizontalScroll(page, `the picture pad at ${size.name}`);
		await page.screenshot({ path: `${SHOTS}/join-pad-zh-${slug}.png` });
		// The pictures' names are Chinese here: press them by their English names' ids.
		const ids: Record<string, string> = {
			'Water drop': 'drop',
			Bicycle: 'bike',
			Recycling: 'recycle'
		};
		for (const picture of child.pictures!) {
			const id = ids[picture] ?? picture.toLowerCase();
			await page.locator(`button[name="pick"][value="${id}"]`).click();
		}
		await expect(page).toHaveURL(/\/studio$/);
		await expectNoHorizontalScroll(page, `the studio at ${size.name}`);

		await page.getByRole('link', { name: '画一幅新画' }).click();
		await expect(page).toHaveURL(/\/studio\/draw\/[a-z0-9]+$/);
		await waitForHydration(page);
		await expect(page.getByRole('button', { name: '铅笔', exact: true })).toBeEnabled();
		const box = (await page.getByRole('application', { name: '画纸' }).boundingBox())!;
		expect(box.height, `${size.name}: paper height`).toBeGreaterThanOrEqual(200);
		expect(box.width, `${size.name}: paper width`).toBeGreaterThanOrEqual(240);
		await expectNoHorizontalScroll(page, `the editor at ${size.name}`);
		// A focused control is never under the zoom buttons or anything else.
		for (const label of ['贴纸', '文字', '吸管', '红色']) {
			const button = page.getByRole('button', { name: label, exact: true });
			await button.focus();
			const covered = await button.evaluate((el) => {
				const r = el.getBoundingClientRect();
				const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
				return !hit || !el.contains(hit);
			});
			expect(covered, `${size.name}: ${label} is covered or off screen`).toBe(false);
		}
		await expectNoSeriousAxeViolations(page, `the editor at ${size.name}`);
		await page.getByRole('application', { name: '画纸' }).focus();
		await page.screenshot({ path: `${SHOTS}/editor-zh-${slug}.png` });
		await context.close();
	});
}

test('screens in Chinese: the editor after keyboard drawing, and the submit page', async ({
	browser
}) => {
	test.setTimeout(90_000);
	const context = await browser.newContext({
		locale: 'zh-CN',
		viewport: { width: 1366, height: 768 }
	});
	const page = await context.newPage();
	const child = klass.students[1]!;
	await page.goto(`/join/${klass.code}`);
	await page.getByRole('link', { name: child.pseudonym, exact: true }).click();
	await waitForHydration(page);
	const ids: Record<string, string> = {
		'Water drop': 'drop',
		Bicycle: 'bike',
		Recycling: 'recycle'
	};
	for (const picture of child.pictures!) {
		await page
			.locator(`button[name="pick"][value="${ids[picture] ?? picture.toLowerCase()}"]`)
			.click();
	}
	await expect(page).toHaveURL(/\/studio$/);
	await page.getByRole('link', { name: '画一幅新画' }).click();
	await waitForHydration(page);
	await expect(page.getByRole('button', { name: '铅笔', exact: true })).toBeEnabled();
	await page.getByRole('application', { name: '画纸' }).focus();
	await keys(page, 's', 'Shift+ArrowRight', 'Shift+ArrowUp', 'Enter', 'Enter');
	await keys(page, 'o', 'Shift+ArrowLeft', 'Shift+ArrowLeft', 'Enter', 'Shift+ArrowDown', 'Enter');
	await keys(page, 'd');
	await expect(said(page)).toContainText('个贴纸');
	await page.screenshot({ path: `${SHOTS}/editor-zh-1366.png` });
	await page.getByRole('button', { name: '参加比赛' }).click();
	await expect(page).toHaveURL(/\/studio\/submit\//, { timeout: 20_000 });
	await waitForHydration(page);
	await expect(page.getByLabel('关于我的作品')).not.toHaveValue('');
	// aria-disabled until complete: Playwright's click would wait, a child's Enter does not.
	await page.getByRole('button', { name: '提交作品' }).focus();
	await keys(page, 'Enter');
	await expect(page.getByText(/^还差：/)).toBeFocused();
	await page.screenshot({ path: `${SHOTS}/submit-zh-1366.png`, fullPage: true });
	await page.setViewportSize({ width: 390, height: 844 });
	await page.screenshot({ path: `${SHOTS}/submit-zh-390.png`, fullPage: true });
	await context.close();
});
