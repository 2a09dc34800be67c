/**
 * Awards as the people concerned see them once a contest has published its results: the child
 * on their own entries, the teacher on their class page. Before `results` nothing shows, so a
 * proposal the organizer is still adjusting never reaches a child.
 */
import { translate, type Locale } from '../../i18n/index.ts';
import type { SessionStudent, SessionUser } from '../auth/session.ts';
import { localize, parseLocalized } from '../contests/contest.service.ts';
import type { Db } from '../db/database.ts';
import type { AwardKind } from '../db/schema.ts';
import { DomainError } from '../errors.ts';
import * as resultRepo from './result.repository.ts';

/** The award's name: the organizer's own wording in this language if any, else the standard one. */
export function awardName(kind: AwardKind, labelJson: string, locale: Locale): string {
	let custom: Record<string, unknown> = {};
	try {
		const parsed: unknown = JSON.parse(labelJson);
		if (parsed && typeof parsed === 'object') custom = parsed as Record<string, unknown>;
	} catch {
		// A broken label falls back to the standard name.
	}
	const own = custom[locale];
	return typeof own === 'string' && own.trim()
		? own
		: translate(locale, `judging.awards.kind.${kind}`);
}

/** entry id → award name, for the child's own entries (the caller lists only theirs). */
export async function awardsOfMyEntries(
	db: Db,
	student: SessionStudent | null,
	entryIds: readonly string[],
	locale: Locale
): Promise<Map<string, string>> {
	if (!student) throw DomainError.forbidden();
	const rows = await resultRepo.listPublishedAwardsOfEntries(db, entryIds);
	return new Map(rows.map((r) => [r.entry_id, awardName(r.kind, r.label, locale)]));
}

/**
 * The published awards of a class's children. The caller has already checked that the actor
 * manages this class (getManagedClassroom); this only refuses anyone who is not an adult.
 */
export async function awardsOfClassroom(
	db: Db,
	actor: SessionUser | null,
	classroomId: string,
	locale: Locale
) {
	if (!actor) throw DomainError.forbidden();
	const rows = await resultRepo.listPublishedAwardsOfClassroom(db, classroomId);
	return rows.map((r) => ({
		id: r.id,
		entryId: r.entry_id,
		kind: r.kind,
		name: awardName(r.kind, r.label, locale),
		title: r.title,
		firstName: r.first_name,
		contest: localize(parseLocalized(r.contest_title), locale)
	}));
}
