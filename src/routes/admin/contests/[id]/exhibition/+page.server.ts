import { errorOn, failAs, tryAction } from '$lib/server/errors';
import { localize, parseLocalized } from '$lib/server/contests/contest.service';
import {
	exhibitionForOrganizer,
	publishExhibition,
	saveExhibitionSettings,
	setWorkDescription,
	setWorkHidden,
	unpublishExhibition
} from '$lib/server/exhibition/exhibition.service';
import { field, requireArea } from '$lib/server/http';
import { getServices } from '$lib/server/services';
import { exhibitionPath } from '$lib/exhibition/paths';
import { publicImage } from '$lib/server/exhibition/public-media';
import { isPublicScope } from '$lib/server/consent/consent.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireArea(event, 'admin');
	const { db } = await getServices();
	const { contest, exhibition, works, coverHandle } = await exhibitionForOrganizer(
		db,
		actor,
		event.params.id
	).catch(errorOn);
	const intro = parseLocalized(exhibition.intro);
	return {
		contest: {
			id: contest.id,
			status: contest.status,
			title: localize(parseLocalized(contest.title), event.locals.locale)
		},
		exhibition: {
			slug: exhibition.slug,
			intro,
			published: exhibition.published_at !== null,
			path: exhibitionPath(exhibition.slug),
			coverHandle: coverHandle ?? ''
		},
		works: works.map((w) => ({
			handle: w.handle,
			title: w.title,
			about: w.about,
			description: w.description ?? '',
			pseudonym: w.pseudonym,
			band: w.band_label,
			isPublic: isPublicScope(w.consent_scope),
			hiddenReason: w.hidden_reason,
			// Organizers see every approved work, public or not, through the private media route.
			image: publicImage(w.media, null, w.entry_id)
		}))
	};
};

export const actions: Actions = {
	settings: async (event) => {
		const actor = requireArea(event, 'admin');
		const form = await event.request.formData();
		const input = {
			slug: field(form, 'slug'),
			intro: {
				'zh-CN': field(form, 'intro.zh-CN'),
				en: field(form, 'intro.en'),
				fr: field(form, 'intro.fr')
			},
			cover: field(form, 'cover')
		};
		const { db } = await getServices();
		const done = await tryAction(() => saveExhibitionSettings(db, actor, event.params.id, input), {
			settingsEcho: input
		});
		return done ?? { saved: true };
	},
	publish: async (event) => {
		const actor = requireArea(event, 'admin');
		const { db } = await getServices();
		try {
			await publishExhibition(db, actor, event.params.id);
		} catch (err) {
			return failAs(err, 'publish');
		}
		return { published: true };
	},
	unpublish: async (event) => {
		const actor = requireArea(event, 'admin');
		const { db } = await getServices();
		try {
			await unpublishExhibition(db, actor, event.params.id);
		} catch (err) {
			return failAs(err, 'publish');
		}
		return { unpublished: true };
	},
	hide: async (event) => {
		const actor = requireArea(event, 'admin');
		const form = await event.request.formData();
		const handle = field(form, 'handle');
		const hide = field(form, 'hide') === '1';
		const { db } = await getServices();
		try {
			await setWorkHidden(db, actor, event.params.id, handle, hide, field(form, 'reason'));
		} catch (err) {
			return failAs(err, 'work', { handle });
		}
		return { handle, hidden: hide, shown: !hide };
	},
	describe: async (event) => {
		const actor = requireArea(event, 'admin');
		const form = await event.request.formData();
		const handle = field(form, 'handle');
		const { db } = await getServices();
		try {
			await setWorkDescription(db, actor, event.params.id, handle, field(form, 'description'));
		} catch (err) {
			return failAs(err, 'work', { handle });
		}
		return { handle, described: true };
	}
};
