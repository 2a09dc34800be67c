/**
 * Renders the drawing's document to a PNG at art-board size with the studio's own paint code,
 * off the main thread where the browser can (`picture-export.ts`), so the entry looks exactly
 * like the picture the child drew and the page never freezes while a big drawing is painted.
 * An entry on a colouring page is not sent without the page's lines: a failed fetch fails the
 * render, and the child is offered to try again.
 */
import { getDrawing } from '$lib/drafts/drawings-api';
import { exportPicture } from '$lib/draw/browser/picture-export';

export async function renderDrawingPng(
	drawingId: string,
	onProgress?: (fraction: number) => void
): Promise<Blob> {
	const answer = await getDrawing(fetch, encodeURIComponent(drawingId), { cache: 'no-store' });
	if (answer.status !== 'ok') throw new Error(`drawing ${answer.status}`);
	// The text goes to the worker as it is: parsing 5,000 strokes would be a long main-thread task.
	const { text } = answer.drawing;
	return exportPicture(text, { scale: 1, ...(onProgress ? { onProgress } : {}) });
}
