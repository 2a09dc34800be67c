/**
 * A child (or their teacher) submits an artwork to a contest. The entry row is written first,
 * as 'receiving', so its idempotency key claims the submission before any bytes are stored: a
 * retried or double-clicked upload maps onto the same entry. Storage is never awaited inside a
 * transaction, and a refusal at any step removes what the earlier steps wrote.
 */
import { createHash } from 'node:crypto';
import type { SessionStudent, SessionUser } from '../auth/session.ts';
import { findStudentSchool } from '../classrooms/classroom.repository.ts';
import { getManagedClassroom } from '../classrooms/classroom.service.ts';
import type { Locale } from '../../i18n/index.ts';
import { localize, parseLocalized } from '../contests/contest.service.ts';
import { loadContestFacts } from '../contests/eligibility.service.ts';
import { writeTransaction, type Db } from '../db/database.ts';
import type { EntryStatus } from '../db/schema.ts';
import { findDrawing } from '../drawings/drawing.repository.ts';
import { DomainError } from '../errors.ts';
import { faultPoint, faultTiming } from '../faults.ts';
import { newId } from '../ids.ts';
import {
	enqueue,
	payloadsInOutage,
	PermanentJobError,
	type JobHandler,
	type JobHooks
} from '../jobs/queue.ts';
import { ImageRejectedError, inspectImage, type RejectionReason } from '../media/image.ts';
import { MediaNotFoundError, processUpload } from '../media/media.service.ts';
import { uploadKey } from '../storage/keys.ts';
import type { ObjectStore } from '../storage/object-store.ts';
import { checkEligibility, type EligibilityError } from './eligibility.ts';
import { releaseMediaIfUnused } from './entry-objects.ts';
import * as repo from './entry.repository.ts';

export const ENTRY_PROCESS_JOB = 'entry.process';

export type Submitter =
	| { kind: 'student'; student: SessionStudent }
	| { kind: 'teacher'; user: SessionUser; studentId: string };

export interface SubmitInput {
	contestId: string;
	age: number;
	title: string;
	about: string;
	drawingId: string | null;
	idempotencyKey: string;
	image: Uint8Array;
}

export type EntryError =
	| EligibilityError
	| 'entries.error.idempotencyKey'
	| 'entries.error.inFlight'
	| 'entries.error.keyReused'
	| 'entries.error.forbidden'
	| 'entries.error.studentNotFound'
	| `entries.error.image.${RejectionReason}`;

const STATUS: Record<EntryError, DomainError['status']> = {
	'entries.error.contestNotFound': 404,
	'entries.error.contestClosed': 409,
	'entries.error.school': 403,
	'entries.error.source': 422,
	'entries.error.age': 422,
	'entries.error.limit': 409,
	'entries.error.title': 422,
	'entries.error.about': 422,
	'entries.error.drawingNotFound': 404,
	'entries.error.idempotencyKey': 400,
	'entries.error.inFlight': 409,
	'entries.error.keyReused': 422,
	'entries.error.forbidden': 403,
	'entries.error.studentNotFound': 404,
	'entries.error.image.format': 422,
	'entries.error.image.tooBig': 413,
	'entries.error.image.tooManyPixels': 422,
	'entries.error.image.tooSmall': 422,
	'entries.error.image.aspect': 422,
	'entries.error.image.corrupt': 422
};

/** A refused submission, with the status each reason has always answered with. */
function entryError(code: EntryError): DomainError {
	return new DomainError(STATUS[code], code);
}

/** Status message of an entry whose image could not be processed: "please send it again". */
export const PROCESS_FAILED_MESSAGE = 'entries.error.processFailed';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{8,100}$/;

export function isIdempotencyKey(value: unknown): value is string {
	return typeof value === 'string' && IDEMPOTENCY_KEY.test(value);
}

export { uploadKey };

function sha256(data: Uint8Array | string): string {
	return createHash('sha256').update(data).digest('hex');
}

/** What the key promises: the same key must always mean this exact submission. */
function payloadHash(studentId: string, input: SubmitInput): string {
	// A JSON array keeps field boundaries unambiguous whatever the title contains.
	return sha256(
		JSON.stringify([
			input.contestId,
			studentId,
			input.age,
			input.title,
			input.about,
			input.drawingId,
			sha256(input.image)
		])
	);
}

type Outcome = { entry: { id: string; status: EntryStatus }; replayed: boolean };

/** Same key seen before: the same submission replays, anything else is refused. */
function replay(
	existing: { id: string; student_id: string; status: EntryStatus; payload_hash: string },
	studentId: string,
	hash: string
): Outcome {
	if (existing.student_id !== studentId || existing.payload_hash !== hash)
		throw entryError('entries.error.keyReused');
	if (existing.status === 'receiving') throw entryError('entries.error.inFlight');
	return { entry: { id: existing.id, status: existing.status }, replayed: true };
}

/**
 * Receiving takes seconds (the body is already read: only the store write and one commit are
 * left). A receipt older than this lost its request to a crash or a kill -9 in between.
 */
export const ABANDONED_RECEIPT_MS = 60_000;

/** Receipts older than this were abandoned (shortened only by the fault tests). */
function abandonedBefore(now: number): number {
	return now - (faultTiming('receiptMs') ?? ABANDONED_RECEIPT_MS);
}

/**
 * The child's retry of a submission whose server died after claiming its key (and perhaps
 * storing the picture) but before committing: the retry removes the leftover row and object and
 * is received afresh, so it ends with exactly one entry and one stored original.
 */
async function tookOverAbandonedReceipt(
	deps: { db: Db; store: ObjectStore },
	seen: {
		id: string;
		student_id: string;
		status: EntryStatus;
		payload_hash: string;
		updated_at: number;
	},
	studentId: string,
	hash: string,
	now: number
): Promise<boolean> {
	if (seen.status !== 'receiving' || seen.student_id !== studentId || seen.payload_hash !== hash)
		return false;
	if (seen.updated_at >= abandonedBefore(now)) return false;
	await deps.store.delete(uploadKey(seen.id));
	return repo.deleteAbandonedReceipt(deps.db, seen.id, abandonedBefore(now));
}

/**
 * Removes abandoned receipts and their stored pictures: all of them (housekeeping), or one
 * child's in one contest before they submit to it. A receipt is only ever taken over by a retry
 * under the same key; once the studio sends under a new one (the child changed the title, or
 * used another computer) the dead receipt would otherwise hold the child's place for good.
 */
export async function releaseAbandonedReceipts(
	deps: { db: Db; store: ObjectStore },
	now: number,
	of?: { studentId: string; contestId: string }
): Promise<number> {
	const before = abandonedBefore(now);
	let released = 0;
	for (const id of await repo.listAbandonedReceipts(deps.db, before, of)) {
		// The picture first: a crash in between leaves a row that names nothing, never the reverse.
		await deps.store.delete(uploadKey(id));
		if (await repo.deleteAbandonedReceipt(deps.db, id, before)) released++;
	}
	return released;
}

async function resolveStudent(db: Db, submitter: Submitter) {
	const studentId = submitter.kind === 'student' ? submitter.student.id : submitter.studentId;
	const student = await findStudentSchool(db, studentId);
	if (!student) throw entryError('entries.error.studentNotFound');
	if (submitter.kind === 'teacher') {
		await getManagedClassroom(db, submitter.user, student.classroom_id).catch(() => {
			throw entryError('entries.error.forbidden');
		});
	}
	return student;
}

function isUniqueViolation(err: unknown): boolean {
	const e = err as { code?: unknown; message?: unknown } | null;
	return (
		e?.code === '23505' ||
		e?.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
		(typeof e?.message === 'string' && /unique/i.test(e.message))
	);
}

export async function submitEntry(
	deps: { db: Db; store: ObjectStore },
	submitter: Submitter,
	input: SubmitInput,
	now = Date.now()
): Promise<Outcome> {
	const { db, store } = deps;
	if (!isIdempotencyKey(input.idempotencyKey)) throw entryError('entries.error.idempotencyKey');
	const student = await resolveStudent(db, submitter);
	const hash = payloadHash(student.id, input);

	// A replay must answer the same even after the contest closed or the limit was reached.
	const seen = await repo.findEntryByKey(db, input.idempotencyKey);
	if (seen && !(await tookOverAbandonedReceipt(deps, seen, student.id, hash, now)))
		return replay(seen, student.id, hash);

	await releaseAbandonedReceipts(deps, now, {
		studentId: student.id,
		contestId: input.contestId
	});

	const source = submitter.kind === 'student' ? 'studio' : 'upload';
	if (source === 'studio' && input.drawingId === null)
		throw entryError('entries.error.drawingNotFound');
	const [contest, drawing] = await Promise.all([
		loadContestFacts(db, input.contestId),
		input.drawingId === null ? null : findDrawing(db, input.drawingId)
	]);
	const facts = {
		contest,
		childSchoolId: student.school_id,
		source,
		age: input.age,
		title: input.title,
		about: input.about,
		drawing: input.drawingId === null ? null : { isOwn: drawing?.student_id === student.id },
		now
	} as const;
	// Cheap refusals first, without a write lock; the limit is checked again under it.
	const first = checkEligibility({ ...facts, activeEntries: 0 });
	if (!first.ok) throw entryError(first.error);

	const id = newId();
	try {
		await writeTransaction(db, async (trx) => {
			await repo.lockStudent(db, trx, student.id);
			const activeEntries = await repo.countActiveEntries(trx, student.id, input.contestId);
			const verdict = checkEligibility({ ...facts, activeEntries });
			if (!verdict.ok) throw entryError(verdict.error);
			await repo.insertEntry(trx, {
				id,
				contest_id: input.contestId,
				student_id: student.id,
				age_band_id: verdict.ageBandId,
				age: input.age,
				source,
				drawing_id: input.drawingId,
				title: verdict.title,
				about: verdict.about,
				status: 'receiving',
				status_message: null,
				idempotency_key: input.idempotencyKey,
				payload_hash: hash,
				original_key: null,
				media_prefix: null,
				media: null,
				submitted_by: submitter.kind === 'teacher' ? submitter.user.id : null,
				reviewed_by: null,
				reviewed_at: null,
				created_at: now,
				updated_at: now
			});
		});
	} catch (err) {
		if (err instanceof DomainError || !isUniqueViolation(err)) throw err;
		// A concurrent request with the same key won the insert.
		const winner = await repo.findEntryByKey(db, input.idempotencyKey);
		if (!winner) throw err;
		return replay(winner, student.id, hash);
	}

	const key = uploadKey(id);
	let stored = false;
	try {
		const bytes = Buffer.from(input.image.buffer, input.image.byteOffset, input.image.byteLength);
		const info = await inspectImage(bytes);
		if (!info.ok) throw entryError(`entries.error.image.${info.reason}`);
		await store.put(key, bytes, {
			contentType: `image/${info.format}`,
			contentLength: bytes.length
		});
		stored = true;
		await faultPoint('submit.stored');
		await writeTransaction(db, async (trx) => {
			await enqueue(trx as unknown as Db, ENTRY_PROCESS_JOB, { entryId: id }, { now });
			const moved = await repo.moveEntryStatus(
				trx,
				id,
				'receiving',
				'processing',
				{ original_key: key },
				now
			);
			if (!moved) throw new Error(`entry ${id} left 'receiving' while being received`);
		});
	} catch (err) {
		// Nothing half-written: no row claiming the key, no orphaned original.
		if (stored) await store.delete(key).catch(() => {});
		await repo.deleteEntry(db, id).catch(() => {});
		throw err;
	}
	await faultPoint('submit.committed');
	return { entry: { id, status: 'processing' }, replayed: false };
}

/**
 * Queue handler for `entry.process`: makes the renditions, records them on the entry and hands
 * it to the teacher ('waiting'). An image the pipeline refuses fails its job at once; storage
 * trouble is retried. However the job ends up failing for good, `entryJobHooks` marks the entry.
 */
export function entryJobHandler(deps: { db: Db; store: ObjectStore }): JobHandler {
	const { db, store } = deps;
	return async (payload) => {
		const { entryId } = (payload ?? {}) as { entryId?: unknown };
		if (typeof entryId !== 'string') throw new PermanentJobError('payload has no entryId');
		const entry = await repo.findEntry(db, entryId);
		if (!entry) throw new PermanentJobError(`entry ${entryId} not found`);
		// Already handled by an earlier attempt whose completion was not recorded.
		if (entry.status !== 'processing' || !entry.original_key) return { skipped: entry.status };
		let media;
		try {
			media = await processUpload(store, entry.original_key);
		} catch (err) {
			if (err instanceof ImageRejectedError || err instanceof MediaNotFoundError) {
				throw new PermanentJobError(err.message, { cause: err });
			}
			throw err;
		}
		await faultPoint('entry-job.rendered');
		// The renditions include a clean private original (no metadata): it replaces the upload.
		// Only from 'processing': if this attempt timed out and the job was given up meanwhile,
		// the entry already asks for a new file and stays that way.
		const original = media.variants.find((v) => v.name === 'original');
		const moved = await repo.moveEntryStatus(
			db,
			entryId,
			'processing',
			'waiting',
			{
				media: JSON.stringify(media),
				media_prefix: media.keyPrefix,
				original_key: original?.key ?? entry.original_key
			},
			Date.now()
		);
		if (moved && original) await store.delete(entry.original_key).catch(() => {});
		// The child was erased while their picture was being processed: what this run wrote
		// must not outlive them.
		if (!moved && !(await repo.findEntry(db, entryId))) {
			await releaseMediaIfUnused(db, store, media.keyPrefix, null);
			return { skipped: 'erased' };
		}
		return { entryId, keyPrefix: media.keyPrefix };
	};
}

/**
 * Every way an `entry.process` job can fail for good — a refused image, the last attempt
 * throwing or timing out, the worker dying during it — ends the same for the child: the entry
 * says "please send it again" and frees its place.
 */
export const entryJobHooks: JobHooks = {
	onFinalFailure: async (payload, { db }) => {
		const { entryId } = (payload ?? {}) as { entryId?: unknown };
		if (typeof entryId !== 'string') return;
		await repo.moveEntryStatus(
			db,
			entryId,
			'processing',
			'failed',
			{ status_message: PROCESS_FAILED_MESSAGE },
			Date.now()
		);
	}
};

export interface MyEntry {
	id: string;
	title: string;
	/** The child's words about the picture: the image's text alternative. */
	about: string;
	contestTitle: string;
	/** The language `contestTitle` is in: Chinese when the reader's language was missing. */
	contestTitleLang: Locale;
	status: EntryStatus;
	/** The teacher's words for a returned entry; a message key for a failed one. */
	message: string | null;
	hasPicture: boolean;
	createdAt: number;
	/** The studio drawing it was made from; null for a photo the teacher uploaded. */
	drawingId: string | null;
	/** Still processing, its job waiting for the database or storage to come back. */
	held: boolean;
}

/**
 * Of these entries, those whose processing waits out an outage of the database or storage: they
 * finish on their own when it returns, and nothing is lost meanwhile.
 */
export async function entriesWaitingForServer(
	db: Db,
	entries: readonly { id: string; status: EntryStatus }[]
): Promise<Set<string>> {
	const processing = entries.filter((e) => e.status === 'processing').map((e) => e.id);
	const held = await payloadsInOutage(
		db,
		ENTRY_PROCESS_JOB,
		processing.map((entryId) => ({ entryId }))
	);
	return new Set(processing.filter((entryId) => held.has(JSON.stringify({ entryId }))));
}

/** The child's own entries with their state, newest first. */
export async function listMyEntries(
	db: Db,
	student: SessionStudent,
	locale: Locale
): Promise<MyEntry[]> {
	const rows = await repo.listEntriesOfStudent(db, student.id);
	const held = await entriesWaitingForServer(db, rows);
	return rows.map((r) => {
		const contestTitle = parseLocalized(r.contest_title);
		return {
			id: r.id,
			title: r.title,
			about: r.about,
			contestTitle: localize(contestTitle, locale),
			contestTitleLang: contestTitle[locale] ? locale : 'zh-CN',
			status: r.status,
			message: r.status === 'returned' || r.status === 'failed' ? r.status_message : null,
			hasPicture: r.media !== null,
			createdAt: r.created_at,
			drawingId: r.drawing_id,
			held: held.has(r.id)
		};
	});
}

/**
 * What the child typed for a returned entry of this drawing, to fill the form when they send it
 * again ("fix and send again"); null for anything else. The new entry is checked like any other,
 * the returned one no longer counting against the limit.
 */
export async function returnedEntryToResend(
	db: Db,
	student: SessionStudent,
	entryId: string,
	drawingId: string
): Promise<{ contestId: string; age: number; title: string; about: string } | null> {
	const rows = await repo.listEntriesOfStudent(db, student.id);
	const row = rows.find(
		(r) => r.id === entryId && r.drawing_id === drawingId && r.status === 'returned'
	);
	return row
		? { contestId: row.contest_id, age: row.age, title: row.title, about: row.about }
		: null;
}
