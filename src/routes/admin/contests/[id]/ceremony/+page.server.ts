import { getServices } from '$lib/server/services';
import { errorOn, tryAction } from '$lib/server/errors';
import { field, requireArea } from '$lib/server/http';
import { countAwards, listCertificateRecipients } from '$lib/server/ceremony/ceremony.repository';
import { getCeremonyProgramme } from '$lib/server/ceremony/ceremony.service';
import {
	groupsOf,
	listCertificateBatches,
	SIGNATURE_MAX,
	startCertificates
} from '$lib/server/ceremony/certificate.service';
import { consentToday } from '$lib/server/consent/consent.service';
import { LOCALES } from '$lib/i18n/index';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireArea(event, 'admin');
	const { db, config } = await getServices();
	const contestId = event.params.id;
	const programme = await getCeremonyProgramme(db, actor, contestId, event.locals.locale).catch(
		errorOn
	);
	const [batches, recipients, awardCount] = await Promise.all([
		listCertificateBatches(db, actor, contestId, config.ngoName),
		listCertificateRecipients(db, contestId),
		countAwards(db, contestId)
	]);
	return {
		contest: { id: contestId, title: programme.contestTitle },
		awardCount,
		entryCount: recipients.length,
		hiddenCount: programme.hiddenCount,
		shownCount: programme.bands.reduce((n, b) => n + b.winners.length, 0),
		// School and class names only: the children's real names never reach the page.
		schools: groupsOf(recipients).map((s) => ({ id: s.id, name: s.name })),
		batches,
		today: consentToday(),
		signatureMax: SIGNATURE_MAX,
		locales: [...LOCALES]
	};
};

export const actions: Actions = {
	generate: async (event) => {
		const actor = requireArea(event, 'admin');
		const form = await event.request.formData();
		const locales: Record<string, string> = {};
		for (const [name, value] of form) {
			if (name.startsWith('lang.') && typeof value === 'string') locales[name.slice(5)] = value;
		}
		const request = {
			scope: field(form, 'scope'),
			locales,
			date: field(form, 'date'),
			signature: field(form, 'signature')
		};
		const { db, store } = await getServices();
		return tryAction(
			async () => ({
				started: await startCertificates({ db, store }, actor, event.params.id, request)
			}),
			{ scope: request.scope, date: request.date, signature: request.signature, locales }
		);
	}
};
