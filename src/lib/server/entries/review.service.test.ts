import { describe, expect, it } from 'vitest';
import type { EntryStatus } from '../db/schema.ts';
import { canDisqualify, isEntryStatus, parseEntryFilter } from './organizer-entries.service.ts';
import { DomainError } from '../errors.ts';
import { canReview, checkMessage, displaySize } from './review.service.ts';

const ALL: EntryStatus[] = [
	'receiving',
	'processing',
	'waiting',
	'approved',
	'returned',
	'failed',
	'disqualified'
];
const errors = {
	required: 'review.error.messageRequired',
	length: 'review.error.messageLength'
} as const;

function codeOf(fn: () => unknown): string {
	try {
		fn();
	} catch (err) {
		if (err instanceof DomainError) return err.code;
	}
	return 'no error';
}

describe('review rules', () => {
	it('a teacher decides only on waiting entries', () => {
		expect(ALL.filter(canReview)).toEqual(['waiting']);
	});

	it('an organizer disqualifies only entries that reached the contest', () => {
		expect(ALL.filter(canDisqualify)).toEqual(['waiting', 'approved', 'returned']);
	});

	it('a message is required, trimmed, and at most 300 characters', () => {
		expect(checkMessage('  Add a sky  ', errors)).toBe('Add a sky');
		expect(codeOf(() => checkMessage(' \n ', errors))).toBe('review.error.messageRequired');
		expect(checkMessage('树'.repeat(300), errors)).toHaveLength(300);
		expect(codeOf(() => checkMessage('树'.repeat(301), errors))).toBe('review.error.messageLength');
		// Characters, not UTF-16 units.
		expect(checkMessage('🌳'.repeat(300), errors)).toHaveLength(600);
	});

	it('reads the display size from the media descriptor, or nothing', () => {
		const media = JSON.stringify({
			variants: [
				{ name: 'thumb', width: 400, height: 300 },
				{ name: 'display', width: 1600, height: 1200 }
			]
		});
		expect(displaySize(media)).toEqual({ width: 1600, height: 1200 });
		expect(displaySize(null)).toBeNull();
		expect(displaySize('{not json')).toBeNull();
		expect(displaySize('{"variants":[{"name":"display"}]}')).toBeNull();
	});

	it('parses the filter query, ignoring what it does not know', () => {
		expect(parseEntryFilter(new URLSearchParams('status=approved&school=s1&band=b1'))).toEqual({
			status: 'approved',
			schoolId: 's1',
			ageBandId: 'b1'
		});
		expect(parseEntryFilter(new URLSearchParams('status=drop+table&school=&band=%20'))).toEqual({});
		expect(isEntryStatus('waiting')).toBe(true);
		expect(isEntryStatus('toString')).toBe(false);
	});
});
