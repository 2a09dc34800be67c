import { errorOn, failAs } from '$lib/server/errors';
import { classGalleryForTeacher } from '$lib/server/exhibition/class-gallery';
import { setClassWorkDescription } from '$lib/server/exhibition/exhibition.service';
import { field, requireArea } from '$lib/server/http';
import { getServices } from '$lib/server/services';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireArea(event, 'classroom');
	const { db } = await getServices();
	const { classroom, works } = await classGalleryForTeacher(db, actor, event.params.id).catch(
		errorOn
	);
	return { classroom: { id: classroom.id, name: classroom.name }, works };
};

export const actions: Actions = {
	describe: async (event) => {
		const actor = requireArea(event, 'classroom');
		const form = await event.request.formData();
		const entryId = field(form, 'entry');
		const { db } = await getServices();
		try {
			await setClassWorkDescription(
				db,
				actor,
				event.params.id,
				entryId,
				field(form, 'description')
			);
		} catch (err) {
			return failAs(err, 'work', { entry: entryId });
		}
		return { entry: entryId, described: true };
	}
};
