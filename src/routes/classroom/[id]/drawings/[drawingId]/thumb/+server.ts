import { json } from '@sveltejs/kit';
import { getDrawingForTeacher } from '$lib/server/drawings/teacher';
import { drawingErrorResponse, serveDrawingObject } from '$lib/server/drawings/http';
import { requireArea } from '$lib/server/http';
import { getServices } from '$lib/server/services';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const actor = requireArea(event, 'classroom');
	const { db, store } = await getServices();
	try {
		const { drawing } = await getDrawingForTeacher(
			db,
			actor,
			event.params.id,
			event.params.drawingId
		);
		if (!drawing.thumb_key) return json({ error: 'drawing.error.notFound' }, { status: 404 });
		return serveDrawingObject(store, drawing.thumb_key, event.request);
	} catch (err) {
		return drawingErrorResponse(err);
	}
};
