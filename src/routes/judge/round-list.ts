/**
 * The judge's list of rounds: what they can work on now comes first (a volunteer on a phone
 * should not scroll past last year's closed rounds to find today's), then rounds not open yet,
 * then closed ones; newest first within each, as the server sends them.
 */
const PLACE: Record<string, number> = { open: 0, draft: 1, closed: 2 };

export function openFirst<T extends { status: string }>(rounds: readonly T[]): T[] {
	return rounds.toSorted((a, b) => (PLACE[a.status] ?? 3) - (PLACE[b.status] ?? 3));
}

/** What the list says under a round the judge cannot open: a draft is not "closed". */
export function waitingKey(status: string) {
	return status === 'draft' ? 'judging.judge.notOpenYet' : 'judging.status.closed';
}
