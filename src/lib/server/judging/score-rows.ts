/**
 * Rubric score rows (one per criterion) gathered into one RubricScore per judge and entry, the
 * shape the pure rubric module takes. Shared by closing, triage and the organizer's charts.
 */
import type { RubricScore } from './rubric.ts';

export function groupScores(
	rows: readonly { judge_id: string; entry_id: string; criterion_id: string; value: number }[],
	keep: (judgeId: string, entryId: string) => boolean = () => true
): RubricScore[] {
	const byPair = new Map<string, RubricScore>();
	for (const s of rows) {
		if (!keep(s.judge_id, s.entry_id)) continue;
		const key = `${s.judge_id}:${s.entry_id}`;
		let score = byPair.get(key);
		if (!score) {
			score = { judgeId: s.judge_id, entryId: s.entry_id, values: {} };
			byPair.set(key, score);
		}
		score.values[s.criterion_id] = s.value;
	}
	return [...byPair.values()];
}

/** Keeps only finished, unrecused work: half a scoring says nothing about the entry. */
export function countedWork(
	assignments: readonly {
		judge_id: string;
		entry_id: string;
		done_at: number | null;
		recused_at: number | null;
	}[]
): (judgeId: string, entryId: string) => boolean {
	const counted = new Set(
		assignments
			.filter((a) => a.done_at !== null && a.recused_at === null)
			.map((a) => `${a.judge_id}:${a.entry_id}`)
	);
	return (judgeId, entryId) => counted.has(`${judgeId}:${entryId}`);
}
