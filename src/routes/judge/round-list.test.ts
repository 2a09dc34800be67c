import { describe, expect, it } from 'vitest';
import { openFirst, waitingKey } from './round-list.ts';

describe('the judge’s list of rounds', () => {
	it('puts open rounds first, then rounds not open yet, then closed ones, keeping their order', () => {
		const rounds = [
			{ id: 'a', status: 'closed' },
			{ id: 'b', status: 'draft' },
			{ id: 'c', status: 'open' },
			{ id: 'd', status: 'closed' },
			{ id: 'e', status: 'open' }
		];
		expect(openFirst(rounds).map((r) => r.id)).toEqual(['c', 'e', 'b', 'a', 'd']);
	});

	it('says a round not opened yet is not open yet, not that it is closed', () => {
		expect(waitingKey('draft')).toBe('judging.judge.notOpenYet');
		expect(waitingKey('closed')).toBe('judging.status.closed');
	});
});
