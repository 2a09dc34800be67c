import { error } from '@sveltejs/kit';
import { Readable } from 'node:stream';
import {
	canViewEntryMedia,
	findEntryRendition,
	isEntryMediaVariant
} from '$lib/server/entries/media-access';
import { getServices } from '$lib/server/services';
import type { RequestHandler } from './$types';

function notFound(): never {
	error(404, { message: 'Not found', key: 'error.notFound' });
}

/**
 * An entry's rendition, for the child who made it, their teacher, or an organizer; everyone
 * else gets the same 404 as for a missing entry. Keys are content-addressed, so a browser may
 * keep a copy for long — but only its own (private).
 */
export const GET: RequestHandler = async (event) => {
	const { entryId, variant } = event.params;
	if (!isEntryMediaVariant(variant)) notFound();
	const { user, student } = event.locals;
	const viewer = student ? { student } : user ? { user } : null;
	if (!viewer) notFound();
	const { db, store } = await getServices();
	if (!(await canViewEntryMedia(db, viewer, entryId))) notFound();
	const rendition = await findEntryRendition(db, entryId, variant);
	if (!rendition) notFound();
	const object = await store.get(rendition.key);
	if (!object) notFound();
	return new Response(Readable.toWeb(object.body) as ReadableStream, {
		headers: {
			'content-type': rendition.contentType,
			'content-length': String(object.info.size),
			'cache-control': 'private, max-age=31536000, immutable',
			etag: object.info.etag,
			'x-content-type-options': 'nosniff'
		}
	});
};
