import type { Db } from '../db/database.ts';
import { newId } from '../ids.ts';

/**
 * Sign-in throttling counts failures only, never successes: forty children behind one
 * school IP signing in at the bell must all get in, while a guessing loop must not. Each
 * attempt is checked against several buckets; any bucket over its limit blocks.
 */
export const WINDOW_MS = 15 * 60_000;

export const LIMITS = {
	/** One child's picture password: small secret space, so few tries. */
	student: 10,
	/** One browser (device cookie). */
	device: 20,
	/** One classroom seen from one IP: a whole class mistyping stays well under this. */
	classIp: 60,
	/**
	 * Unknown class codes from one browser, then from one IP: past these, unknown codes are
	 * answered slowly (code-guessing.ts). They never refuse a code that exists.
	 */
	codeDevice: 10,
	codeIp: 30,
	/** One adult account. */
	email: 10,
	/** Generous ceiling for one IP across everything. */
	ip: 300
} as const;

export type BucketKind = keyof typeof LIMITS;
export interface Bucket {
	kind: BucketKind;
	key: string;
}

export function bucketName(bucket: Bucket): string {
	return `${bucket.kind}:${bucket.key}`;
}

/** Pure decision, kept apart from storage so it is easy to test. */
export function firstExceeded(
	counts: ReadonlyMap<string, number>,
	buckets: readonly Bucket[]
): Bucket | undefined {
	return buckets.find((b) => (counts.get(bucketName(b)) ?? 0) >= LIMITS[b.kind]);
}

export async function countFailures(
	db: Db,
	buckets: readonly Bucket[],
	now = Date.now()
): Promise<Map<string, number>> {
	const names = buckets.map(bucketName);
	const counts = new Map<string, number>(names.map((n) => [n, 0]));
	if (names.length === 0) return counts;
	const rows = await db
		.selectFrom('auth_failure')
		.select(['bucket', (eb) => eb.fn.countAll<number | string>().as('n')])
		.where('bucket', 'in', names)
		.where('created_at', '>', now - WINDOW_MS)
		.groupBy('bucket')
		.execute();
	for (const row of rows) counts.set(row.bucket, Number(row.n));
	return counts;
}

/** Returns the bucket that blocks this attempt, if any. */
export async function checkLimits(
	db: Db,
	buckets: readonly Bucket[],
	now = Date.now()
): Promise<Bucket | undefined> {
	return firstExceeded(await countFailures(db, buckets, now), buckets);
}

export async function recordFailure(
	db: Db,
	buckets: readonly Bucket[],
	now = Date.now()
): Promise<void> {
	if (buckets.length === 0) return;
	await db
		.insertInto('auth_failure')
		.values(buckets.map((b) => ({ id: newId(), bucket: bucketName(b), created_at: now })))
		.execute();
}

/** A child who got in should not stay near a lockout from earlier mistakes. */
export async function clearFailures(db: Db, buckets: readonly Bucket[]): Promise<void> {
	if (buckets.length === 0) return;
	await db.deleteFrom('auth_failure').where('bucket', 'in', buckets.map(bucketName)).execute();
}

export async function pruneFailures(db: Db, now = Date.now()): Promise<void> {
	await db
		.deleteFrom('auth_failure')
		.where('created_at', '<=', now - WINDOW_MS)
		.execute();
}

/**
 * When a bucket stops blocking: failures leave the sliding window one by one, so the lock ends
 * once all but `limit - 1` of them are older than the window. Null when it does not block.
 */
export function blockedUntil(
	failureTimes: readonly number[],
	limit: number,
	now: number
): number | null {
	const recent = failureTimes.filter((t) => t > now - WINDOW_MS).sort((a, b) => a - b);
	if (recent.length < limit) return null;
	return recent[recent.length - limit]! + WINDOW_MS;
}

/** Children of this list currently locked out of signing in, with the instant each lock ends. */
export async function studentLockouts(
	db: Db,
	studentIds: readonly string[],
	now = Date.now()
): Promise<Map<string, number>> {
	const locks = new Map<string, number>();
	if (studentIds.length === 0) return locks;
	const names = studentIds.map((id) => bucketName({ kind: 'student', key: id }));
	const rows = await db
		.selectFrom('auth_failure')
		.select(['bucket', 'created_at'])
		.where('bucket', 'in', names)
		.where('created_at', '>', now - WINDOW_MS)
		.execute();
	const times = new Map<string, number[]>();
	for (const row of rows) {
		const id = row.bucket.slice('student:'.length);
		times.set(id, [...(times.get(id) ?? []), Number(row.created_at)]);
	}
	for (const [id, list] of times) {
		const until = blockedUntil(list, LIMITS.student, now);
		if (until !== null) locks.set(id, until);
	}
	return locks;
}
