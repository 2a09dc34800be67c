// The drawing paper as a test drives it: board coordinates to screen points, mouse strokes,
// tools, and the exported PNG read back at board points.
import { expect, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';

export const BOARD = { width: 1600, height: 1200 };
/** The room the editor leaves around the paper when it fits it to the screen. */
const FIT_MARGIN = 16;

/** Board coordinates → screen, from the canvas box and the editor's fit-to-screen view. */
export async function boardToScreen(page: Page) {
	const box = (await page.getByRole('application', { name: 'Drawing paper' }).boundingBox())!;
	const scale = Math.min(
		(box.width - 2 * FIT_MARGIN) / BOARD.width,
		(box.height - 2 * FIT_MARGIN) / BOARD.height
	);
	const left = box.x + (box.width - BOARD.width * scale) / 2;
	const top = box.y + (box.height - BOARD.height * scale) / 2;
	return (x: number, y: number) => ({ x: left + x * scale, y: top + y * scale });
}

/** A mouse drag through board points. */
export async function drag(page: Page, points: [number, number][]): Promise<void> {
	const at = await boardToScreen(page);
	const [first, ...rest] = points.map(([x, y]) => at(x, y));
	await page.mouse.move(first!.x, first!.y);
	await page.mouse.down();
	for (const p of rest) await page.mouse.move(p.x, p.y, { steps: 12 });
	await page.mouse.up();
}

export async function click(page: Page, x: number, y: number): Promise<void> {
	const p = (await boardToScreen(page))(x, y);
	await page.mouse.click(p.x, p.y);
}

export async function tool(page: Page, name: string): Promise<void> {
	await page
		.getByRole('toolbar', { name: 'Tools' })
		.getByRole('button', { name, exact: true })
		.click();
}

/** Presses "Download picture"; reads the 2× PNG's RGB at board points. */
export async function downloadPicture(page: Page) {
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Download picture' }).click()
	]);
	const png = await readFile((await download.path())!);
	const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
	expect([info.width, info.height]).toEqual([BOARD.width * 2, BOARD.height * 2]);
	return (bx: number, by: number) => {
		const i = (Math.round(by * 2) * info.width + Math.round(bx * 2)) * info.channels;
		return [data[i]!, data[i + 1]!, data[i + 2]!] as const;
	};
}
