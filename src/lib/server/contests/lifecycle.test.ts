import { describe, expect, it } from 'vitest';
import type { ContestStatus } from '../db/schema.ts';
import {
	CONTEST_STATUSES,
	effectiveStatus,
	isAcceptingEntries,
	isEditable,
	needsConfirmation,
	nextSteps,
	refuseTransition,
	type LifecycleFacts
} from './lifecycle.ts';

const NOW = Date.UTC(2026, 10, 21, 12);
const DAY = 86_400_000;

function facts(over: Partial<LifecycleFacts> = {}): LifecycleFacts {
	return {
		status: 'draft',
		titleZh: '我的绿色生活',
		ageBandCount: 2,
		opensAt: NOW - DAY,
		closesAt: NOW + 30 * DAY,
		...over
	};
}

describe('refuseTransition', () => {
	it('allows exactly the published order, one step at a time', () => {
		const chain: ContestStatus[] = [...CONTEST_STATUSES];
		for (let i = 0; i + 1 < chain.length; i++) {
			expect(refuseTransition(facts({ status: chain[i]! }), chain[i + 1]!, NOW)).toBeNull();
		}
		expect(refuseTransition(facts({ status: 'closed' }), 'open', NOW)).toBeNull();
	});

	it('refuses skipping ahead, going back and leaving the archive', () => {
		const refused: [ContestStatus, ContestStatus][] = [
			['draft', 'closed'],
			['draft', 'judging'],
			['open', 'judging'],
			['open', 'draft'],
			['judging', 'open'],
			['judging', 'closed'],
			['results', 'judging'],
			['archived', 'exhibited'],
			['archived', 'draft'],
			['open', 'open']
		];
		for (const [from, to] of refused) {
			expect(refuseTransition(facts({ status: from }), to, NOW), `${from}→${to}`).toBe(
				'contests.error.transition.notAllowed'
			);
		}
	});

	it('opens only a contest with a Chinese title, an age band and a sensible window', () => {
		expect(refuseTransition(facts({ titleZh: '  ' }), 'open', NOW)).toBe(
			'contests.error.transition.noTitle'
		);
		expect(refuseTransition(facts({ ageBandCount: 0 }), 'open', NOW)).toBe(
			'contests.error.transition.noAgeBands'
		);
		expect(refuseTransition(facts({ opensAt: null }), 'open', NOW)).toBe(
			'contests.error.transition.datesMissing'
		);
		expect(refuseTransition(facts({ closesAt: null }), 'open', NOW)).toBe(
			'contests.error.transition.datesMissing'
		);
		expect(
			refuseTransition(facts({ opensAt: NOW + 2 * DAY, closesAt: NOW + DAY }), 'open', NOW)
		).toBe('contests.error.transition.datesOrder');
		expect(
			refuseTransition(facts({ opensAt: NOW - 2 * DAY, closesAt: NOW - DAY }), 'open', NOW)
		).toBe('contests.error.transition.windowOver');
		// Publishing ahead of the window is fine: it announces the contest.
		expect(
			refuseTransition(facts({ opensAt: NOW + DAY, closesAt: NOW + 9 * DAY }), 'open', NOW)
		).toBeNull();
	});

	it('reopens a closed contest only while its window is still ahead', () => {
		expect(refuseTransition(facts({ status: 'closed' }), 'open', NOW)).toBeNull();
		expect(refuseTransition(facts({ status: 'closed', closesAt: NOW }), 'open', NOW)).toBe(
			'contests.error.transition.windowOver'
		);
	});

	it('treats an open contest past its closing instant as closed', () => {
		const expired = facts({ status: 'open', closesAt: NOW - 1 });
		expect(refuseTransition(expired, 'closed', NOW)).toBe('contests.error.transition.notAllowed');
		expect(refuseTransition(expired, 'judging', NOW)).toBeNull();
	});
});

describe('effectiveStatus', () => {
	it('closes an open contest at closes_at exactly, and nothing else', () => {
		const open = { status: 'open' as const, closesAt: NOW };
		expect(effectiveStatus(open, NOW - 1)).toBe('open');
		expect(effectiveStatus(open, NOW)).toBe('closed');
		expect(effectiveStatus({ status: 'open', closesAt: null }, NOW)).toBe('open');
		for (const status of CONTEST_STATUSES.filter((s) => s !== 'open')) {
			expect(effectiveStatus({ status, closesAt: NOW - DAY }, NOW)).toBe(status);
		}
	});
});

describe('isAcceptingEntries', () => {
	it('is true only for an open contest inside its window', () => {
		const c = { status: 'open' as const, opensAt: NOW, closesAt: NOW + DAY };
		expect(isAcceptingEntries(c, NOW - 1)).toBe(false);
		expect(isAcceptingEntries(c, NOW)).toBe(true);
		expect(isAcceptingEntries(c, NOW + DAY - 1)).toBe(true);
		expect(isAcceptingEntries(c, NOW + DAY)).toBe(false);
		expect(isAcceptingEntries({ ...c, status: 'draft' }, NOW + 1)).toBe(false);
	});
});

describe('nextSteps and isEditable', () => {
	it('offers the graph edges from the effective status', () => {
		expect(nextSteps(facts(), NOW)).toEqual(['open']);
		expect(nextSteps(facts({ status: 'open' }), NOW)).toEqual(['closed']);
		expect(nextSteps(facts({ status: 'open', closesAt: NOW - 1 }), NOW)).toEqual([
			'open',
			'judging'
		]);
		expect(nextSteps(facts({ status: 'archived' }), NOW)).toEqual([]);
	});

	it('freezes settings once judging has begun', () => {
		expect(CONTEST_STATUSES.filter(isEditable)).toEqual(['draft', 'open', 'closed']);
	});
});

describe('needsConfirmation', () => {
	it('asks before every move that cannot be undone, and only then', () => {
		expect(CONTEST_STATUSES.filter(needsConfirmation)).toEqual([
			'judging',
			'results',
			'exhibited',
			'archived'
		]);
	});
});
