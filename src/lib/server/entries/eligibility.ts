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
import { ENTRY_FORM } from '../../schemas/entry.ts';
import { parseText } from '../../schemas/field.ts';

export const TITLE_MAX = ENTRY_FORM.title.max;
export const ABOUT_MAX = ENTRY_FORM.about.max;

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

/** Title 1–60 characters, about at most 300, both normalised (src/lib/text/normalise.ts). */
export function cleanTexts(
	title: string,
	about: string
): { ok: true; title: string; about: string } | { ok: false; error: EligibilityError } {
	const t = parseText(ENTRY_FORM.title, title);
	if (!t.ok) return { ok: false, error: 'entries.error.title' };
	const a = parseText(ENTRY_FORM.about, about);
	if (!a.ok) return { ok: false, error: 'entries.error.about' };
	return { ok: true, title: t.value, about: a.value };
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
