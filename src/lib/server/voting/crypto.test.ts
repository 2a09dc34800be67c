import { describe, expect, it } from 'vitest';
import { networkHash, networkOf, newVoterCookie, readVoterCookie, voterKey } from './crypto.ts';

const SECRET = 'a'.repeat(40);
const OTHER = 'b'.repeat(40);

describe('voter cookie', () => {
	it('reads back its own signed id and nothing else', () => {
		const { id, value } = newVoterCookie(SECRET);
		expect(readVoterCookie(SECRET, value)).toBe(id);
		expect(readVoterCookie(OTHER, value)).toBeNull();
		expect(readVoterCookie(SECRET, undefined)).toBeNull();
		expect(readVoterCookie(SECRET, id)).toBeNull();
		expect(readVoterCookie(SECRET, `${id}.${'A'.repeat(22)}`)).toBeNull();
		expect(readVoterCookie(SECRET, `${value}.x`)).toBeNull();
		expect(readVoterCookie(SECRET, "' or 1=1 --")).toBeNull();
	});
	it('is random per browser and stored only as a keyed hash', () => {
		const a = newVoterCookie(SECRET);
		const b = newVoterCookie(SECRET);
		expect(a.id).not.toBe(b.id);
		expect(voterKey(SECRET, a.id)).toMatch(/^[0-9a-f]{32}$/);
		expect(voterKey(SECRET, a.id)).not.toContain(a.id);
		expect(voterKey(OTHER, a.id)).not.toBe(voterKey(SECRET, a.id));
	});
});

describe('network hash', () => {
	const day1 = Date.UTC(2026, 11, 3, 10);
	const day2 = Date.UTC(2026, 11, 4, 10);
	it('groups IPv6 by /64 and unwraps IPv4-mapped addresses', () => {
		expect(networkOf('2001:db8:1:2:aaaa::1')).toBe('2001:0db8:0001:0002::/64');
		expect(networkOf('2001:db8:1:2:bbbb::9')).toBe(networkOf('2001:db8:1:2:aaaa::1'));
		expect(networkOf('::ffff:10.0.0.7')).toBe('10.0.0.7');
		expect(networkOf('10.0.0.7')).toBe('10.0.0.7');
	});
	it('is short, stable within a day, and unlinkable across days', () => {
		const h = networkHash(SECRET, '203.0.113.9', day1);
		expect(h).toMatch(/^[0-9a-f]{10}$/);
		expect(networkHash(SECRET, '203.0.113.9', day1 + 3600_000)).toBe(h);
		expect(networkHash(SECRET, '203.0.113.9', day2)).not.toBe(h);
		expect(networkHash(SECRET, '203.0.113.10', day1)).not.toBe(h);
		expect(h).not.toContain('203');
	});
});
