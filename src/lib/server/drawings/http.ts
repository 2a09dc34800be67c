import { json } from '@sveltejs/kit';
import { Readable } from 'node:stream';
import { isDomainError } from '../errors.ts';
import type { ObjectStore } from '../storage/object-store.ts';
import { DrawingServiceError } from './drawing.service.ts';

/** Service errors become `{ error: <message key>, revision? }` with the matching status. */
export function drawingErrorResponse(err: unknown): Response {
	if (err instanceof DrawingServiceError)
		return json({ error: err.code, revision: err.revision }, { status: err.status });
	if (isDomainError(err)) return json({ error: err.code }, { status: err.status });
	throw err;
}

export async function streamObject(
	store: ObjectStore,
	key: string,
	headers: Record<string, string>
): Promise<Response> {
	const object = await store.get(key);
	if (!object) return json({ error: 'drawing.error.notFound' }, { status: 404 });
	return new Response(Readable.toWeb(object.body) as ReadableStream, {
		headers: {
			'content-type': object.info.contentType,
			'content-length': String(object.info.size),
			'cache-control': 'private, no-store',
			'x-content-type-options': 'nosniff',
			...headers
		}
	});
}
