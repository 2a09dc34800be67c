import { renderSVG } from 'uqr';
import { publicArtworkUrl } from '$lib/exhibition/paths';
import { errorOn } from '$lib/server/errors';
import { artworkView, parseGridQuery } from '$lib/server/exhibition/public.service';
import { getServices } from '$lib/server/services';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url, locals, setHeaders }) => {
	const { db } = await getServices();
	const view = await Promise.resolve()
		.then(() =>
			artworkView(db, params.slug, params.handle, parseGridQuery(url.searchParams), locals.locale)
		)
		.catch(errorOn);
	setHeaders({ 'cache-control': 'public, no-cache', vary: 'Accept-Language, Cookie' });
	// The shared link carries no filter: the work itself, the same for everyone.
	const shareUrl = publicArtworkUrl(url.origin, params.slug, params.handle);
	return {
		...view,
		shareUrl,
		origin: url.origin,
		// SVG made on our server from our own URL.
		qrSvg: renderSVG(shareUrl, { border: 1 })
	};
};
