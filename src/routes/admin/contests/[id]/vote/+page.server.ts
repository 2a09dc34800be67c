import { DomainError, errorOn, failAs } from '$lib/server/errors';
import { localize, parseLocalized } from '$lib/server/contests/contest.service';
import { epochToLocal } from '$lib/server/contests/time-zone';
import { artworkPath } from '$lib/exhibition/paths';
import { field, requireArea } from '$lib/server/http';
import { getServices } from '$lib/server/services';
import { closeVoteNow, getVoteAdmin, updateVoteSettings } from '$lib/server/voting/voting.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireArea(event, 'admin');
	const { db } = await getServices();
	const view = await getVoteAdmin(db, actor, event.params.id).catch(errorOn);
	const local = (at: number | null | undefined) =>
		at == null ? '' : epochToLocal(at, view.timeZone);
	const bandLabel = (id: string) => view.bands.find((b) => b.id === id)?.label ?? '';
	const slug = view.publishedSlug;
	return {
		contest: {
			id: view.contest.id,
			status: view.contest.status,
			title: localize(parseLocalized(view.contest.title), event.locals.locale)
		},
		timeZone: view.timeZone,
		state: view.state,
		exhibited: slug !== null,
		settings: {
			enabled: view.settings?.enabled ?? false,
			opensAt: local(view.settings?.opensAt),
			closesAt: local(view.settings?.closesAt)
		},
		closedAt: view.settings?.closedAt ?? null,
		flaggedVotes: view.flaggedVotes,
		networks: view.networks,
		// Organizers may see titles and pseudonyms (public anyway), never internal ids.
		results:
			view.totals?.map((t) => ({
				key: t.handle,
				band: bandLabel(t.ageBandId),
				title: t.title,
				pseudonym: t.pseudonym,
				votes: t.votes,
				isWinner: t.isWinner,
				href: slug ? artworkPath(slug, t.handle) : null
			})) ?? null
	};
};

export const actions: Actions = {
	save: async (event) => {
		const actor = requireArea(event, 'admin');
		const form = await event.request.formData();
		const input = {
			enabled: field(form, 'enabled') === 'on',
			opensAt: field(form, 'opensAt'),
			closesAt: field(form, 'closesAt')
		};
		const { db } = await getServices();
		try {
			await updateVoteSettings(db, actor, event.params.id, input);
		} catch (err) {
			return failAs(err, 'save', { echo: input });
		}
		return { saved: true };
	},
	close: async (event) => {
		const actor = requireArea(event, 'admin');
		const form = await event.request.formData();
		const { db } = await getServices();
		try {
			if (field(form, 'confirm') !== 'on') throw DomainError.invalid('vote.admin.closeConfirm');
			await closeVoteNow(db, actor, event.params.id);
		} catch (err) {
			return failAs(err, 'close');
		}
		return { closed: true };
	}
};
