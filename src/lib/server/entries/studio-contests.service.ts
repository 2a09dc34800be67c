/**
 * What the studio needs to know about contests: which ones the signed-in child may draw for and
 * submit to, their art board, their colouring pages and the places the child has left. Which
 * contests is decided by contests/eligibility; this adds the child's own entry counts. Template
 * URLs are same-origin `/objects/…` paths (never presigned S3 URLs), so the canvas may read them.
 */
import type { SessionStudent } from '../auth/session.ts';
import { findStudentSchool } from '../classrooms/classroom.repository.ts';
import { agesOf } from '../contests/eligibility.ts';
import { listEnterableContests, type EnterableContest } from '../contests/eligibility.service.ts';
import { boardOf, contestHeading } from '../contests/contest.service.ts';
import { listTemplates } from '../contests/template.repository.ts';
import { toTemplateView, type TemplateView } from '../contests/template.service.ts';
import type { Db } from '../db/database.ts';
import type { Locale } from '../../i18n/index.ts';
import type { BoardSize } from '../../contests/board-size.ts';
import { countActiveEntriesByContest } from './entry.repository.ts';

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

export interface SubmittableContest {
	id: string;
	title: string;
	theme: string;
	closesAt: number;
	timeZone: string;
	/** Every age some band of the contest covers, ascending. */
	ages: number[];
}

/** Contests open to this child from the studio, each with the places the child has left. */
async function enterableFromStudio(
	db: Db,
	studentId: string,
	now: number
): Promise<(EnterableContest & { entriesLeft: number })[]> {
	const child = await findStudentSchool(db, studentId);
	if (!child) return [];
	const open = await listEnterableContests(
		db,
		{ schoolId: child.school_id, source: 'studio' },
		now
	);
	const used = await countActiveEntriesByContest(
		db,
		studentId,
		open.map((c) => c.row.id)
	);
	return open.map((c) => ({
		...c,
		entriesLeft: Math.max(0, c.facts.entriesPerChild - (used.get(c.row.id) ?? 0))
	}));
}

/**
 * Open contests the child may draw for, soonest closing first. The entry limit does not hide a
 * contest; `entriesLeft` tells it.
 */
export async function studioContestsFor(
	db: Db,
	student: SessionStudent,
	locale: Locale,
	now = Date.now()
): Promise<StudioContest[]> {
	const eligible = await enterableFromStudio(db, student.id, now);
	const templates = await listTemplates(
		db,
		eligible.map((e) => e.row.id)
	);
	return eligible.map(({ row, entriesLeft }) => ({
		...contestHeading(row, locale, now),
		board: boardOf(row),
		entriesLeft,
		templates: templates.filter((t) => t.contest_id === row.id).map(toTemplateView)
	}));
}

/** Open contests this child can still submit to from the studio, in the reader's language. */
export async function listSubmittableContests(
	db: Db,
	student: SessionStudent,
	locale: Locale,
	now = Date.now()
): Promise<SubmittableContest[]> {
	const eligible = await enterableFromStudio(db, student.id, now);
	return eligible
		.filter((c) => c.entriesLeft > 0)
		.map(({ row, facts }) => ({
			...contestHeading(row, locale, now),
			ages: agesOf(facts.ageBands)
		}));
}

/** The paper a new drawing starts on: a contest's board, and one of its colouring pages. */
export interface StartPaper {
	board: BoardSize;
	/** Path of the contest's colouring page, or null for blank paper. */
	template: string | null;
}

/**
 * The paper for a drawing started from a contest: only a contest open to this child sets it,
 * and only one of that contest's pages; anything else is null (plain paper).
 */
export async function startPaperFor(
	db: Db,
	student: SessionStudent,
	contestId: string,
	templateId: string | null,
	now = Date.now()
): Promise<StartPaper | null> {
	const eligible = await enterableFromStudio(db, student.id, now);
	const contest = eligible.find((c) => c.row.id === contestId);
	if (!contest) return null;
	const template = templateId
		? (await listTemplates(db, [contestId])).find((t) => t.id === templateId)
		: undefined;
	return {
		board: boardOf(contest.row),
		template: template ? toTemplateView(template).url : null
	};
}
