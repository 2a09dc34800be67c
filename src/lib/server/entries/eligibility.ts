/**
 * Whether a child may enter this artwork into a contest: the contest's own rules
 * (contests/eligibility.ts) plus what belongs to the entry — its texts, its drawing, and the
 * child's places left. Pure; every refusal is a message key the child reads in their language.
 */
import {
	pickAgeBand,
	refuseEntrant,
	type ContestFacts,
	type ContestRefusal
} from '../contests/eligibility.ts';
import type { EntrySource } from '../db/schema.ts';

export const TITLE_MAX = 60;
export const ABOUT_MAX = 300;

export type EligibilityError =
	| ContestRefusal
	| 'entries.error.age'
	| 'entries.error.limit'
	| 'entries.error.title'
	| 'entries.error.about'
	| 'entries.error.drawingNotFound';

export interface EligibilityFacts {
	contest: ContestFacts | null;
	childSchoolId: string;
	source: EntrySource;
	age: number;
	title: string;
	about: string;
	/** Null when no drawing is named; otherwise whether it exists and is the child's own. */
	drawing: { isOwn: boolean } | null;
	/** Entries of this child in this contest that still count (not returned/failed/disqualified). */
	activeEntries: number;
	now: number;
}

export type Eligibility =
	| { ok: true; ageBandId: string; title: string; about: string }
	| { ok: false; error: EligibilityError };

/** Code points, not UTF-16 units: an emoji or a rare hanzi counts as one character. */
export function textLength(text: string): number {
	return [...text].length;
}

/** Title trimmed, 1–60 characters; about trimmed, at most 300. */
export function cleanTexts(
	title: string,
	about: string
): { ok: true; title: string; about: string } | { ok: false; error: EligibilityError } {
	const t = title.trim();
	const a = about.trim();
	if (textLength(t) < 1 || textLength(t) > TITLE_MAX)
		return { ok: false, error: 'entries.error.title' };
	if (textLength(a) > ABOUT_MAX) return { ok: false, error: 'entries.error.about' };
	return { ok: true, title: t, about: a };
}

/** Entries in these states no longer use up one of the child's places. */
export const FREED_STATUSES = ['returned', 'failed', 'disqualified'] as const;

export function checkEligibility(facts: EligibilityFacts): Eligibility {
	const { contest } = facts;
	const refusal = refuseEntrant(
		contest,
		{ schoolId: facts.childSchoolId, source: facts.source },
		facts.now
	);
	if (refusal || !contest) return { ok: false, error: refusal ?? 'entries.error.contestNotFound' };
	const band = pickAgeBand(contest.ageBands, facts.age);
	if (!band) return { ok: false, error: 'entries.error.age' };
	const texts = cleanTexts(facts.title, facts.about);
	if (!texts.ok) return texts;
	if (facts.drawing && !facts.drawing.isOwn)
		return { ok: false, error: 'entries.error.drawingNotFound' };
	if (facts.activeEntries >= contest.entriesPerChild)
		return { ok: false, error: 'entries.error.limit' };
	return { ok: true, ageBandId: band.id, title: texts.title, about: texts.about };
}
