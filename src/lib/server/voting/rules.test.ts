import { describe, expect, it } from 'vitest';
import {
	BURST_FLAG_PER_MINUTE,
	BURST_REFUSE_PER_MINUTE,
	FRESH_LIMIT,
	canShowResults,
	floodVerdict,
	pickWinners,
	voteDay,
	voteState
} from './rules.ts';

const T = Date.UTC(2026, 11, 3, 12, 0);
const on = { enabled: true, opensAt: T - 1000, closesAt: T + 1000, closedAt: null };

describe('voteState', () => {
	it('is off without settings or when switched off', () => {
		expect(voteState(null, T)).toBe('off');
		expect(voteState({ ...on, enabled: false }, T)).toBe('off');
	});
	it('follows the window: scheduled, open, closed at closes_at', () => {
		expect(voteState(on, T - 1001)).toBe('scheduled');
		expect(voteState(on, T - 1000)).toBe('open');
		expect(voteState(on, T + 999)).toBe('open');
		expect(voteState(on, T + 1000)).toBe('closed');
	});
	it('open-ended windows and "close now"', () => {
		expect(voteState({ ...on, opensAt: null, closesAt: null }, T)).toBe('open');
		expect(voteState({ ...on, closedAt: T - 1 }, T)).toBe('closed');
		expect(voteState({ ...on, closedAt: T + 5 }, T)).toBe('open');
	});
	it('shows results only once closed', () => {
		expect(canShowResults('open')).toBe(false);
		expect(canShowResults('scheduled')).toBe(false);
		expect(canShowResults('off')).toBe(false);
		expect(canShowResults('closed')).toBe(true);
	});
});

describe('voteDay', () => {
	it('changes day at midnight in the contest zone, not UTC', () => {
		// 16:30 UTC is 00:30 the next day in Shanghai, still the same day in Paris.
		const at = Date.UTC(2026, 11, 3, 16, 30);
		expect(voteDay(at, 'Asia/Shanghai')).toBe('2026-12-04');
		expect(voteDay(at, 'Europe/Paris')).toBe('2026-12-03');
		expect(voteDay(Date.UTC(2026, 11, 3, 15, 59), 'Asia/Shanghai')).toBe('2026-12-03');
	});
});

describe('floodVerdict', () => {
	it('lets a quiet network vote', () => {
		expect(floodVerdict({ recentFresh: 0, lastMinute: 0 }, true)).toBe('counted');
	});
	it('refuses many fresh cookies in a few seconds, but not a returning browser', () => {
		const busy = { recentFresh: FRESH_LIMIT, lastMinute: FRESH_LIMIT };
		expect(floodVerdict(busy, true)).toBe('refused');
		expect(floodVerdict(busy, false)).toBe('counted');
		expect(floodVerdict({ ...busy, recentFresh: FRESH_LIMIT - 1 }, true)).toBe('counted');
	});
	it('flags bursts and refuses beyond the hard limit', () => {
		expect(floodVerdict({ recentFresh: 0, lastMinute: BURST_FLAG_PER_MINUTE - 1 }, false)).toBe(
			'counted'
		);
		expect(floodVerdict({ recentFresh: 0, lastMinute: BURST_FLAG_PER_MINUTE }, false)).toBe(
			'flagged'
		);
		expect(floodVerdict({ recentFresh: 0, lastMinute: BURST_REFUSE_PER_MINUTE }, false)).toBe(
			'refused'
		);
	});
});

describe('pickWinners', () => {
	it('takes the most voted per band, shares ties, skips bands without votes', () => {
		const winners = pickWinners([
			{ ageBandId: 'a', entryId: 'e1', votes: 3 },
			{ ageBandId: 'a', entryId: 'e2', votes: 5 },
			{ ageBandId: 'b', entryId: 'e4', votes: 2 },
			{ ageBandId: 'b', entryId: 'e3', votes: 2 },
			{ ageBandId: 'c', entryId: 'e5', votes: 0 }
		]);
		expect(winners).toEqual([
			{ ageBandId: 'a', entryId: 'e2', votes: 5 },
			{ ageBandId: 'b', entryId: 'e3', votes: 2 },
			{ ageBandId: 'b', entryId: 'e4', votes: 2 }
		]);
		expect(pickWinners([])).toEqual([]);
	});
});
