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
		return serveDrawingObject(store, drawing.doc_key, event.request, {
			'x-drawing-revision': String(drawing.revision)
		});
	} catch (err) {
		return drawingErrorResponse(err);
	}
};
