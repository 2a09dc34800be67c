import { loadCatalog } from '$lib/i18n/index';
import type { PageLoad } from './$types';

/** The script may be read in another language than the page's: that catalog comes too. */
export const load: PageLoad = async ({ data }) => {
	await loadCatalog(data.lang);
	return data;
};
