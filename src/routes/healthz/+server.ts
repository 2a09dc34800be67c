import { json } from '@sveltejs/kit';
import { getServices, probeServices } from '$lib/server/services';
import type { RequestHandler } from './$types';

/** For load balancers and start-up waits: reports which part is down, never throws. */
export const GET: RequestHandler = async () => {
	// Gives start-up another chance first; a failure here is reported by the probe below.
	await getServices().catch(() => {});
	const { database, storage } = await probeServices();
	const ok = database === 'ok' && storage === 'ok';
	return json(
		{ status: ok ? 'ok' : 'unavailable', database, storage },
		{ status: ok ? 200 : 503, headers: { 'cache-control': 'no-store' } }
	);
};
