/**
 * The order a round's results are read in: by age band, then best rank first, artworks without
 * a rank (no score) last. Sorted here rather than by SQL `ORDER BY rank`, which puts NULLs first
 * on SQLite and last on PostgreSQL: on SQLite a half-judged round listed every unscored artwork
 * above the winners.
 */
export function byBandThenRank(
	a: { bandId: string | null; rank: number | null },
	b: { bandId: string | null; rank: number | null }
): number {
	const band = (a.bandId ?? '').localeCompare(b.bandId ?? '');
	if (band !== 0) return band;
	if (a.rank === b.rank) return 0;
	if (a.rank === null) return 1;
	if (b.rank === null) return -1;
	return a.rank - b.rank;
}
