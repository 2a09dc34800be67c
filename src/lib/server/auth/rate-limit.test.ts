import { describe, expect, it } from 'vitest';
import {
	blockedUntil,
	bucketName,
	firstExceeded,
	LIMITS,
	WINDOW_MS,
	type Bucket
} from './rate-limit.ts';

const student: Bucket = { kind: 'student', key: 's1' };
const device: Bucket = { kind: 'device', key: 'd1' };
const classIp: Bucket = { kind: 'classIp', key: 'c1:10.0.0.1' };
const ip: Bucket = { kind: 'ip', key: '10.0.0.1' };
const buckets = [student, device, classIp, ip];

function counts(entries: [Bucket, number][]): Map<string, number> {
	return new Map(entries.map(([b, n]) => [bucketName(b), n]));
}

describe('firstExceeded', () => {
	it('names buckets by kind and key', () => {
		expect(bucketName(classIp)).toBe('classIp:c1:10.0.0.1');
	});

	it('lets an attempt through while every bucket is under its limit', () => {
		expect(firstExceeded(new Map(), buckets)).toBeUndefined();
		expect(
			firstExceeded(
				counts([
					[student, LIMITS.student - 1],
					[device, LIMITS.device - 1],
					[classIp, LIMITS.classIp - 1],
					[ip, LIMITS.ip - 1]
				]),
				buckets
			)
		).toBeUndefined();
	});

	it('blocks once a bucket reaches its limit', () => {
		expect(firstExceeded(counts([[device, LIMITS.device]]), buckets)).toBe(device);
		expect(firstExceeded(counts([[ip, LIMITS.ip + 5]]), buckets)).toBe(ip);
	});

	it('reports the first blocking bucket in the order given', () => {
		const all = counts([
			[student, LIMITS.student],
			[device, LIMITS.device],
			[ip, LIMITS.ip]
		]);
		expect(firstExceeded(all, buckets)).toBe(student);
		expect(firstExceeded(all, [ip, device, student])).toBe(ip);
	});

	it('applies each kind its own limit, so one count can block one kind and not another', () => {
		const child: Bucket = { kind: 'student', key: 'k' };
		const browser: Bucket = { kind: 'device', key: 'k' };
		const n = LIMITS.student;
		expect(LIMITS.device).toBeGreaterThan(n);
		expect(firstExceeded(counts([[browser, n]]), [child, browser])).toBeUndefined();
		expect(firstExceeded(counts([[child, n]]), [child, browser])).toBe(child);
	});

	it('keeps the limits in the order the design needs', () => {
		// A child locks out long before their device, a device long before a class on one IP,
		// and the per-IP ceiling is high enough for a whole school behind one address.
		expect(LIMITS.student).toBeLessThan(LIMITS.device);
		expect(LIMITS.device).toBeLessThan(LIMITS.classIp);
		expect(LIMITS.classIp).toBeLessThan(LIMITS.ip);
		expect(LIMITS.ip).toBeGreaterThanOrEqual(200);
	});
});

describe('blockedUntil', () => {
	const now = 1_000 * WINDOW_MS;

	it('is null while the failures in the window stay under the limit', () => {
		expect(blockedUntil([now - 10, now - 5], 3, now)).toBeNull();
		// Old failures no longer count.
		expect(blockedUntil([now - WINDOW_MS - 1, now - 10, now - 5], 3, now)).toBeNull();
	});

	it('ends the lock when enough failures have left the window', () => {
		const times = [now - 60_000, now - 30_000, now - 20_000, now - 10_000];
		// Limit 3: after the two oldest leave, only 2 remain and sign-in works again.
		expect(blockedUntil(times, 3, now)).toBe(now - 30_000 + WINDOW_MS);
		expect(blockedUntil(times, 4, now)).toBe(now - 60_000 + WINDOW_MS);
	});
});
