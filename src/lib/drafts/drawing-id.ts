import { createId } from '$lib/draw/ids';

/** Ids for `/studio/draw/[id]`: lower-case letters and digits, as the route accepts. */
export function newDrawingId(): string {
	return createId(12);
}
