/**
 * Whether a child may enter an artwork into a contest, as pure rules over facts the service
 * loads. Every refusal is a message key, so the child reads the reason in their language.
 */
import { isAcceptingEntries } from '../contests/lifecycle.ts';
import type { ContestStatus, EntrySource } from '../db/schema.ts';

export const TITLE_MAX = 60;
export const ABOUT_MAX = 300;

export type EligibilityError =
	| 'entries.error.contestNotFound'
	| 'entries.error.contestClosed'
	| 'entries.error.school'
	| 'entries.error.source'
	| 'entries.error.age'
	| 'entries.error.limit'
	| 'entries.error.title'
	| 'entries.error.about'
	| 'entries.error.drawingNotFound';

export interface ContestFacts {
	status: ContestStatus;
	opensAt: number | null;
	closesAt: number | null;
	entriesPerChild: number;
	allowStudio: boolean;
	allowUpload: boolean;
	/** Participating schools; empty means every school. */
	schoolIds: readonly string[];
	ageBands: readonly { id: string; minAge: number; maxAge: number }[];
}

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

/** The band containing `age`, if any (bands never overlap). */
export function pickAgeBand<B extends { minAge: number; maxAge: number }>(
	bands: readonly B[],
	age: number
): B | undefined {
	if (!Number.isInteger(age)) return undefined;
	return bands.find((b) => age >= b.minAge && age <= b.maxAge);
}

/** Entries in these states no longer use up one of the child's places. */
export const FREED_STATUSES = ['returned', 'failed', 'disqualified'] as const;

export function checkEligibility(facts: EligibilityFacts): Eligibility {
	const { contest } = facts;
	if (!contest) return { ok: false, error: 'entries.error.contestNotFound' };
	if (!isAcceptingEntries(contest, facts.now))
		return { ok: false, error: 'entries.error.contestClosed' };
	if (contest.schoolIds.length > 0 && !contest.schoolIds.includes(facts.childSchoolId))
		return { ok: false, error: 'entries.error.school' };
	const sourceAllowed = facts.source === 'studio' ? contest.allowStudio : contest.allowUpload;
	if (!sourceAllowed) return { ok: false, error: 'entries.error.source' };
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
