import { expect, test, type Browser, type Page } from '@playwright/test';
import sharp from 'sharp';
import { boardToScreen, click, downloadPicture, drag, tool } from './board.ts';
import {
	createClass,
	expectNoSeriousAxeViolations,
	newEnglishContext,
	open,
	signInChild,
	useAdult,
	waitForHydration,
	type CreatedClass,
	type CreatedStudent
} from './helpers.ts';

/**
 * The drawing studio as a child sees it: drawing with the mouse, the tools, export, and the
 * promise that work is never lost (reload, offline, a stale tab, a shared PC). Uses its own
 * class, so the demo children stay untouched.
 */

const TITLE = 'Green house';

let klass: CreatedClass;
let childA: CreatedStudent;
let childB: CreatedStudent;
/** The drawing the first test makes; the later ones continue it. */
let drawingPath = '';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ browser }) => {
	const context = await newEnglishContext(browser);
	await useAdult(browser, context, 'teacher');
	klass = await createClass(await context.newPage(), ['Rosa Verde', 'Tom Blue']);
	[childA, childB] = klass.students as [CreatedStudent, CreatedStudent];
	expect(childA.pictures).not.toBeNull();
	expect(childB.pictures).not.toBeNull();
	await context.close();
});

async function childPage(browser: Browser, child: CreatedStudent) {
	const context = await newEnglishContext(browser, { acceptDownloads: true });
	const page = await context.newPage();
	await signInChild(page, klass.code, child.pseudonym, child.pictures!);
	return { context, page };
}

function status(page: Page) {
	return page.locator('header.topbar').getByRole('status');
}

async function waitForPaper(page: Page): Promise<void> {
	await waitForHydration(page);
	await expect(page.getByRole('button', { name: 'Pencil', exact: true })).toBeEnabled();
}

/** From the child's studio page: "New drawing", then waits for the paper; the editor's path. */
async function startNewDrawing(page: Page): Promise<string> {
	await page.getByRole('link', { name: 'New drawing' }).click();
	await expect(page).toHaveURL(/\/studio\/draw\/[a-z0-9]+$/);
	await waitForPaper(page);
	return new URL(page.url()).pathname;
}

function near(actual: readonly number[], expected: readonly number[], within = 12): boolean {
	return actual.every((v, i) => Math.abs(v - expected[i]!) <= within);
}

async function expectOnServer(page: Page): Promise<void> {
	await expect(status(page)).toHaveText('Saved', { timeout: 10_000 });
}

async function serverDrawings(
	page: Page
): Promise<{ id: string; title: string; revision: number }[]> {
	return page.evaluate(async () => {
		const response = await fetch('/studio/api/drawings');
		return (await response.json()) as { id: string; title: string; revision: number }[];
	});
}

test('draw, undo/redo, fill a box, stick a turned sticker, erase; reload restores; the PNG shows it', async ({
	browser
}) => {
	const { context, page } = await childPage(browser, childA);
	drawingPath = await startNewDrawing(page);
	await expect(status(page)).toHaveText('New paper');
	const undo = page.getByRole('button', { name: 'Undo', exact: true });
	const redo = page.getByRole('button', { name: 'Redo', exact: true });
	await expect(undo).toBeDisabled();
	await expect(redo).toBeDisabled();

	// A pencil line across the top-left: it stays.
	await tool(page, 'Pencil');
	await drag(page, [
		[300, 250],
		[700, 250]
	]);
	await expect(undo).toBeEnabled();
	await expect(redo).toBeDisabled();
	await expectOnServer(page);
	await undo.click();
	await expect(redo).toBeEnabled();
	await expect(undo).toBeDisabled();
	await redo.click();
	await expect(redo).toBeDisabled();
	await expect(undo).toBeEnabled();

	await page.getByRole('textbox', { name: 'Name of the drawing' }).fill(TITLE);

	// A closed box in the middle, filled red inside.
	await tool(page, 'Box');
	await drag(page, [
		[600, 400],
		[1000, 800]
	]);
	await page.getByRole('button', { name: 'Red', exact: true }).click();
	await tool(page, 'Fill');
	await click(page, 800, 600);

	// A tree sticker, turned twice, then stuck.
	await tool(page, 'Stickers');
	await page.getByRole('button', { name: 'Tree', exact: true }).click();
	await click(page, 300, 800);
	await page.getByRole('button', { name: 'Turn right' }).click();
	await page.getByRole('button', { name: 'Turn right' }).click();
	await page.getByRole('button', { name: 'Stick it' }).click();
	await expect(page.getByRole('button', { name: 'Stick it' })).toBeHidden();

	// A black line top-right, then rubbed out.
	await page.getByRole('button', { name: 'Black', exact: true }).click();
	await tool(page, 'Pencil');
	await drag(page, [
		[1150, 250],
		[1400, 250]
	]);
	await tool(page, 'Eraser');
	await drag(page, [
		[1100, 250],
		[1450, 250],
		[1100, 250]
	]);
	await expectOnServer(page);

	// Reload: everything is back (from this computer), and still saved.
	await page.reload();
	await waitForPaper(page);
	await expect(page.getByRole('textbox', { name: 'Name of the drawing' })).toHaveValue(TITLE);
	await expectOnServer(page);

	const pixel = await downloadPicture(page);
	/** The darkest channel sum around a board point. */
	const darkest = (bx: number, by: number, r = 8) => {
		let min = 765;
		for (let dy = -r; dy <= r; dy++)
			for (let dx = -r; dx <= r; dx++) {
				const [red, green, blue] = pixel(bx + dx / 2, by + dy / 2);
				min = Math.min(min, red + green + blue);
			}
		return min;
	};
	expect(near(pixel(800, 600), [0xe5, 0x39, 0x35]), `box centre ${pixel(800, 600)}`).toBe(true);
	expect(near(pixel(650, 700), [0xe5, 0x39, 0x35]), 'inside the box').toBe(true);
	expect(near(pixel(1400, 1000), [255, 255, 255]), 'white paper elsewhere').toBe(true);
	expect(near(pixel(100, 100), [255, 255, 255]), 'white paper corner').toBe(true);
	expect(darkest(500, 250), 'the pencil line').toBeLessThan(300);
	expect(darkest(1275, 250), 'the erased line').toBeGreaterThan(720);
	expect(darkest(300, 800, 40), 'the sticker').toBeLessThan(600);
	// One editor, one drawing: its own uploads never conflict with each other.
	await expect(page.getByText('Both are kept')).toHaveCount(0);
	expect((await serverDrawings(page)).map((d) => d.title)).toEqual([TITLE]);
	await context.close();
});

test('drawing offline says "saved on this computer", and syncs when back online', async ({
	browser
}) => {
	const { context, page } = await childPage(browser, childA);
	// A new browser has no local copy: the list and the editor come from the server.
	await page.getByRole('link', { name: new RegExp(TITLE) }).click();
	await waitForPaper(page);
	await expect(page.getByRole('textbox', { name: 'Name of the drawing' })).toHaveValue(TITLE);
	await expectOnServer(page);
	const id = drawingPath.split('/').pop()!;
	const before = (await serverDrawings(page)).find((d) => d.id === id)!.revision;

	await context.setOffline(true);
	await tool(page, 'Pencil');
	await drag(page, [
		[300, 1000],
		[700, 1100]
	]);
	await expect(status(page)).toHaveText('Offline — saved on this computer');
	await context.setOffline(false);
	await expectOnServer(page);
	const after = (await serverDrawings(page)).find((d) => d.id === id)!.revision;
	expect(after).toBeGreaterThan(before);

	// The session ends (here: its cookie is gone): kept here, and the child is told.
	await context.clearCookies();
	await drag(page, [
		[300, 1100],
		[700, 1000]
	]);
	await expect(page.getByRole('alert')).toContainText('You were signed out');
	await expect(status(page)).toHaveText('Saved on this computer');
	await context.close();
});

test('a stale second tab saving over newer work keeps both copies', async ({ browser }) => {
	const { context, page } = await childPage(browser, childA);
	const stale = await context.newPage();
	await open(page, drawingPath);
	await waitForPaper(page);
	await open(stale, drawingPath);
	await waitForPaper(stale);
	await expectOnServer(stale);

	await page.bringToFront();
	await tool(page, 'Pencil');
	await drag(page, [
		[1200, 500],
		[1400, 600]
	]);
	await expectOnServer(page);

	await stale.bringToFront();
	await tool(stale, 'Pencil');
	await drag(stale, [
		[1200, 900],
		[1400, 1000]
	]);
	await expect(stale.getByRole('alert')).toContainText('Both are kept');
	await expect(stale.getByRole('alert')).toContainText(`${TITLE} (copy)`);
	// The tab now shows the newer work, safely on the server.
	await expectOnServer(stale);

	await open(page, '/studio');
	await expect(page.getByRole('link', { name: new RegExp(`^${TITLE} \\(copy\\)`) })).toBeVisible();
	await expect(page.getByRole('link', { name: new RegExp(`^${TITLE} Saved`) })).toBeVisible();
	await expect
		.poll(async () => (await serverDrawings(page)).map((d) => d.title).sort())
		.toEqual([TITLE, `${TITLE} (copy)`]);

	// Deleting removes the server copy as well as this computer's.
	await page.getByRole('button', { name: `Delete ${TITLE} (copy)` }).click();
	await page.getByRole('dialog').getByRole('button', { name: 'Delete', exact: true }).click();
	await expect(page.getByRole('link', { name: new RegExp(`^${TITLE} \\(copy\\)`) })).toHaveCount(0);
	expect((await serverDrawings(page)).map((d) => d.title)).toEqual([TITLE]);
	await context.close();
});

test('the next child on the same browser cannot see or open the first child’s drawing', async ({
	browser
}) => {
	const { context, page } = await childPage(browser, childA);
	await open(page, drawingPath);
	await waitForPaper(page);
	await expectOnServer(page);
	// Leaving the studio: a drawing safely on the server does not stay on this computer.
	await page.getByRole('link', { name: 'Back to my studio' }).click();
	await expect(page.getByRole('link', { name: new RegExp(`^${TITLE} Saved`) })).toBeVisible();
	await expect
		.poll(() =>
			page.evaluate(
				() =>
					new Promise<number>((resolve) => {
						const req = indexedDB.open('sprout-drafts');
						req.onsuccess = () => {
							const all = req.result.transaction('drafts').objectStore('drafts').getAll();
							all.onsuccess = () => resolve(all.result.length);
						};
					})
			)
		)
		.toBe(0);

	await page.getByRole('button', { name: 'Sign out' }).click();
	await expect(page).toHaveURL(/\/join/);
	await signInChild(page, klass.code, childB.pseudonym, childB.pictures!);
	await expect(
		page.getByText('You have no drawings on this computer yet', { exact: false })
	).toBeVisible();
	await expect(page.getByText(TITLE)).toHaveCount(0);

	await open(page, drawingPath);
	await waitForPaper(page);
	await expect(status(page)).toHaveText('New paper');
	await expect(page.getByRole('textbox', { name: 'Name of the drawing' })).toHaveValue('');
	await context.close();
});

test('opacity, fill spread and paper colour: by mouse and keyboard, in the PNG, undoable', async ({
	browser
}) => {
	const { context, page } = await childPage(browser, childB);
	await startNewDrawing(page);

	// A half-strength blue pencil line.
	await tool(page, 'Pencil');
	await page.getByRole('slider', { name: 'Size' }).fill('40');
	const opacity = page.getByRole('slider', { name: 'Colour strength' });
	await expect(opacity).toHaveAttribute('aria-valuetext', '100%');
	await opacity.focus();
	for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowLeft');
	await expect(opacity).toHaveValue('50');
	await expect(opacity).toHaveAttribute('aria-valuetext', '50%');
	await expect(page.locator('.options').getByText('50%', { exact: true })).toBeVisible();
	await page.getByRole('button', { name: 'Blue', exact: true }).click();
	await drag(page, [
		[300, 600],
		[1300, 600]
	]);
	// The eraser always rubs out fully: it has no opacity.
	await tool(page, 'Eraser');
	await expect(page.getByRole('slider', { name: 'Size' })).toBeVisible();
	await expect(page.getByRole('slider', { name: 'Colour strength' })).toHaveCount(0);

	// Cream paper, chosen with the mouse; Escape closes the choices and returns focus.
	const paperButton = page.getByRole('button', { name: 'Paper: White' });
	await paperButton.click();
	await expect(paperButton).toHaveAttribute('aria-expanded', 'true');
	const choices = page.getByRole('group', { name: 'Paper' });
	await expect(choices.getByRole('button', { name: 'White' })).toHaveAttribute(
		'aria-pressed',
		'true'
	);
	await expectNoSeriousAxeViolations(page, 'the studio with the paper choices open');
	await choices.getByRole('button', { name: 'Cream' }).click();
	await expect(choices.getByRole('button', { name: 'Cream' })).toHaveAttribute(
		'aria-pressed',
		'true'
	);
	await expect(choices.getByRole('button', { name: 'White' })).toHaveAttribute(
		'aria-pressed',
		'false'
	);
	await page.keyboard.press('Escape');
	await expect(choices).toBeHidden();
	const creamButton = page.getByRole('button', { name: 'Paper: Cream' });
	await expect(creamButton).toBeFocused();
	await expect(creamButton).toHaveAttribute('aria-expanded', 'false');

	// The bucket's spread, by keyboard only, read out in words.
	await tool(page, 'Fill');
	const spread = page.getByRole('slider', { name: 'Fill spreads over' });
	await expect(spread).toHaveValue('32');
	await expect(spread).toHaveAttribute('aria-valuetext', 'Similar colours too');
	await spread.focus();
	await page.keyboard.press('Home');
	await expect(spread).toHaveValue('0');
	await expect(spread).toHaveAttribute('aria-valuetext', 'Only the exact same colour');
	await page.keyboard.press('ArrowRight');
	await expect(spread).toHaveValue('8');
	await expect(spread).toHaveAttribute('aria-valuetext', 'Very close colours too');
	await page.keyboard.press('End');
	await expect(spread).toHaveValue('128');
	await expect(spread).toHaveAttribute('aria-valuetext', 'Quite different colours too');
	await expectNoSeriousAxeViolations(page, 'the studio with the fill options');

	let pixel = await downloadPicture(page);
	const blue = [0x1e, 0x88, 0xe5];
	const cream = [0xff, 0xf8, 0xe1];
	expect(near(pixel(100, 100), cream, 3), `cream paper ${pixel(100, 100)}`).toBe(true);
	expect(near(pixel(1400, 1000), cream, 3), 'cream paper elsewhere').toBe(true);
	const ink = pixel(800, 600);
	const halfway = blue.map((b, i) => (b + cream[i]!) / 2);
	expect(near(ink, halfway, 16), `ink ${ink} is blue half-blended into cream`).toBe(true);
	expect(near(ink, blue, 40), 'ink is not full-strength blue').toBe(false);

	// Undo takes the paper back to white; the translucent line stays.
	await page.getByRole('button', { name: 'Undo', exact: true }).click();
	await expect(page.getByRole('button', { name: 'Paper: White' })).toBeVisible();
	pixel = await downloadPicture(page);
	expect(near(pixel(100, 100), [255, 255, 255], 3), `white paper ${pixel(100, 100)}`).toBe(true);
	expect(
		near(
			pixel(800, 600),
			blue.map((b) => (b + 255) / 2),
			16
		),
		`ink over white ${pixel(800, 600)}`
	).toBe(true);
	await context.close();
});

/** Dark pixels (ink) in a small square of the screen around `at`. */
async function inkOnScreen(page: Page, at: { x: number; y: number }): Promise<number> {
	const png = await page.screenshot({ clip: { x: at.x - 6, y: at.y - 6, width: 12, height: 12 } });
	const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
	let dark = 0;
	for (let i = 0; i < data.length; i += info.channels) {
		if (data[i]! < 110 && data[i + 1]! < 110 && data[i + 2]! < 110) dark++;
	}
	return dark;
}

test('ink follows the pen while the button is still down (drawn off the main thread), and stays after', async ({
	browser
}) => {
	const { context, page } = await childPage(browser, childB);
	await startNewDrawing(page);
	// Chromium has OffscreenCanvas: the live stroke goes to the worker's tiles once it is ready.
	await expect
		.poll(() => page.locator('.stage canvas').count(), { timeout: 10_000 })
		.toBeGreaterThan(3);
	const at = await boardToScreen(page);
	const start = at(300, 600);
	const middle = at(800, 600);
	const end = at(1300, 600);
	const away = at(800, 300);
	await page.mouse.move(start.x, start.y);
	await page.mouse.down();
	await page.mouse.move(end.x, end.y, { steps: 30 });
	await expect.poll(() => inkOnScreen(page, middle)).toBeGreaterThan(20);
	expect(await inkOnScreen(page, away), 'no ink away from the pen').toBe(0);
	await page.mouse.up();
	await expect(status(page)).toContainText(/Saved/);
	expect(await inkOnScreen(page, middle), 'the finished stroke stays').toBeGreaterThan(20);
	// And the stroke is in the document, not only on screen.
	const pixel = await downloadPicture(page);
	expect(near(pixel(800, 600), [0x22, 0x22, 0x22], 40), `ink ${pixel(800, 600)}`).toBe(true);

	// Undo and redo repaint only the box of the stroke they take away or bring back: on screen
	// that stroke goes (its end caps too) and comes back, and the one it crossed stays whole.
	const crossing = at(800, 600);
	const upper = at(800, 380);
	const cap = at(800, 300);
	await drag(page, [
		[800, 300],
		[800, 900]
	]);
	await expect(status(page)).toContainText(/Saved/);
	await expect.poll(() => inkOnScreen(page, upper)).toBeGreaterThan(20);
	await page.getByRole('button', { name: 'Undo', exact: true }).click();
	await expect.poll(() => inkOnScreen(page, upper), 'the undone stroke is gone').toBe(0);
	expect(await inkOnScreen(page, cap), 'its end cap too').toBe(0);
	expect(await inkOnScreen(page, crossing), 'the crossed stroke stays').toBeGreaterThan(20);
	expect(await inkOnScreen(page, at(1250, 600)), 'all of it').toBeGreaterThan(20);
	await page.getByRole('button', { name: 'Redo', exact: true }).click();
	await expect.poll(() => inkOnScreen(page, upper), 'redo brings it back').toBeGreaterThan(20);
	expect(await inkOnScreen(page, cap)).toBeGreaterThan(0);
	await context.close();
});
