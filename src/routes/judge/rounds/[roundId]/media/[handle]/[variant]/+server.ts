import { error } from '@sveltejs/kit';
import { isDomainError } from '$lib/server/errors';
import { requireUser } from '$lib/server/http';
import { findJudgeRendition } from '$lib/server/judging/scoring.service';
import { getServices } from '$lib/server/services';
import { serveObject } from '$lib/server/storage/serve';
import type { RequestHandler } from './$types';

const VARIANTS = { 'display.webp': 'display', 'thumb.webp': 'thumb' } as const;

function notFound(): never {
	error(404, { message: 'Not found', key: 'error.notFound' });
}

/**
 * A judge's picture, addressed only by round + their own handle: the URL names no entry, child
 * or file, and another judge's handle is the same 404 as a made-up one.
 */
export const GET: RequestHandler = async (event) => {
	const user = requireUser(event, 'judge', 'organizer');
	const { roundId, handle, variant } = event.params;
	if (!Object.hasOwn(VARIANTS, variant)) notFound();
	const { db, store } = await getServices();
	let rendition;
	try {
		rendition = await findJudgeRendition(
			db,
			user,
			roundId,
			handle,
			VARIANTS[variant as keyof typeof VARIANTS]
		);
	} catch (err) {
		if (isDomainError(err)) notFound();
		throw err;
	}
	return serveObject(store, rendition.key, event.request, {
		immutable: false,
		private: true,
		contentType: rendition.contentType,
		// The handle's picture never changes within a round: the next entry comes from the cache.
		headers: { 'cache-control': 'private, max-age=86400' },
		notFound
	});
};
