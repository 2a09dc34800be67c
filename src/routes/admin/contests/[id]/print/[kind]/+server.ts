import { errorOn } from '$lib/server/errors';
import { requireArea } from '$lib/server/http';
import { findPrintFile, isPrintKind } from '$lib/server/print/print.service';
import { getServices } from '$lib/server/services';
import { objectNotFound, serveObject } from '$lib/server/storage/serve';
import type { RequestHandler } from './$types';

/** The finished labels PDF or print pack, for the contest's organizers only. */
export const GET: RequestHandler = async (event) => {
	const actor = requireArea(event, 'admin');
	const { kind } = event.params;
	if (!isPrintKind(kind)) return objectNotFound();
	const { db, store } = await getServices();
	const file = await findPrintFile(db, actor, event.params.id, kind).catch(errorOn);
	return serveObject(store, file.key, event.request, {
		// Each finished file has a key of its own, so a copy never goes stale; only this viewer's.
		immutable: true,
		private: true,
		headers: { 'Content-Disposition': `attachment; filename="${file.name}"` }
	});
};
