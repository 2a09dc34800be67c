import type { Db } from '../db/database.ts';
import { DomainError } from '../errors.ts';
import { drawingUsageOfStudent } from './drawing.repository.ts';

/**
 * What one child may keep on the server. Generous for a school year of drawing, but one
 * classroom PC can no longer fill the disk (issue 10: 300 drawings of up to 24 MB in 2.3 s).
 * Over a quota the save is refused before any byte is stored; the studio keeps the drawing on
 * the computer and shows the message.
 */
export const DRAWING_QUOTA = {
	drawings: 200,
	/** Documents only: thumbnails are ours, a few KB each. */
	bytes: 200 * 1024 * 1024,
	newPerMinute: 30
} as const;

export async function checkDrawingQuota(
	db: Db,
	studentId: string,
	save: { isNew: boolean; bytes: number; replacedBytes: number },
	now = Date.now()
): Promise<void> {
	const usage = await drawingUsageOfStudent(db, studentId, now - 60_000);
	if (save.isNew) {
		if (usage.drawings >= DRAWING_QUOTA.drawings)
			throw new DomainError(413, 'security.quota.drawings');
		if (usage.recent >= DRAWING_QUOTA.newPerMinute)
			throw new DomainError(429, 'security.quota.rate');
	}
	// A save that does not grow the drawing is always let through: it can only free space.
	if (
		save.bytes > save.replacedBytes &&
		usage.bytes - save.replacedBytes + save.bytes > DRAWING_QUOTA.bytes
	)
		throw new DomainError(413, 'security.quota.bytes');
}
