import { json } from '@sveltejs/kit';
import { pingDatabase } from '$lib/server/db/database';
import { getServices } from '$lib/server/services';
import type { RequestHandler } from './$types';

async function check(fn: () => Promise<void>): Promise<'ok' | 'unreachable'> {
	try {
		await Promise.race([
			fn(),
			new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 3000))
		]);
		return 'ok';
	} catch {
		return 'unreachable';
	}
}

/** For load balancers and the start-up wait: reports, never throws. */
export const GET: RequestHandler = async () => {
	let database: 'ok' | 'unreachable' = 'unreachable';
	let storage: 'ok' | 'unreachable' = 'unreachable';
	try {
		const services = await getServices();
		[database, storage] = await Promise.all([
			check(() => pingDatabase(services.db)),
			check(() => services.store.ping())
		]);
	} catch {
		// getServices failed: database or storage was unreachable at start-up.
	}
	const ok = database === 'ok' && storage === 'ok';
	return json(
		{ status: ok ? 'ok' : 'unavailable', database, storage },
		{ status: ok ? 200 : 503, headers: { 'cache-control': 'no-store' } }
	);
};
