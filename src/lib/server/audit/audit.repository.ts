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
