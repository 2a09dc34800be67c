import { describe, expect, it } from 'vitest';
import { CONTEST_TIME_ZONES, epochToLocal, isTimeZone, localToEpoch } from './time-zone.ts';

describe('localToEpoch', () => {
	it('reads a wall clock in Shanghai (UTC+8, no daylight saving)', () => {
		expect(localToEpoch('2026-12-01T09:00', 'Asia/Shanghai')).toBe(Date.UTC(2026, 11, 1, 1, 0));
		// Midnight in Shanghai is still the previous day in UTC.
		expect(localToEpoch('2027-01-01T00:00', 'Asia/Shanghai')).toBe(Date.UTC(2026, 11, 31, 16, 0));
	});

	it('follows daylight saving in Paris', () => {
		expect(localToEpoch('2026-07-14T12:00', 'Europe/Paris')).toBe(Date.UTC(2026, 6, 14, 10));
		expect(localToEpoch('2026-12-14T12:00', 'Europe/Paris')).toBe(Date.UTC(2026, 11, 14, 11));
		expect(localToEpoch('2026-03-01T08:30', 'UTC')).toBe(Date.UTC(2026, 2, 1, 8, 30));
	});

	it('resolves a time skipped by the spring jump and a repeated autumn hour', () => {
		// 2026-03-29 02:30 does not exist in Paris (clocks go 02:00 → 03:00).
		const skipped = localToEpoch('2026-03-29T02:30', 'Europe/Paris');
		expect(skipped).not.toBeNull();
		expect([Date.UTC(2026, 2, 29, 0, 30), Date.UTC(2026, 2, 29, 1, 30)]).toContain(skipped);
		// 2026-10-25 02:30 happens twice; either instant shows that wall time.
		const repeated = localToEpoch('2026-10-25T02:30', 'Europe/Paris')!;
		expect(epochToLocal(repeated, 'Europe/Paris')).toBe('2026-10-25T02:30');
	});

	it('refuses malformed text, impossible dates and unknown zones', () => {
		for (const bad of [
			'',
			'2026-12-01',
			'2026-12-01 09:00',
			'2026-13-01T09:00',
			'2026-02-30T09:00',
			'2026-12-01T24:00',
			'2026-12-01T09:60',
			'x2026-12-01T09:00'
		]) {
			expect(localToEpoch(bad, 'Asia/Shanghai'), bad).toBeNull();
		}
		expect(localToEpoch('2026-12-01T09:00', 'Mars/Olympus')).toBeNull();
		expect(isTimeZone('Mars/Olympus')).toBe(false);
	});
});

describe('epochToLocal', () => {
	it('is the inverse of localToEpoch in every offered zone', () => {
		for (const zone of CONTEST_TIME_ZONES) {
			expect(isTimeZone(zone)).toBe(true);
			for (const local of ['2026-01-15T08:05', '2026-06-30T23:59', '2027-02-28T00:00']) {
				expect(epochToLocal(localToEpoch(local, zone)!, zone), `${zone} ${local}`).toBe(local);
			}
		}
	});

	it('shows the same instant differently in two zones', () => {
		const t = Date.UTC(2026, 11, 1, 1, 0);
		expect(epochToLocal(t, 'Asia/Shanghai')).toBe('2026-12-01T09:00');
		expect(epochToLocal(t, 'Europe/London')).toBe('2026-12-01T01:00');
		expect(epochToLocal(t, 'America/New_York')).toBe('2026-11-30T20:00');
	});
});
