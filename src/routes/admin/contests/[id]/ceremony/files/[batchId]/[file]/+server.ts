import { findCertificateFile } from '$lib/server/ceremony/certificate.service';
import { errorOn } from '$lib/server/errors';
import { requireArea } from '$lib/server/http';
import { getServices } from '$lib/server/services';
import { serveObject } from '$lib/server/storage/serve';
import type { RequestHandler } from './$types';

/** A finished certificate PDF, for organizers only; it carries children's real names. */
export const GET: RequestHandler = async (event) => {
	const actor = requireArea(event, 'admin');
	const { db, store } = await getServices();
	const { key, filename } = await findCertificateFile(
		db,
		actor,
		event.params.id,
		event.params.batchId,
		event.params.file.replace(/\.pdf$/, '')
	).catch(errorOn);
	const ascii = filename.replace(/[^\w.-]+/g, '_');
	return serveObject(store, key, event.request, {
		immutable: false,
		private: true,
		contentType: 'application/pdf',
		headers: {
			'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`
		}
	});
};
