import type { Db } from '../db/database.ts';
import { newId } from '../ids.ts';

export interface AuditEntry {
	actorUserId: string | null;
	action: string;
	subjectType: string;
	subjectId: string;
	detail?: Record<string, unknown>;
	ip?: string | null;
}

export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
	await db
		.insertInto('audit_log')
		.values({
			id: newId(),
			actor_user_id: entry.actorUserId,
			action: entry.action,
			subject_type: entry.subjectType,
			subject_id: entry.subjectId,
			detail: JSON.stringify(entry.detail ?? {}),
			ip: entry.ip ?? null,
			created_at: Date.now()
		})
		.execute();
}

export async function listAuditForSubject(db: Db, subjectType: string, subjectId: string) {
	return db
		.selectFrom('audit_log')
		.select(['id', 'actor_user_id', 'action', 'detail', 'created_at'])
		.where('subject_type', '=', subjectType)
		.where('subject_id', '=', subjectId)
		.orderBy('created_at', 'desc')
		.execute();
}

/**
 * Keeps that something happened, by whom and when, but forgets what it happened to: rows about
 * one of `ids` (as subject or inside their detail, where a teacher's message may quote a child)
 * lose their subject and detail. Ids are random, so a match inside the detail is never chance.
 */
export async function anonymizeAuditSubjects(db: Db, ids: readonly string[]): Promise<number> {
	let changed = 0;
	for (const id of ids) {
		const result = await db
			.updateTable('audit_log')
			.set({ subject_id: ERASED_SUBJECT, detail: '{}' })
			.where((w) => w.or([w('subject_id', '=', id), w('detail', 'like', `%${id}%`)]))
			.executeTakeFirst();
		changed += Number(result.numUpdatedRows);
	}
	return changed;
}

/** What an anonymized audit row names instead of its subject. */
export const ERASED_SUBJECT = 'erased';
