import { getServices } from '$lib/server/services.ts';
import { objectNotFound, publicObjectPolicy, serveObject } from '$lib/server/storage/serve.ts';
import type { RequestHandler } from './$types';

// Private objects get their own access checks in later issues; until then they are not served.
const serve: RequestHandler = async ({ params, request }) => {
	const policy = publicObjectPolicy(params.key);
	if (!policy) return objectNotFound();
	const { store } = await getServices();
	return serveObject(store, params.key, request, policy);
};

export const GET = serve;
export const HEAD = serve;
