import { describe, expect, it } from 'vitest';
import { pickAgeBand } from '../contests/eligibility.ts';
import { checkEligibility, cleanTexts, type EligibilityFacts } from './eligibility.ts';

const NOW = 1_000_000;

function facts(overrides: Partial<EligibilityFacts> = {}): EligibilityFacts {
	return {
		contest: {
			status: 'open',
			opensAt: NOW - 10,
			closesAt: NOW + 10,
			entriesPerChild: 1,
			allowStudio: true,
			allowUpload: false,
			schoolIds: [],
			ageBands: [
				{ id: 'young', minAge: 6, maxAge: 8 },
				{ id: 'middle', minAge: 9, maxAge: 11 }
			]
		},
		childSchoolId: 's1',
		source: 'studio',
		age: 7,
		title: '  Green hills ',
		about: '',
		drawing: { isOwn: true },
		activeEntries: 0,
		now: NOW,
		...overrides
	};
}

const contest = facts().contest!;

describe('checkEligibility', () => {
	it('accepts an eligible child, picks the band and trims the texts', () => {
		expect(checkEligibility(facts({ age: 10 }))).toEqual({
			ok: true,
			ageBandId: 'middle',
			title: 'Green hills',
			about: ''
		});
	});

	it.each([
		['no contest', { contest: null }, 'entries.error.contestNotFound'],
		[
			'a draft',
			{ contest: { ...contest, status: 'draft' as const } },
			'entries.error.contestClosed'
		],
		['past its closing', { now: NOW + 10 }, 'entries.error.contestClosed'],
		['not yet open', { now: NOW - 11 }, 'entries.error.contestClosed'],
		['another school only', { contest: { ...contest, schoolIds: ['s2'] } }, 'entries.error.school'],
		['uploads not allowed', { source: 'upload' as const }, 'entries.error.source'],
		['an age in no band', { age: 12 }, 'entries.error.age'],
		['a fractional age', { age: 7.5 }, 'entries.error.age'],
		['an empty title', { title: '   ' }, 'entries.error.title'],
		['a long title', { title: '森'.repeat(61) }, 'entries.error.title'],
		['a long about', { about: 'x'.repeat(301) }, 'entries.error.about'],
		["another child's drawing", { drawing: { isOwn: false } }, 'entries.error.drawingNotFound'],
		['the limit reached', { activeEntries: 1 }, 'entries.error.limit']
	])('refuses %s', (_, overrides, error) => {
		expect(checkEligibility(facts(overrides))).toEqual({ ok: false, error });
	});

	it('lets a child of a participating school in', () => {
		const result = checkEligibility(facts({ contest: { ...contest, schoolIds: ['s2', 's1'] } }));
		expect(result.ok).toBe(true);
	});
});

describe('text rules', () => {
	it('counts characters, not UTF-16 units', () => {
		expect(cleanTexts('🌳'.repeat(60), '').ok).toBe(true);
		expect(cleanTexts('t', '🌍'.repeat(300)).ok).toBe(true);
		expect(cleanTexts('t', '🌍'.repeat(301)).ok).toBe(false);
	});

	it('picks the band containing the age', () => {
		const bands = [
			{ minAge: 6, maxAge: 8 },
			{ minAge: 9, maxAge: 11 }
		];
		expect(pickAgeBand(bands, 8)).toBe(bands[0]);
		expect(pickAgeBand(bands, 9)).toBe(bands[1]);
		expect(pickAgeBand(bands, 5)).toBeUndefined();
	});
});
