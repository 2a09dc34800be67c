/**
 * Contest lifecycle rules, pure so they can be tested without a database.
 *
 *   draft → open → closed → judging → results → exhibited → archived
 *             ↖────┘ (reopen: only before judging starts and while closes_at is still ahead)
 *
 * The dates drive the rest:
 * - An 'open' contest is published (listed, children can pick it), but it accepts entries only
 *   from opens_at: publishing ahead of time announces it.
 * - An 'open' contest whose closes_at has passed *is* closed, whatever the row says. This is
 *   computed on read (effectiveStatus) rather than by a timer, so every reader — the landing
 *   page, a submission arriving at 23:59:59.9 — agrees at the exact instant without a scheduler
 *   that could be late or down. The stored row catches up when an organizer lists or opens
 *   contests (the service persists the change, with an audit entry), so queries by status and
 *   the audit trail stay right too.
 */
import type { ContestStatus } from '../db/schema.ts';

export const CONTEST_STATUSES: readonly ContestStatus[] = [
	'draft',
	'open',
	'closed',
	'judging',
	'results',
	'exhibited',
	'archived'
];

/** Every edge of the graph; the preconditions of each edge are in refuseTransition. */
const NEXT: Record<ContestStatus, readonly ContestStatus[]> = {
	draft: ['open'],
	open: ['closed'],
	closed: ['open', 'judging'],
	judging: ['results'],
	results: ['exhibited'],
	exhibited: ['archived'],
	archived: []
};

export type TransitionRefusal =
	| 'contests.error.transition.notAllowed'
	| 'contests.error.transition.noTitle'
	| 'contests.error.transition.noAgeBands'
	| 'contests.error.transition.datesMissing'
	| 'contests.error.transition.datesOrder'
	| 'contests.error.transition.windowOver';

/** What the rules look at; the service builds it from the rows. */
export interface LifecycleFacts {
	status: ContestStatus;
	titleZh: string;
	ageBandCount: number;
	opensAt: number | null;
	closesAt: number | null;
}

export function isContestStatus(value: unknown): value is ContestStatus {
	return typeof value === 'string' && (CONTEST_STATUSES as readonly string[]).includes(value);
}

/** The status readers must act on: an open contest past its closing instant is closed. */
export function effectiveStatus(
	contest: { status: ContestStatus; closesAt: number | null },
	now: number
): ContestStatus {
	if (contest.status === 'open' && contest.closesAt !== null && now >= contest.closesAt)
		return 'closed';
	return contest.status;
}

/** Open and inside its window: the only state in which a child may submit. */
export function isAcceptingEntries(
	contest: { status: ContestStatus; opensAt: number | null; closesAt: number | null },
	now: number
): boolean {
	return (
		effectiveStatus(contest, now) === 'open' && contest.opensAt !== null && now >= contest.opensAt
	);
}

/** Steps the graph allows from here (the buttons an organizer sees); preconditions aside. */
export function nextSteps(contest: LifecycleFacts, now: number): readonly ContestStatus[] {
	return NEXT[effectiveStatus(contest, now)];
}

/** Colouring pages change only while children can still start drawings: draft or open. */
export function canChangeTemplates(
	contest: { status: ContestStatus; closesAt: number | null },
	now: number
): boolean {
	const status = effectiveStatus(contest, now);
	return status === 'draft' || status === 'open';
}

/** Why `to` is refused from the contest's current (effective) state, or null when allowed. */
export function refuseTransition(
	contest: LifecycleFacts,
	to: ContestStatus,
	now: number
): TransitionRefusal | null {
	const from = effectiveStatus(contest, now);
	if (!NEXT[from].includes(to)) return 'contests.error.transition.notAllowed';
	if (to === 'open') {
		if (contest.titleZh.trim() === '') return 'contests.error.transition.noTitle';
		if (contest.ageBandCount < 1) return 'contests.error.transition.noAgeBands';
		if (contest.opensAt === null || contest.closesAt === null)
			return 'contests.error.transition.datesMissing';
		if (contest.opensAt >= contest.closesAt) return 'contests.error.transition.datesOrder';
		// Opening (or reopening) a contest whose window is over would close it again at once.
		if (now >= contest.closesAt) return 'contests.error.transition.windowOver';
	}
	return null;
}

/** Whether the contest's settings may still change: not once judging has begun. */
export function isEditable(status: ContestStatus): boolean {
	return status === 'draft' || status === 'open' || status === 'closed';
}

/**
 * Moves that can never be taken back, so the organizer confirms them knowing what they lock.
 * Opening, closing and reopening stay one click: each can be undone or changes nothing for good.
 */
const IRREVERSIBLE: readonly ContestStatus[] = ['judging', 'results', 'exhibited', 'archived'];

export function needsConfirmation(to: ContestStatus): boolean {
	return IRREVERSIBLE.includes(to);
}
