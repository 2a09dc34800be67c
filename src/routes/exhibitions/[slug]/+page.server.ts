import { redirect } from '@sveltejs/kit';
import { errorOn } from '$lib/server/errors';
import { exhibitionGrid, gridSearch, parseGridQuery } from '$lib/server/exhibition/public.service';
import { getServices } from '$lib/server/services';
import { peoplesChoiceChangesAt, peoplesChoiceHandles } from '$lib/server/voting/vote-http';
import type { PageServerLoad } from './$types';

// Nothing on the grid needs hydrating: filters are a GET form, pages are links, and the
// page-weight meter and language menu get a tiny deferred script (PageWeight `island`). Not
// shipping the app's JavaScript is most of the first-load budget on a slow phone network.
export const csr = false;

export const load: PageServerLoad = async ({ params, url, locals, setHeaders }) => {
	const { db } = await getServices();
	let query;
	try {
		query = parseGridQuery(url.searchParams);
	} catch (err) {
		errorOn(err);
	}
	// The filter form sends every field, empty ones too: answer with the one short URL of
	// that state, so each view has exactly one address to share.
	const canonical = gridSearch(query);
	if (url.search !== canonical) redirect(303, url.pathname + canonical);
	const view = await exhibitionGrid(db, params.slug, query, locals.locale).catch(errorOn);
	// Always revalidated: a withdrawn work must not linger in a cache. Signed-in visitors get
	// `private, no-store` from the hook.
	setHeaders({ 'cache-control': 'public, no-cache', vary: 'Accept-Language, Cookie' });
	// The same page for every anonymous visitor of this locale, until the public version moves
	// or a running vote closes (its badges then appear with no write to the database).
	locals.shareable = { until: await peoplesChoiceChangesAt(db, params.slug) };
	return { ...view, peoplesChoice: await peoplesChoiceHandles(db, params.slug) };
};
