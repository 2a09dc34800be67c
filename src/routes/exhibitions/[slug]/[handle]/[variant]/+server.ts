import { isHandle, isSlug } from '$lib/exhibition/paths';
import { ENTRY_MEDIA_VARIANTS, isEntryMediaVariant } from '$lib/server/entries/media-access';
import { findPublicEntry } from '$lib/server/exhibition/public-entry.repository';
import { getServices } from '$lib/server/services';
import { objectNotFound, serveObject } from '$lib/server/storage/serve';
import type { RequestHandler } from './$types';

/**
 * A public work's picture. The rule is asked on every request, and browsers may keep the
 * bytes only briefly (then revalidate by ETag): a withdrawn or hidden work's saved URL stops
 * answering within minutes everywhere and at once here. Content-addressed storage keys, which
 * could be shared by other entries, never appear in the URL.
 */
export const GET: RequestHandler = async ({ params, request }) => {
	const { slug, handle, variant } = params;
	if (!isSlug(slug) || !isHandle(handle) || !isEntryMediaVariant(variant)) return objectNotFound();
	const { db, store } = await getServices();
	const entry = await findPublicEntry(db, slug, handle);
	const rendition = entry?.media?.variants.find((v) => v.name === ENTRY_MEDIA_VARIANTS[variant]);
	if (!rendition) return objectNotFound();
	return serveObject(store, rendition.key, request, {
		immutable: false,
		contentType: rendition.contentType,
		headers: { 'Cache-Control': 'public, max-age=300, must-revalidate' }
	});
};
