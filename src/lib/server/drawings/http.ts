import { json } from '@sveltejs/kit';
import { jsonErrorOn } from '../errors.ts';
import { serveObject } from '../storage/serve.ts';
import type { ObjectStore } from '../storage/object-store.ts';

/** Service refusals become `{ error: <message key>, revision? }` with the matching status. */
export function drawingErrorResponse(err: unknown): Response {
	return jsonErrorOn(err);
}

/** A child's drawing file (document or thumbnail): private, never cached on a shared PC. */
export function serveDrawingObject(
	store: ObjectStore,
	key: string,
	request: Request,
	headers: Record<string, string> = {}
): Promise<Response> {
	return serveObject(store, key, request, {
		immutable: false,
		private: true,
		headers,
		notFound: () => json({ error: 'drawing.error.notFound' }, { status: 404 })
	});
}
