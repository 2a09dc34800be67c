/**
 * What the organizer reads about a round: the stored results, each judge's score distribution
 * and leniency, and the CSV export. Children appear by their organizer handle and pseudonym
 * only; judges by display name.
 */
import type { SessionUser } from '../auth/session.ts';
import type { Db } from '../db/database.ts';
import { toCsv } from '../entries/csv.ts';
import { judgeHandle } from './handles.ts';
import * as repo from './judging.repository.ts';
import * as scoreRepo from './score.repository.ts';
import * as resultRepo from './result.repository.ts';
import { groupScores } from './score-rows.ts';
import { entryScore, isComplete, rubricResults, type Criterion } from './rubric.ts';
import { assertOrganizer, roundOfContest } from './round.service.ts';
import { comparisonsForTarget, reliabilityCurve } from './bradley-terry.ts';
import { listRoundComparisons, listRoundVotes } from './judgements.repository.ts';
import { fitPairwiseRound } from './method-tally.ts';

/** The organizer's own stable short name for an entry in a round (never shown to judges). */
export function organizerHandle(secret: string, entryId: string): string {
	return judgeHandle(secret, 'organizer', entryId);
}

function criteriaOf(rows: repo.CriterionRow[]): Criterion[] {
	return rows.map((c) => ({ id: c.id, weight: c.weight, min: c.min_value, max: c.max_value }));
}

/** Complete scorings per judge (s on the 0–1 scale), for the distribution chart and stats. */
export async function judgeDistributions(db: Db, round: repo.RoundRow) {
	const [criteriaRows, scores, judges] = await Promise.all([
		repo.listCriteria(db, round.id),
		scoreRepo.listRoundScores(db, round.id),
		repo.listRoundJudges(db, round.id)
	]);
	const criteria = criteriaOf(criteriaRows);
	const complete = groupScores(scores).filter((v) => isComplete(criteria, v.values));
	const stats = criteria.length
		? rubricResults({ criteria, scores: complete, disagreement: round.disagreement }).judges
		: [];
	return judges.map((j) => ({
		id: j.id,
		name: j.display_name,
		scores: complete.filter((v) => v.judgeId === j.id).map((v) => entryScore(criteria, v.values)),
		flagged: stats.find((s) => s.judgeId === j.id)?.flagged ?? false
	}));
}

export async function getRoundResults(
	db: Db,
	actor: SessionUser | null,
	contestId: string,
	roundId: string
) {
	assertOrganizer(actor);
	const round = await roundOfContest(db, contestId, roundId);
	const rows = await resultRepo.listResults(db, roundId);
	return rows.map((r) => ({
		entryId: r.entry_id,
		handle: organizerHandle(round.handle_secret, r.entry_id),
		bandId: r.age_band_id,
		title: r.title,
		pseudonym: r.pseudonym,
		judgeCount: r.judge_count,
		display: r.display,
		zMean: r.z_mean,
		rawMean: r.raw_mean,
		median: r.median,
		rank: r.rank,
		tieRule: r.tie_rule,
		advanced: r.advanced === 1,
		flagged: r.flagged === 1,
		overrideReason: r.override_reason
	}));
}

/** Every score (judge by name, entry by handle and pseudonym) and every result, as CSV. */
export async function exportRoundCsv(
	db: Db,
	actor: SessionUser | null,
	contestId: string,
	roundId: string
): Promise<string> {
	assertOrganizer(actor);
	const round = await roundOfContest(db, contestId, roundId);
	const [criteria, scores, judges, results] = await Promise.all([
		repo.listCriteria(db, roundId),
		scoreRepo.listRoundScores(db, roundId),
		repo.listRoundJudges(db, roundId),
		resultRepo.listResults(db, roundId)
	]);
	const nameOf = new Map(judges.map((j) => [j.id, j.display_name]));
	const pseudonymOf = new Map(results.map((r) => [r.entry_id, r.pseudonym]));
	const criterionNo = new Map(criteria.map((c, i) => [c.id, String(i + 1)]));
	const header = [
		'kind',
		'entry',
		'pseudonym',
		'judge',
		'criterion',
		'value',
		'score',
		'normalized',
		'median',
		'rank',
		'tie_rule',
		'advanced',
		'flagged'
	];
	const lines: string[][] = [];
	for (const r of results)
		lines.push([
			'result',
			organizerHandle(round.handle_secret, r.entry_id),
			r.pseudonym,
			'',
			'',
			'',
			r.display === null ? '' : r.display.toFixed(4),
			r.z_mean === null ? '' : r.z_mean.toFixed(4),
			r.median === null ? '' : r.median.toFixed(4),
			r.rank === null ? '' : String(r.rank),
			r.tie_rule ?? '',
			r.advanced ? '1' : '0',
			r.flagged ? '1' : '0'
		]);
	for (const s of scores)
		lines.push([
			'score',
			organizerHandle(round.handle_secret, s.entry_id),
			pseudonymOf.get(s.entry_id) ?? '',
			nameOf.get(s.judge_id) ?? '',
			criterionNo.get(s.criterion_id) ?? '',
			String(s.value),
			'',
			'',
			'',
			'',
			'',
			'',
			''
		]);
	// Screening votes and pairwise choices, one line each: criterion holds the other artwork of
	// the pair, value the vote or the winner's handle.
	const [votes, comparisons] = await Promise.all([
		round.method === 'screening' ? listRoundVotes(db, roundId) : [],
		round.method === 'pairwise' ? listRoundComparisons(db, roundId) : []
	]);
	const handle = (entryId: string) => organizerHandle(round.handle_secret, entryId);
	const blank = ['', '', '', '', '', '', ''];
	for (const v of votes)
		lines.push([
			'vote',
			handle(v.entry_id),
			pseudonymOf.get(v.entry_id) ?? '',
			nameOf.get(v.judge_id) ?? '',
			'',
			v.vote,
			...blank
		]);
	for (const c of comparisons)
		if (c.winner_entry_id !== null)
			lines.push([
				'comparison',
				handle(c.first_entry_id),
				pseudonymOf.get(c.first_entry_id) ?? '',
				nameOf.get(c.judge_id) ?? '',
				handle(c.second_entry_id),
				handle(c.winner_entry_id),
				...blank
			]);
	return toCsv(header, lines);
}

/**
 * The reliability meter of a pairwise round, per fitted group (band, or all): SSR, split-half,
 * comparisons still needed for SSR ≥ 0.80, whether the comparison graph is connected, and SSR
 * as the comparisons accumulated (for the chart). Refitted on every view: fast enough (the bench
 * fits 500 × 5,000 in well under 200 ms).
 */
export async function pairwiseSummary(
	db: Db,
	actor: SessionUser | null,
	contestId: string,
	roundId: string
) {
	assertOrganizer(actor);
	const round = await roundOfContest(db, contestId, roundId);
	const groups = await fitPairwiseRound(db, round);
	return {
		comparisons: groups.reduce((sum, g) => sum + g.comparisons.length, 0),
		groups: groups.map((g) => ({
			bandId: g.bandId,
			entries: g.fit.items.length,
			comparisons: g.comparisons.length,
			ssr: g.fit.ssr,
			splitHalf: g.fit.splitHalf,
			needed: comparisonsForTarget(g.fit),
			components: g.fit.components.length,
			curve: reliabilityCurve(
				g.fit.items.map((i) => i.id),
				g.comparisons,
				{ steps: 8, seed: 7 }
			)
		}))
	};
}
