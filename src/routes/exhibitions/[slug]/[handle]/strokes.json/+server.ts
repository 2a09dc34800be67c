import { json } from '@sveltejs/kit';
import { isHandle, isSlug } from '$lib/exhibition/paths';
import { findPublicEntry } from '$lib/server/exhibition/public-entry.repository';
import { publicStrokes } from '$lib/server/exhibition/public-strokes';
import { getServices } from '$lib/server/services';
import { objectNotFound } from '$lib/server/storage/serve';
import type { RequestHandler } from './$types';

/** The time-lapse of a public drawn work: strokes and marks only (see public-strokes.ts). */
export const GET: RequestHandler = async ({ params }) => {
	const { slug, handle } = params;
	if (!isSlug(slug) || !isHandle(handle)) return objectNotFound();
	const { db, store } = await getServices();
	const entry = await findPublicEntry(db, slug, handle);
	const doc = entry ? await publicStrokes(db, store, entry) : null;
	if (!doc) return objectNotFound();
	return json(doc, { headers: { 'Cache-Control': 'public, max-age=300, must-revalidate' } });
};
