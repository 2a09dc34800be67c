import { renderSVG } from 'uqr';
import { publicArtworkUrl } from '$lib/exhibition/paths';
import { errorOn } from '$lib/server/errors';
import { artworkView, parseGridQuery } from '$lib/server/exhibition/public.service';
import { getServices } from '$lib/server/services';
import { voteForArtwork } from '$lib/server/voting/vote-http';
import type { PageServerLoad } from './$types';

/** QR codes of share links, a pure function of the URL and costly to draw on every view. */
const qrCodes = new Map<string, string>();
function qrOf(url: string): string {
	let svg = qrCodes.get(url);
	if (svg === undefined) {
		svg = renderSVG(url, { border: 1 });
		if (qrCodes.size >= 2000) qrCodes.delete(qrCodes.keys().next().value as string);
		qrCodes.set(url, svg);
	}
	return svg;
}

export const load: PageServerLoad = async ({ params, url, locals, setHeaders, cookies }) => {
	const { db } = await getServices();
	const view = await Promise.resolve()
		.then(() =>
			artworkView(db, params.slug, params.handle, parseGridQuery(url.searchParams), locals.locale)
		)
		.catch(errorOn);
	setHeaders({ 'cache-control': 'public, no-cache', vary: 'Accept-Language, Cookie' });
	// The shared link carries no filter: the work itself, the same for everyone.
	const shareUrl = publicArtworkUrl(url.origin, params.slug, params.handle);
	// People's choice: null when the vote is off, so the page loads nothing for it.
	const vote = await voteForArtwork(db, params.slug, params.handle, cookies);
	// Without a vote the page is the same for every anonymous visitor of this locale; with one,
	// the button depends on this browser's cookie and the clock.
	if (vote.vote === null && vote.peoplesChoice === null) locals.shareable = { until: null };
	return {
		...view,
		shareUrl,
		origin: url.origin,
		// SVG made on our server from our own URL.
		qrSvg: qrOf(shareUrl),
		...vote
	};
};
