/**
 * Who may see an entry: its renditions and (for a studio entry) its stroke document. One policy
 * function answers for every route; the rules it asks are registered, so judging (assigned, not
 * recused, round open) and the exhibition (consent in force, exhibition published) add theirs
 * from their own folders — `registerEntryAccessRule` at module load — without entries importing
 * them. Any rule saying yes admits; an unknown or malformed id is simply "no", like a stranger's.
 */
import type { SessionStudent, SessionUser } from '../auth/session.ts';
import type { Db } from '../db/database.ts';
import { findEntryAccessFacts } from './entry.repository.ts';

export type EntryViewer = { student: SessionStudent } | { user: SessionUser } | { anonymous: true };

/** What is asked for: the pictures, or the drawing's strokes (print renders, replays). */
export type EntryResource = 'rendition' | 'document';

/** What a rule may look at; nothing that names the child. */
export type EntryAccessFacts = NonNullable<Awaited<ReturnType<typeof findEntryAccessFacts>>>;

export interface EntryAccessRequest {
	db: Db;
	viewer: EntryViewer;
	entry: EntryAccessFacts;
	resource: EntryResource;
	now: number;
}

export type EntryAccessRule = (request: EntryAccessRequest) => boolean | Promise<boolean>;

const ENTRY_ID = /^[a-z0-9]{1,40}$/;

/** The child who made it, a teacher of the child's class, or an organizer. */
const rules = new Map<string, EntryAccessRule>([
	[
		'entries.owner',
		({ viewer, entry }) => 'student' in viewer && viewer.student.id === entry.student_id
	],
	[
		'entries.teacher',
		({ viewer, entry }) =>
			'user' in viewer && viewer.user.role === 'teacher' && viewer.user.id === entry.teacher_id
	],
	['entries.organizer', ({ viewer }) => 'user' in viewer && viewer.user.role === 'organizer']
]);

/** Adds (or, under the same name, replaces) a rule; names are `<domain>.<who>`. */
export function registerEntryAccessRule(name: string, rule: EntryAccessRule): void {
	rules.set(name, rule);
}

/** The entry's facts if this viewer may have the resource, else null (missing or refused). */
export async function authorizeEntry(
	db: Db,
	viewer: EntryViewer,
	entryId: string,
	resource: EntryResource,
	now = Date.now()
): Promise<EntryAccessFacts | null> {
	if (!ENTRY_ID.test(entryId)) return null;
	const entry = await findEntryAccessFacts(db, entryId);
	if (!entry) return null;
	for (const rule of rules.values()) {
		if (await rule({ db, viewer, entry, resource, now })) return entry;
	}
	return null;
}

export async function canAccessEntry(
	db: Db,
	viewer: EntryViewer,
	entryId: string,
	resource: EntryResource,
	now = Date.now()
): Promise<boolean> {
	return (await authorizeEntry(db, viewer, entryId, resource, now)) !== null;
}
