/**
 * Renders the drawing's document to a PNG at art-board size with the studio's own renderer,
 * in a hidden container, so the entry looks exactly like the picture the child drew.
 */
import { parseDocument } from '$lib/draw/parse-document';

export async function renderDrawingPng(drawingId: string): Promise<Blob> {
	const res = await fetch(`/studio/api/drawings/${encodeURIComponent(drawingId)}`, {
		cache: 'no-store'
	});
	if (!res.ok) throw new Error(`drawing ${res.status}`);
	const parsed = parseDocument(await res.json());
	if (!parsed.ok) throw new Error(`drawing ${parsed.reason}`);
	const { KonvaRenderer } = await import('$lib/draw/konva-renderer');
	// An entry on a colouring page is not sent without the page's lines: a failed fetch fails
	// the render, and the child is offered to try again.
	const template = parsed.doc.template;
	const page = template
		? await (await import('$lib/draw/colouring-page')).loadColouringPage(template)
		: null;
	const host = document.createElement('div');
	host.style.cssText = 'position:fixed;left:-10000px;top:0;width:1px;height:1px;overflow:hidden';
	host.setAttribute('aria-hidden', 'true');
	document.body.append(host);
	const renderer = new KonvaRenderer(host, { page });
	try {
		renderer.renderDocument(parsed.doc);
		return await renderer.exportPng(1);
	} finally {
		renderer.destroy();
		host.remove();
	}
}
