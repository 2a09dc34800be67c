import { json } from '@sveltejs/kit';
import { getViewableDrawing } from '$lib/server/drawings/drawing.service';
import { drawingErrorResponse, serveDrawingObject } from '$lib/server/drawings/http';
import { requireStudent } from '$lib/server/http';
import { getServices } from '$lib/server/services';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const student = requireStudent(event);
	const { db, store } = await getServices();
	try {
		const drawing = await getViewableDrawing(db, { student }, event.params.id);
		if (!drawing.thumb_key) return json({ error: 'drawing.error.notFound' }, { status: 404 });
		return serveDrawingObject(store, drawing.thumb_key, event.request);
	} catch (err) {
		return drawingErrorResponse(err);
	}
};
