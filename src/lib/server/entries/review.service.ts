import { recordAudit } from '../audit/audit.repository.ts';
import type { SessionUser } from '../auth/session.ts';
import { getManagedClassroom } from '../classrooms/classroom.service.ts';
import { listStudentsForJoin } from '../classrooms/classroom.repository.ts';
import { parseLocalized, localize } from '../contests/contest.service.ts';
import { agesOf } from '../contests/eligibility.ts';
import { listEnterableContests } from '../contests/eligibility.service.ts';
import { writeTransaction, type Db } from '../db/database.ts';
import { REVIEW_FORM } from '../../schemas/entry.ts';
import { parseText } from '../../schemas/field.ts';
import { DomainError } from '../errors.ts';
import type { ConsentScope, EntrySource, EntryStatus } from '../db/schema.ts';
import type { Locale } from '../../i18n/index.ts';
import * as repo from './entry.repository.ts';
import { entriesWaitingForServer } from './submission.service.ts';

export const RETURN_MESSAGE_MAX = REVIEW_FORM.message.max;
/** Reviewed entries shown under the queue, so a slip can be seen (and asked about). */
export const RECENT_LIMIT = 20;

export type ReviewError =
	| 'review.error.messageRequired'
	| 'review.error.messageLength'
	| 'review.error.reasonRequired'
	| 'review.error.reasonLength';

export type ReviewDecision = 'approve' | 'return';

/**
 * A teacher decides once, on an entry whose image is ready: approving a returned work (or
 * returning an approved one) would change what the child was already told.
 */
export function canReview(status: EntryStatus): boolean {
	return status === 'waiting';
}

/** The normalised message, or the reason it is refused. */
export function checkMessage(
	raw: string,
	errors: { required: ReviewError; length: ReviewError }
): string {
	const message = parseText(REVIEW_FORM.message, raw);
	if (!message.ok)
		throw DomainError.invalid(message.problem === 'required' ? errors.required : errors.length);
	return message.value;
}

/** Width and height of the display rendition, so the page reserves the space before it loads. */
export function displaySize(media: string | null): { width: number; height: number } | null {
	if (!media) return null;
	try {
		const parsed = JSON.parse(media) as {
			variants?: { name?: unknown; width?: unknown; height?: unknown }[];
		};
		const display = parsed.variants?.find((v) => v.name === 'display');
		if (typeof display?.width === 'number' && typeof display.height === 'number')
			return { width: display.width, height: display.height };
	} catch {
		// A damaged descriptor only costs the reserved space.
	}
	return null;
}

/** What every entry list shows of an entry (the review queue and the organizer's table). */
export interface EntryView {
	id: string;
	title: string;
	about: string;
	age: number;
	source: EntrySource;
	status: EntryStatus;
	statusMessage: string | null;
	createdAt: number;
	pseudonym: string;
	image: { width: number; height: number } | null;
}

export function toEntryView(row: repo.EntryRowBase): EntryView {
	return {
		id: row.id,
		title: row.title,
		about: row.about,
		age: row.age,
		source: row.source,
		status: row.status,
		statusMessage: row.status_message,
		createdAt: row.created_at,
		pseudonym: row.pseudonym,
		image: displaySize(row.media)
	};
}

export interface ReviewEntry extends EntryView {
	reviewedAt: number | null;
	contestTitle: string;
	consent: ConsentScope | null;
	/** Processing waits for the database or storage to come back (it finishes on its own). */
	held: boolean;
}

function toReviewEntry(
	row: repo.ReviewEntryRow,
	locale: Locale,
	held: ReadonlySet<string> = new Set()
): ReviewEntry {
	return {
		...toEntryView(row),
		reviewedAt: row.reviewed_at,
		contestTitle: localize(parseLocalized(row.contest_title), locale),
		consent: row.consent_scope,
		held: held.has(row.id)
	};
}

/** Waiting entries first (oldest first), then recent decisions and entries still processing. */
export async function getReviewQueue(
	db: Db,
	actor: SessionUser,
	classroomId: string,
	locale: Locale
) {
	const classroom = await getManagedClassroom(db, actor, classroomId);
	const [waiting, processing, recent] = await Promise.all([
		repo.listClassroomEntries(db, classroom.id, ['waiting']),
		repo.listClassroomEntries(db, classroom.id, ['receiving', 'processing', 'failed'], {
			newestFirst: true,
			limit: RECENT_LIMIT
		}),
		repo.listClassroomEntries(db, classroom.id, ['approved', 'returned', 'disqualified'], {
			newestFirst: true,
			limit: RECENT_LIMIT
		})
	]);
	const held = await entriesWaitingForServer(db, processing);
	return {
		classroom,
		waiting: waiting.map((r) => toReviewEntry(r, locale)),
		processing: processing.map((r) => toReviewEntry(r, locale, held)),
		recent: recent.map((r) => toReviewEntry(r, locale))
	};
}

export async function countWaiting(db: Db, actor: SessionUser, classroomId: string) {
	await getManagedClassroom(db, actor, classroomId);
	return repo.countClassroomEntries(db, classroomId, 'waiting');
}

/** Approves or returns (with a message for the child) a waiting entry of this class. */
export async function reviewEntry(
	db: Db,
	actor: SessionUser,
	classroomId: string,
	entryId: string,
	decision: ReviewDecision,
	rawMessage = '',
	now = Date.now()
): Promise<{ id: string; status: EntryStatus }> {
	await getManagedClassroom(db, actor, classroomId);
	const message =
		decision === 'return'
			? checkMessage(rawMessage, {
					required: 'review.error.messageRequired',
					length: 'review.error.messageLength'
				})
			: null;
	const to: EntryStatus = decision === 'approve' ? 'approved' : 'returned';
	return writeTransaction(db, async (trx) => {
		const entry = await repo.findClassroomEntry(trx, classroomId, entryId);
		if (!entry) throw DomainError.notFound('review.error.notFound');
		if (!canReview(entry.status)) throw DomainError.conflict('review.error.notWaiting');
		const moved = await repo.moveEntryStatus(
			trx,
			entry.id,
			'waiting',
			to,
			{ status_message: message, reviewed_by: actor.id, reviewed_at: now },
			now
		);
		if (!moved) throw DomainError.conflict('review.error.notWaiting');
		await recordAudit(trx, {
			actorUserId: actor.id,
			action: decision === 'approve' ? 'entry.approve' : 'entry.return',
			subjectType: 'entry',
			subjectId: entry.id,
			detail: message ? { from: entry.status, message } : { from: entry.status }
		});
		return { id: entry.id, status: to };
	});
}

/** Children of the class (pseudonyms) and the contests a teacher may upload a photo to. */
export async function getUploadOptions(
	db: Db,
	actor: SessionUser,
	classroomId: string,
	locale: Locale,
	now = Date.now()
) {
	const classroom = await getManagedClassroom(db, actor, classroomId);
	const [students, contests] = await Promise.all([
		listStudentsForJoin(db, classroom.id),
		listEnterableContests(db, { schoolId: classroom.school_id, source: 'upload' }, now)
	]);
	return {
		classroom,
		students: students.map((s) => ({ id: s.id, pseudonym: s.pseudonym })),
		contests: contests.map(({ row, facts }) => ({
			id: row.id,
			title: localize(parseLocalized(row.title), locale),
			closesAt: row.closes_at,
			timeZone: row.time_zone,
			ages: agesOf(facts.ageBands)
		}))
	};
}
