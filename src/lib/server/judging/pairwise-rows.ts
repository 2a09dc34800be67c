// Pure helpers shared by the pairwise service and the closing tally: which decided comparisons
// count, and how a round's artworks split into the groups that are compared and fitted.
import type { Comparison } from './bradley-terry.ts';

interface ComparisonLike {
	judge_id: string;
	first_entry_id: string;
	second_entry_id: string;
	winner_entry_id: string | null;
}
type Assignments = readonly { judge_id: string; entry_id: string; recused_at: number | null }[];

/**
 * The decided comparisons that count: a judge's verdicts on artworks they later stepped aside
 * from are dropped, like a recused rubric score.
 */
export function countedComparisons(
	rows: readonly ComparisonLike[],
	assignments: Assignments
): Comparison[] {
	const recused = new Set(
		assignments.filter((a) => a.recused_at !== null).map((a) => `${a.judge_id}:${a.entry_id}`)
	);
	const out: Comparison[] = [];
	for (const r of rows) {
		if (r.winner_entry_id === null) continue;
		if (
			recused.has(`${r.judge_id}:${r.first_entry_id}`) ||
			recused.has(`${r.judge_id}:${r.second_entry_id}`)
		)
			continue;
		const loser = r.winner_entry_id === r.first_entry_id ? r.second_entry_id : r.first_entry_id;
		out.push({ judgeId: r.judge_id, winnerId: r.winner_entry_id, loserId: loser });
	}
	return out;
}

/** Entry ids per band (per-band rounds) or all together, bands in a stable order. */
export function groupsOf(
	round: { per_band: number },
	entries: readonly { id: string; age_band_id: string | null }[]
): { bandId: string | null; ids: string[] }[] {
	if (!round.per_band)
		return entries.length ? [{ bandId: null, ids: entries.map((e) => e.id) }] : [];
	const groups = new Map<string | null, string[]>();
	for (const e of entries) {
		// Pushed in place: a copy per entry grew with the square of a band's size.
		const ids = groups.get(e.age_band_id);
		if (ids) ids.push(e.id);
		else groups.set(e.age_band_id, [e.id]);
	}
	return [...groups.entries()]
		.sort(([a], [b]) => String(a).localeCompare(String(b)))
		.map(([bandId, ids]) => ({ bandId, ids }));
}

/**
 * Pairs a judge could be shown at all: within each group (band, or all), C(k, 2) for the k
 * artworks the judge holds there. Conflicts, recusals and per-band rounds shrink it.
 */
export function possiblePairs(
	round: { per_band: number },
	entries: readonly { id: string; age_band_id: string | null }[],
	held: ReadonlySet<string>
): number {
	let pairs = 0;
	for (const group of groupsOf(round, entries)) {
		const k = group.ids.filter((id) => held.has(id)).length;
		pairs += (k * (k - 1)) / 2;
	}
	return pairs;
}
