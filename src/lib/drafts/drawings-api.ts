/**
 * The studio's client for `/studio/api/drawings/<id>`, the server's safe copy of each drawing:
 * `GET` answers the document's JSON as stored, with its revision and title in headers; `PUT`
 * takes multipart `meta` ({ baseRevision, title }), `doc` and an optional `thumb`, and answers
 * `{ revision }` or 409 when the server has newer work. Status codes are left to the callers
 * (the sync retries, the editor shows a message); both functions reject only when no answer
 * arrives at all (offline, blocked).
 */

export const DRAWINGS_API = '/studio/api/drawings';

/** The server's copy of a drawing. The text is parsed by the caller, or by the export worker. */
export interface ServerDrawing {
	text: string;
	title: string;
	revision: number;
}

export type DrawingAnswer =
	| { status: 'ok'; drawing: ServerDrawing }
	/** Not a 2xx: the response, for its status. */
	| { status: 'refused'; response: Response }
	/** A 2xx without a usable revision. */
	| { status: 'unreadable' };

export interface DrawingUpload {
	baseRevision: number | null;
	title: string;
	doc: Blob;
	thumb?: Blob | null;
}

function send(
	fetchFn: typeof fetch,
	id: string,
	init: RequestInit,
	apiBase: string
): Promise<Response> {
	return fetchFn(`${apiBase}/${id}`, {
		...init,
		credentials: 'same-origin',
		// A signed-out child is redirected to sign in: seen as such, not followed.
		redirect: 'manual',
		headers: { accept: 'application/json' }
	});
}

export async function getDrawing(
	fetchFn: typeof fetch,
	id: string,
	options: { apiBase?: string; cache?: RequestCache } = {}
): Promise<DrawingAnswer> {
	const init: RequestInit = { method: 'GET', ...(options.cache ? { cache: options.cache } : {}) };
	const response = await send(fetchFn, id, init, options.apiBase ?? DRAWINGS_API);
	if (!response.ok) return { status: 'refused', response };
	const text = await response.text();
	const revision = Number(response.headers.get('x-drawing-revision'));
	if (!Number.isInteger(revision) || revision < 1) return { status: 'unreadable' };
	const title = safeDecode(response.headers.get('x-drawing-title') ?? '');
	return { status: 'ok', drawing: { text, title, revision } };
}

export function putDrawing(
	fetchFn: typeof fetch,
	id: string,
	upload: DrawingUpload,
	apiBase = DRAWINGS_API
): Promise<Response> {
	const body = new FormData();
	body.set('meta', JSON.stringify({ baseRevision: upload.baseRevision, title: upload.title }));
	body.set('doc', upload.doc, 'drawing.json');
	if (upload.thumb) body.set('thumb', upload.thumb, 'thumb');
	return send(fetchFn, id, { method: 'PUT', body }, apiBase);
}

function safeDecode(value: string): string {
	try {
		return decodeURIComponent(value);
	} catch {
		return '';
	}
}
