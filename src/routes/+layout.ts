import { loadCatalog } from '$lib/i18n/index';
import type { LayoutLoad } from './$types';

/** The page's language is in hand before anything renders (the browser fetches only it). */
export const load: LayoutLoad = async ({ data }) => {
	await loadCatalog(data.locale);
	return data;
};
