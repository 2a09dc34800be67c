// Yes/no (optionally "maybe") screening: a quick first pass that only needs a fair share of
// "yes" per entry, so the score is a plain proportion, with "maybe" worth half a yes.

export type ScreeningVote = 'yes' | 'maybe' | 'no';

export interface ScreeningBallot {
	judgeId: string;
	entryId: string;
	vote: ScreeningVote;
}

export interface ScreeningResult {
	entryId: string;
	yes: number;
	maybe: number;
	no: number;
	/** (yes + maybe / 2) / judgeCount ∈ [0, 1]. */
	score: number;
	judgeCount: number;
}

/**
 *     score = (yes + maybe / 2) / count
 *
 * One vote per judge and entry: a later vote of the same judge replaces the earlier one (a judge
 * may change their mind until the round closes). Best first, then entry id for a stable order.
 */
export function screeningResults(votes: readonly ScreeningBallot[]): ScreeningResult[] {
	const latest = new Map<string, ScreeningBallot>();
	for (const vote of votes) latest.set(`${vote.judgeId}\u0000${vote.entryId}`, vote);

	const byEntry = new Map<string, ScreeningResult>();
	for (const { entryId, vote } of latest.values()) {
		let row = byEntry.get(entryId);
		if (!row)
			byEntry.set(entryId, (row = { entryId, yes: 0, maybe: 0, no: 0, score: 0, judgeCount: 0 }));
		row[vote] += 1;
		row.judgeCount += 1;
	}
	const rows = [...byEntry.values()];
	for (const row of rows) row.score = (row.yes + row.maybe / 2) / row.judgeCount;
	return rows.sort(
		(a, b) => b.score - a.score || (a.entryId < b.entryId ? -1 : a.entryId > b.entryId ? 1 : 0)
	);
}
