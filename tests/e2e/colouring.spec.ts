// A child starts a drawing on a contest's colouring page: the paint bucket stops at the page's
// lines (which are not in the child's ink), and the exported picture has the lines on top.
import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { BOARD, click, downloadPicture, tool } from './board.ts';
import {
	createClass,
	expectNoSeriousAxeViolations,
	newEnglishContext,
	openContest,
	signInChild,
	useAdult,
	waitForHydration
} from './helpers.ts';

const BOX = { left: 600, top: 400, right: 1000, bottom: 800, line: 6 };

/** Line art at board size: one black box outline on white paper. */
async function boxPage(): Promise<Buffer> {
	const { width, height } = BOARD;
	const pixels = Buffer.alloc(width * height, 255);
	for (let y = BOX.top; y <= BOX.bottom; y++) {
		for (let x = BOX.left; x <= BOX.right; x++) {
			const onEdge =
				x - BOX.left < BOX.line ||
				BOX.right - x < BOX.line ||
				y - BOX.top < BOX.line ||
				BOX.bottom - y < BOX.line;
			if (onEdge) pixels[y * width + x] = 0;
		}
	}
	return sharp(pixels, { raw: { width, height, channels: 1 } })
		.png()
		.toBuffer();
}

test('a child colours inside a contest colouring page; the fill stops at its lines', async ({
	browser
}) => {
	const teacher = await newEnglishContext(browser);
	await useAdult(browser, teacher, 'teacher');
	const klass = await createClass(await teacher.newPage(), ['Lily Green']);
	const child = klass.students[0]!;
	await teacher.close();

	const organizer = await newEnglishContext(browser);
	await useAdult(browser, organizer, 'organizer');
	const admin = await organizer.newPage();
	const contestTitle = `填色 ${Date.now().toString(36)}`;
	await openContest(admin, contestTitle, '蓝色星球');
	const pages = admin.getByRole('region', { name: 'Colouring pages' });
	await pages.getByLabel('Name').fill('Box of blue');
	await pages.getByLabel('Line drawing').setInputFiles({
		name: 'box.png',
		mimeType: 'image/png',
		buffer: await boxPage()
	});
	await pages.getByRole('button', { name: 'Add colouring page' }).click();
	await expect(pages.getByRole('status')).toHaveText('Colouring page “Box of blue” added.');
	await organizer.close();

	const context = await newEnglishContext(browser, { acceptDownloads: true });
	const page = await context.newPage();
	await signInChild(page, klass.code, child.pseudonym, child.pictures!);
	const papers = page.getByRole('region', { name: 'Draw for a contest' });
	await expect(papers.getByRole('heading', { name: contestTitle })).toBeVisible();
	await expect(papers.getByRole('link', { name: 'Blank paper' }).first()).toBeVisible();
	await expectNoSeriousAxeViolations(page, 'studio with contest papers');
	// In this attempt's contest: a failed attempt's contest, still open, has a page of that name.
	await papers
		.getByRole('list', { name: `Colouring pages for ${contestTitle}` })
		.getByRole('link', { name: 'Box of blue' })
		.click();
	await expect(page).toHaveURL(/\/studio\/draw\/[a-z0-9]+\?contest=[^&]+&template=/);
	await waitForHydration(page);
	await expect(page.getByRole('button', { name: 'Pencil', exact: true })).toBeEnabled();

	await page.getByRole('button', { name: 'Blue', exact: true }).click();
	await tool(page, 'Fill');
	await click(page, 800, 600);
	await expect(page.getByRole('button', { name: 'Undo', exact: true })).toBeEnabled();

	const pixel = await downloadPicture(page);
	const [r, g, b] = pixel(800, 600);
	expect(b).toBeGreaterThan(150);
	expect(r).toBeLessThan(120);
	expect(g).toBeLessThan(200);
	// The page's line is on top of the colour, and the colour did not leak out of the box.
	expect(Math.max(...pixel(BOX.left + 3, 600))).toBeLessThan(60);
	expect(pixel(1300, 600)).toEqual([255, 255, 255]);
	expect(pixel(300, 300)).toEqual([255, 255, 255]);
	await context.close();
});
