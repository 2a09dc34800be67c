import { authorizeEntry } from '$lib/server/entries/entry-access';
import { isEntryMediaVariant, renditionOf } from '$lib/server/entries/media-access';
import { getServices } from '$lib/server/services';
import { objectNotFound, serveObject } from '$lib/server/storage/serve';
import type { RequestHandler } from './$types';

/**
 * An entry's rendition, for whoever the entry access policy admits; everyone else gets the same
 * 404 as for a missing entry. Keys are content-addressed, so a browser may keep a copy for long
 * — but only its own (private).
 */
export const GET: RequestHandler = async (event) => {
	const { entryId, variant } = event.params;
	if (!isEntryMediaVariant(variant)) return objectNotFound();
	const { user, student } = event.locals;
	const viewer = student ? { student } : user ? { user } : { anonymous: true as const };
	const { db, store } = await getServices();
	const entry = await authorizeEntry(db, viewer, entryId, 'rendition');
	const rendition = entry && renditionOf(entry.media, variant);
	if (!rendition) return objectNotFound();
	return serveObject(store, rendition.key, event.request, {
		immutable: true,
		private: true,
		contentType: rendition.contentType
	});
};
