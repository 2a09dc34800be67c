import { getCeremonyProgramme } from '$lib/server/ceremony/ceremony.service';
import { errorOn } from '$lib/server/errors';
import { requireArea } from '$lib/server/http';
import { getServices } from '$lib/server/services';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireArea(event, 'admin');
	const { db } = await getServices();
	const programme = await getCeremonyProgramme(
		db,
		actor,
		event.params.id,
		event.locals.locale
	).catch(errorOn);
	return {
		contestId: event.params.id,
		contestTitle: programme.contestTitle,
		// The show needs no child's words: only what the screen shows.
		bands: programme.bands.map((band) => ({
			label: band.label,
			winners: band.winners.map(({ entryId, kind, award, title, pseudonym, imageUrl }) => ({
				entryId,
				kind,
				award,
				title,
				pseudonym,
				imageUrl
			}))
		}))
	};
};
