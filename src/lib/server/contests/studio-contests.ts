/**
 * What the studio needs to know about contests: which ones the signed-in child may draw for,
 * their art board and their colouring pages. Template URLs are same-origin `/objects/…` paths
 * (never presigned S3 URLs), so the studio canvas may read their pixels.
 */
import type { SessionStudent } from '../auth/session.ts';
import type { Db } from '../db/database.ts';
import { listStudioEligibleContests } from '../entries/submission.service.ts';
import type { Locale } from '../../i18n/index.ts';
import type { BoardSize } from '../../contests/board-size.ts';
import { boardOf, contestHeading } from './contest.service.ts';
import { listTemplates } from './template.repository.ts';
import { toTemplateView, type TemplateView } from './template.service.ts';

export type { BoardSize };

/** One colouring page: `{ id, label, url, thumbUrl, width, height }` (see TemplateView). */
export type StudioTemplate = TemplateView;

export interface StudioContest {
	id: string;
	/** In the reader's language, Chinese when missing. */
	title: string;
	theme: string;
	/** Epoch ms; with `timeZone` to show it the organizer's way. */
	closesAt: number;
	timeZone: string;
	/** Art board in pixels, e.g. { width: 1600, height: 1200 }. */
	board: BoardSize;
	/** Places the child still has in this contest (0: may draw, but not submit another). */
	entriesLeft: number;
	/** In the organizer's order; may be empty. */
	templates: StudioTemplate[];
}

/**
 * Open contests the child is eligible for from the studio (school, allowed source, dates,
 * age bands: src/lib/server/entries/eligibility.ts), soonest closing first. The entry limit
 * does not hide a contest; `entriesLeft` tells it.
 */
export async function studioContestsFor(
	db: Db,
	student: SessionStudent,
	locale: Locale,
	now = Date.now()
): Promise<StudioContest[]> {
	const eligible = await listStudioEligibleContests(db, student.id, now);
	const templates = await listTemplates(
		db,
		eligible.map((e) => e.row.id)
	);
	return eligible.map(({ row, facts, activeEntries }) => ({
		...contestHeading(row, locale, now),
		board: boardOf(row),
		entriesLeft: Math.max(0, facts.entriesPerChild - activeEntries),
		templates: templates.filter((t) => t.contest_id === row.id).map(toTemplateView)
	}));
}

/**
 * One colouring page of a contest the child may draw for now, or null (no such page, or the
 * contest is not open to this child).
 */
export async function templateForStudent(
	db: Db,
	student: SessionStudent,
	contestId: string,
	templateId: string,
	now = Date.now()
): Promise<StudioTemplate | null> {
	const eligible = await listStudioEligibleContests(db, student.id, now);
	if (!eligible.some((e) => e.row.id === contestId)) return null;
	const row = (await listTemplates(db, [contestId])).find((t) => t.id === templateId);
	return row ? toTemplateView(row) : null;
}
