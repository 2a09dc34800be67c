import { fail } from '@sveltejs/kit';
import { errorOn, failAs, failOn } from '$lib/server/errors';
import { isContestStatus, needsConfirmation } from '$lib/server/contests/lifecycle';
import { formatAgeBands } from '$lib/server/contests/age-bands';
import {
	getContestForEdit,
	transitionContest,
	updateContest
} from '$lib/server/contests/contest.service';
import {
	addContestTemplate,
	listTemplatesForAdmin,
	moveContestTemplate,
	removeContestTemplate,
	TEMPLATE_LABEL_MAX,
	TEMPLATES_PER_CONTEST_MAX
} from '$lib/server/contests/template.service';
import { CONTEST_TIME_ZONES } from '$lib/server/contests/time-zone';
import { listSchools } from '$lib/server/schools/school.repository';
import { field, requireArea } from '$lib/server/http';
import { getServices } from '$lib/server/services';
import { contestInputFromForm } from '../contest-form.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireArea(event, 'admin');
	const { db } = await getServices();
	const contest = await getContestForEdit(db, actor, event.params.id).catch(errorOn);
	const [schools, templates] = await Promise.all([
		listSchools(db),
		listTemplatesForAdmin(db, actor, contest.id)
	]);
	return {
		id: contest.id,
		status: contest.status,
		nextSteps: [...contest.nextSteps],
		confirmSteps: contest.nextSteps.filter(needsConfirmation),
		isEditable: contest.isEditable,
		created: event.url.searchParams.has('created'),
		values: {
			title: contest.title,
			theme: contest.theme,
			brief: contest.brief,
			rules: contest.rules,
			ageBands: formatAgeBands(contest.ageBands),
			schoolIds: contest.schoolIds,
			timeZone: contest.timeZone,
			opensAt: contest.opensAt,
			closesAt: contest.closesAt,
			entriesPerChild: String(contest.entriesPerChild),
			boardSize: contest.boardSize as string,
			allowStudio: contest.allowStudio,
			allowUpload: contest.allowUpload
		},
		schools: schools.map((s) => ({ id: s.id, name: s.name, city: s.city })),
		timeZones: [...CONTEST_TIME_ZONES],
		board: contest.board,
		templates,
		templateLimits: { labelMax: TEMPLATE_LABEL_MAX, count: TEMPLATES_PER_CONTEST_MAX },
		canChangeTemplates: contest.canChangeTemplates
	};
};

export const actions: Actions = {
	save: async (event) => {
		const actor = requireArea(event, 'admin');
		const input = contestInputFromForm(await event.request.formData());
		const { db } = await getServices();
		try {
			await updateContest(db, actor, event.params.id, input);
		} catch (err) {
			return failOn(err, { ...input });
		}
		return { saved: true };
	},
	transition: async (event) => {
		const actor = requireArea(event, 'admin');
		const form = await event.request.formData();
		const to = field(form, 'to');
		if (!isContestStatus(to))
			return fail(400, { transitionError: 'contests.error.transition.notAllowed' });
		// The page's confirm step sends this; a bare button press (or a crafted post) does not.
		if (needsConfirmation(to) && field(form, 'confirmed') !== 'yes')
			return fail(400, { transitionError: 'stage.confirm.needed' });
		const { db } = await getServices();
		try {
			await transitionContest(db, actor, event.params.id, to);
		} catch (err) {
			return failAs(err, 'transition');
		}
		return { transitioned: to };
	},
	addTemplate: async (event) => {
		const actor = requireArea(event, 'admin');
		const form = await event.request.formData();
		const label = field(form, 'label');
		const file = form.get('image');
		// A file input left empty still sends a part: no name, no bytes.
		const chosen = file instanceof File && (file.size > 0 || file.name !== '') ? file : null;
		const services = await getServices();
		try {
			await addContestTemplate(services, actor, event.params.id, {
				label,
				image: chosen && new Uint8Array(await chosen.arrayBuffer())
			});
		} catch (err) {
			return failAs(err, 'template', { label });
		}
		return { templateAdded: label.trim() };
	},
	removeTemplate: async (event) => {
		const actor = requireArea(event, 'admin');
		const templateId = field(await event.request.formData(), 'templateId');
		const services = await getServices();
		try {
			await removeContestTemplate(services, actor, event.params.id, templateId);
		} catch (err) {
			return failAs(err, 'template');
		}
		return { templateRemoved: true };
	},
	moveTemplate: async (event) => {
		const actor = requireArea(event, 'admin');
		const form = await event.request.formData();
		const direction = field(form, 'direction') === 'up' ? 'up' : 'down';
		const { db } = await getServices();
		try {
			await moveContestTemplate(db, actor, event.params.id, field(form, 'templateId'), direction);
		} catch (err) {
			return failAs(err, 'template');
		}
		return { templateMoved: true };
	}
};
