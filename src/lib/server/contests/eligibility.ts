/**
 * Which contests a child may enter, as pure rules over facts the eligibility service loads: the
 * one place that knows the window, the participating schools, the allowed sources and the age
 * bands. Entries add their own checks (texts, drawing, places left) on top.
 */
import type { ContestStatus, EntrySource } from '../db/schema.ts';
import { effectiveStatus, isAcceptingEntries } from './lifecycle.ts';

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

/** Who wants to enter: the child's school, and whether it comes from the studio or a photo. */
export interface Entrant {
	schoolId: string;
	source: EntrySource;
}

export type ContestRefusal =
	| 'entries.error.contestNotFound'
	| 'entries.error.contestClosed'
	| 'entries.error.school'
	| 'entries.error.source';

/** Why this entrant may not enter the contest now, or null when they may. */
export function refuseEntrant(
	contest: ContestFacts | null,
	entrant: Entrant,
	now: number
): ContestRefusal | null {
	if (!contest) return 'entries.error.contestNotFound';
	if (!isAcceptingEntries(contest, now)) return 'entries.error.contestClosed';
	if (contest.schoolIds.length > 0 && !contest.schoolIds.includes(entrant.schoolId))
		return 'entries.error.school';
	const sourceAllowed = entrant.source === 'studio' ? contest.allowStudio : contest.allowUpload;
	if (!sourceAllowed) return 'entries.error.source';
	return null;
}

/**
 * Published, dated and not over: what the public landing page lists. Upcoming ones (opening
 * later) are listed too, so schools can prepare.
 */
export function isPublished(contest: ContestFacts, now: number): boolean {
	return (
		effectiveStatus(contest, now) === 'open' &&
		contest.opensAt !== null &&
		contest.closesAt !== null
	);
}

/** The band containing `age`, if any (bands never overlap). */
export function pickAgeBand<B extends { minAge: number; maxAge: number }>(
	bands: readonly B[],
	age: number
): B | undefined {
	if (!Number.isInteger(age)) return undefined;
	return bands.find((b) => age >= b.minAge && age <= b.maxAge);
}

/** Every age some band covers, ascending, each once. */
export function agesOf(bands: readonly { minAge: number; maxAge: number }[]): number[] {
	const ages = bands.flatMap((b) =>
		Array.from({ length: b.maxAge - b.minAge + 1 }, (_, i) => b.minAge + i)
	);
	return [...new Set(ages)].sort((a, b) => a - b);
}
