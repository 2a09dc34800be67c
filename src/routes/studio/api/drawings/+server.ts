import { json } from '@sveltejs/kit';
import { listMyDrawings } from '$lib/server/drawings/drawing.service';
import { requireStudent } from '$lib/server/http';
import { getServices } from '$lib/server/services';
import type { RequestHandler } from './$types';

/** The signed-in child's drawings on the server, newest first. */
export const GET: RequestHandler = async (event) => {
	const student = requireStudent(event);
	const { db } = await getServices();
	const drawings = await listMyDrawings(db, student);
	return json(
		drawings.map((d) => ({
			id: d.id,
			title: d.title,
			revision: d.revision,
			updatedAt: d.updated_at,
			hasThumbnail: d.thumb_key !== null
		})),
		{ headers: { 'cache-control': 'private, no-store' } }
	);
};
