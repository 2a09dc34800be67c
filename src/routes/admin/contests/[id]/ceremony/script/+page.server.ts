import { getCeremonyProgramme } from '$lib/server/ceremony/ceremony.service';
import { errorOn } from '$lib/server/errors';
import { requireArea } from '$lib/server/http';
import { getServices } from '$lib/server/services';
import { isLocale } from '$lib/i18n/index';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireArea(event, 'admin');
	const asked = event.url.searchParams.get('lang');
	// An unknown language is not an error: the script is read in the reader's own.
	const lang = isLocale(asked) ? asked : event.locals.locale;
	const { db } = await getServices();
	const programme = await getCeremonyProgramme(db, actor, event.params.id, lang).catch(errorOn);
	return { contestId: event.params.id, lang, programme };
};
