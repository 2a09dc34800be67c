import { json } from '@sveltejs/kit';
import {
	deleteDrawing,
	getViewableDrawing,
	MAX_DOC_BYTES,
	saveDrawing
} from '$lib/server/drawings/drawing.service';
import { drawingErrorResponse, serveDrawingObject } from '$lib/server/drawings/http';
import { requireStudent } from '$lib/server/http';
import { getServices } from '$lib/server/services';
import type { RequestHandler } from './$types';

/** The document JSON as stored; title and revision travel in headers. */
export const GET: RequestHandler = async (event) => {
	const student = requireStudent(event);
	const { db, store } = await getServices();
	try {
		const drawing = await getViewableDrawing(db, { student }, event.params.id);
		return serveDrawingObject(store, drawing.doc_key, event.request, {
			'x-drawing-revision': String(drawing.revision),
			'x-drawing-title': encodeURIComponent(drawing.title),
			'x-drawing-updated-at': String(drawing.updated_at)
		});
	} catch (err) {
		return drawingErrorResponse(err);
	}
};

/**
 * Saves a revision: multipart with `meta` ({ baseRevision, title }), `doc` (the document
 * JSON) and an optional `thumb` image. 409 means the server has newer work: keep both.
 */
export const PUT: RequestHandler = async (event) => {
	const student = requireStudent(event);
	const declared = Number(event.request.headers.get('content-length') ?? 0);
	if (declared > MAX_DOC_BYTES + 1024 * 1024)
		return json({ error: 'drawing.error.tooLarge' }, { status: 413 });
	let form: FormData;
	try {
		form = await event.request.formData();
	} catch {
		return json({ error: 'drawing.error.corrupt' }, { status: 400 });
	}
	const meta = parseMeta(form.get('meta'));
	const doc = form.get('doc');
	const thumb = form.get('thumb');
	if (!meta || !(doc instanceof File || typeof doc === 'string'))
		return json({ error: 'drawing.error.corrupt' }, { status: 400 });
	const { db, store } = await getServices();
	try {
		const result = await saveDrawing(db, store, student, event.params.id, {
			baseRevision: meta.baseRevision,
			title: meta.title,
			docText: typeof doc === 'string' ? doc : await doc.text(),
			thumb: thumb instanceof File ? new Uint8Array(await thumb.arrayBuffer()) : null
		});
		return json(result);
	} catch (err) {
		return drawingErrorResponse(err);
	}
};

export const DELETE: RequestHandler = async (event) => {
	const student = requireStudent(event);
	const { db, store } = await getServices();
	try {
		await deleteDrawing(db, store, student, event.params.id);
		return new Response(null, { status: 204 });
	} catch (err) {
		return drawingErrorResponse(err);
	}
};

function parseMeta(
	value: FormDataEntryValue | null
): { baseRevision: number | null; title: string } | null {
	if (typeof value !== 'string' || value.length > 4096) return null;
	try {
		const meta = JSON.parse(value) as { baseRevision?: unknown; title?: unknown };
		const base = meta.baseRevision;
		if (base !== null && !(Number.isInteger(base) && (base as number) >= 1)) return null;
		if (typeof meta.title !== 'string') return null;
		return { baseRevision: base as number | null, title: meta.title };
	} catch {
		return null;
	}
}
