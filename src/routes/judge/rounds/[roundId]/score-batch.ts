/**
 * How the judge's score queue groups its saves (plain functions, so the save benchmark sends
 * exactly what a judge's screen sends). The first waiting score goes at once; the scores of the
 * same artwork that piled up behind it (keys pressed while the previous save travelled) go with
 * it in one request. A lone score keeps the single-criterion body every server version takes.
 */

/** A score the server has not confirmed yet. */
export interface Pending {
	handle: string;
	criterionId: string;
	value: number | null;
	/** Revision the server last confirmed for this score (0 = none). */
	base: number;
}

/** `first` and the other waiting scores of its artwork, in queue order. */
export function batchOf(pending: readonly Pending[], first: Pending): Pending[] {
	return pending.filter((p) => p === first || p.handle === first.handle);
}

/** The request body: one score as it is, several as `{ handle, scores: [...] }`. */
export function bodyOf(items: readonly Pending[]): unknown {
	if (items.length === 1) return items[0];
	return {
		handle: items[0]!.handle,
		scores: items.map(({ criterionId, value, base }) => ({ criterionId, value, base }))
	};
}
