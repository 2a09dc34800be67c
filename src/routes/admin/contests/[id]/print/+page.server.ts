import { DomainError, errorOn, failOn } from '$lib/server/errors';
import { requireArea } from '$lib/server/http';
import { getPrintPage, isPrintKind, requestPrint } from '$lib/server/print/print.service';
import { getServices } from '$lib/server/services';
import { isLocale, type Locale } from '$lib/i18n/index';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireArea(event, 'admin');
	const { db } = await getServices();
	return getPrintPage(db, actor, event.params.id, event.locals.locale).catch(errorOn);
};

/** Labels or pack, in the language chosen on the form (the organizer's own by default). */
async function request(event: Parameters<Actions[string]>[0]) {
	const actor = requireArea(event, 'admin');
	const form = await event.request.formData();
	const kind = String(form.get('kind') ?? '');
	const language = String(form.get('language') ?? '');
	const locale: Locale = isLocale(language) ? language : event.locals.locale;
	if (!isPrintKind(kind))
		return failOn(DomainError.invalid('print.error.failed'), { language: locale, kind: '' });
	const { db, config } = await getServices();
	try {
		await requestPrint(db, actor, event.params.id, kind, {
			locale,
			origin: config.origin ?? event.url.origin
		});
	} catch (err) {
		return failOn(err, { language: locale, kind });
	}
	return { started: kind, language: locale };
}

export const actions: Actions = { request };
