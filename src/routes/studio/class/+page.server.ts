import { classGalleryForStudent } from '$lib/server/exhibition/class-gallery';
import { requireStudent } from '$lib/server/http';
import { getServices } from '$lib/server/services';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const student = requireStudent(event);
	const { db } = await getServices();
	return { works: await classGalleryForStudent(db, student) };
};
