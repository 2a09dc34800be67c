/**
 * Certificates: the organizer asks for one PDF per school or class (and one per child); each
 * batch is a job on the queue. A batch prints what the database says when it runs, stores every
 * file or none, and keeps the hash of its inputs so a later change (an award moved, a child
 * removed) shows it as out of date.
 */
import { createHash } from 'node:crypto';
import { isLocale, translate, type Locale } from '../../i18n/index.ts';
import type { MessageKey } from '../../i18n/index.ts';
import type { SessionUser } from '../auth/session.ts';
import { findContest } from '../contests/contest.repository.ts';
import { localize, parseLocalized } from '../contests/contest.service.ts';
import type { Db } from '../db/database.ts';
import type { AwardKind, CertificateScope } from '../db/schema.ts';
import { DomainError, isDomainError } from '../errors.ts';
import { newId } from '../ids.ts';
import { enqueue, PermanentJobError, type JobHandler, type JobHooks } from '../jobs/queue.ts';
import { assertOrganizer } from '../judging/round.service.ts';
import type { ObjectStore } from '../storage/index.ts';
import { listPeoplesChoiceWinners } from '../voting/voting.service.ts';
import * as repo from './ceremony.repository.ts';
import {
	renderCertificates,
	type Certificate,
	type CertificateContext,
	type CertificateOptions
} from './certificate.ts';

export const CERTIFICATE_JOB = 'ceremony.certificates';
export const SIGNATURE_MAX = 80;
/** A big school is a few hundred pages: give the job room beyond the image jobs' default. */
export const CERTIFICATE_JOB_TIMEOUT_MS = 10 * 60_000;

type Recipient = Awaited<ReturnType<typeof repo.listCertificateRecipients>>[number];

/** The award's name in `locale`: the organizer's own label if set, else the standard one. */
export function awardName(locale: Locale, kind: AwardKind, labelJson: string | null): string {
	try {
		const custom = JSON.parse(labelJson ?? '{}') as Record<string, unknown>;
		const text = custom[locale] ?? custom['zh-CN'];
		if (typeof text === 'string' && text.trim()) return text.trim();
	} catch {
		// A damaged label falls back to the standard name: the certificate still prints.
	}
	return translate(locale, `judging.awards.kind.${kind}`);
}

/**
 * An artwork's certificates: its jury award and/or the people's choice; participation when it
 * has neither.
 */
function certificatesOf(
	row: Recipient,
	locale: Locale,
	contestTitle: string,
	isPeoplesChoice: boolean
): Certificate[] {
	const base = {
		firstName: row.firstName,
		artworkTitle: row.title,
		contestTitle,
		bandLabel: row.bandLabel
	};
	const list: Certificate[] = [];
	if (row.awardKind)
		list.push({
			...base,
			kind: row.awardKind,
			awardName: awardName(locale, row.awardKind, row.awardLabel)
		});
	if (isPeoplesChoice)
		list.push({ ...base, kind: 'peoples', awardName: translate(locale, 'ceremony.award.peoples') });
	if (list.length === 0) list.push({ ...base, kind: 'participation', awardName: '' });
	return list;
}

interface BatchInputs {
	context: CertificateContext;
	/** In print order, with whose they are. */
	certificates: { studentId: string; pseudonym: string; certificate: Certificate }[];
	hash: string;
}

function parseOptions(json: string): CertificateOptions {
	const value = JSON.parse(json) as Partial<CertificateOptions>;
	return { date: String(value.date ?? ''), signature: String(value.signature ?? '') };
}

/** What a batch prints, read now; the hash changes whenever the printed result would. */
async function batchInputs(
	db: Db,
	batch: {
		contest_id: string;
		school_id: string;
		classroom_id: string | null;
		locale: string;
		options: string;
	},
	ngoName: string,
	recipients?: Recipient[]
): Promise<BatchInputs> {
	const contest = await findContest(db, batch.contest_id);
	if (!contest) throw DomainError.notFound('contests.error.notFound');
	const locale: Locale = isLocale(batch.locale) ? batch.locale : 'zh-CN';
	const contestTitle = localize(parseLocalized(contest.title), locale);
	const rows = (
		recipients ??
		(await repo.listCertificateRecipients(db, batch.contest_id, { schoolId: batch.school_id }))
	).filter(
		(r) =>
			r.schoolId === batch.school_id &&
			(!batch.classroom_id || r.classroomId === batch.classroom_id)
	);
	const context: CertificateContext = { locale, ngoName, options: parseOptions(batch.options) };
	const peoples = new Set(
		(await listPeoplesChoiceWinners(db, batch.contest_id)).map((w) => w.entryId)
	);
	const certificates = rows.flatMap((row) =>
		certificatesOf(row, locale, contestTitle, peoples.has(row.entryId)).map((certificate) => ({
			studentId: row.studentId,
			pseudonym: row.pseudonym,
			certificate
		}))
	);
	const hash = createHash('sha256')
		.update(JSON.stringify({ v: 1, context, certificates }))
		.digest('hex');
	return { context, certificates, hash };
}

/** Jury awards or a people's choice: without either there is nothing to celebrate yet. */
async function hasAnyAward(db: Db, contestId: string): Promise<boolean> {
	if ((await repo.countAwards(db, contestId)) > 0) return true;
	return (await listPeoplesChoiceWinners(db, contestId)).length > 0;
}

export interface CertificateRequest {
	scope: string;
	/** Language per school id. */
	locales: Record<string, string>;
	date: string;
	signature: string;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isValidDate(value: string): boolean {
	const m = DATE.exec(value);
	if (!m) return false;
	const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
	return date.toISOString().slice(0, 10) === value && Number(m[1]) >= 2000 && Number(m[1]) <= 2100;
}

/** The schools and classes that have approved artworks in the contest. */
export function groupsOf(recipients: Recipient[]) {
	const schools = new Map<string, { id: string; name: string; classes: Map<string, string> }>();
	for (const r of recipients) {
		const school = schools.get(r.schoolId) ?? {
			id: r.schoolId,
			name: r.schoolName,
			classes: new Map()
		};
		school.classes.set(r.classroomId, r.classroomName);
		schools.set(r.schoolId, school);
	}
	return [...schools.values()];
}

/**
 * Replaces the contest's certificate batches with new ones and queues a job for each. Old files
 * are deleted first: a download never mixes two generations.
 */
export async function startCertificates(
	deps: { db: Db; store: ObjectStore },
	actor: SessionUser | null,
	contestId: string,
	request: CertificateRequest,
	now = Date.now()
): Promise<number> {
	assertOrganizer(actor);
	const { db, store } = deps;
	const contest = await findContest(db, contestId);
	if (!contest) throw DomainError.notFound('contests.error.notFound');
	if (request.scope !== 'school' && request.scope !== 'class')
		throw DomainError.invalid('ceremony.error.scope');
	const scope: CertificateScope = request.scope;
	if (!isValidDate(request.date)) throw DomainError.invalid('ceremony.error.date');
	const signature = request.signature.trim().replace(/\s+/g, ' ');
	if ([...signature].length > SIGNATURE_MAX)
		throw DomainError.invalid('ceremony.error.signature', { max: SIGNATURE_MAX });
	if (!(await hasAnyAward(db, contestId))) throw DomainError.conflict('ceremony.error.noAwards');
	const recipients = await repo.listCertificateRecipients(db, contestId);
	if (recipients.length === 0) throw DomainError.conflict('ceremony.error.noEntries');
	const groups = groupsOf(recipients);
	for (const school of groups) {
		if (!isLocale(request.locales[school.id])) throw DomainError.invalid('ceremony.error.language');
	}
	const options = JSON.stringify({ date: request.date, signature } satisfies CertificateOptions);
	const rows = groups.flatMap((school) =>
		(scope === 'school' ? [null] : [...school.classes.keys()]).map((classroomId) => ({
			id: newId(),
			contest_id: contestId,
			scope,
			school_id: school.id,
			classroom_id: classroomId,
			locale: request.locales[school.id]!,
			options,
			status: 'queued' as const,
			pages_done: 0,
			pages_total: 0,
			input_hash: null,
			files: null,
			error_key: null,
			created_by: actor.id,
			created_at: now,
			updated_at: now
		}))
	);
	const old = await repo.deleteBatches(db, contestId);
	for (const id of old) await deletePrefix(store, batchPrefix(contestId, id));
	await repo.insertBatches(db, rows);
	for (const row of rows)
		await enqueue(db, CERTIFICATE_JOB, { batchId: row.id }, { now, maxAttempts: 2 });
	return rows.length;
}

function batchPrefix(contestId: string, batchId: string): string {
	return `private/certificates/${contestId}/${batchId}/`;
}

async function deletePrefix(store: ObjectStore, prefix: string): Promise<void> {
	for await (const object of store.list(prefix)) await store.delete(object.key);
}

export interface CertificateFile {
	/** 'all' for the batch, else the child's student id. */
	name: string;
	/** The child's pseudonym (never the real name); '' for the batch. */
	label: string;
	pages: number;
}

function parseFiles(json: string | null): CertificateFile[] {
	if (!json) return [];
	try {
		return JSON.parse(json) as CertificateFile[];
	} catch {
		return [];
	}
}

/** The organizer page's view of the contest's batches, each flagged when out of date. */
export async function listCertificateBatches(
	db: Db,
	actor: SessionUser | null,
	contestId: string,
	ngoName: string
) {
	assertOrganizer(actor);
	const [batches, recipients] = await Promise.all([
		repo.listBatches(db, contestId),
		repo.listCertificateRecipients(db, contestId)
	]);
	return Promise.all(
		batches.map(async (batch) => ({
			id: batch.id,
			schoolName: batch.schoolName ?? '',
			classroomName: batch.scope === 'class' ? (batch.classroomName ?? '') : null,
			locale: batch.locale,
			status: batch.status,
			pagesDone: batch.pages_done,
			pagesTotal: batch.pages_total,
			errorKey: batch.error_key as MessageKey | null,
			files: parseFiles(batch.files),
			isStale:
				batch.status === 'done' &&
				(await batchInputs(db, batch, ngoName, recipients)).hash !== batch.input_hash
		}))
	);
}

/** Where a finished batch's file is stored, for the download route. */
export async function findCertificateFile(
	db: Db,
	actor: SessionUser | null,
	contestId: string,
	batchId: string,
	name: string
): Promise<{ key: string; filename: string }> {
	assertOrganizer(actor);
	const batch = await repo.findBatch(db, batchId);
	if (!batch || batch.contest_id !== contestId || batch.status !== 'done')
		throw DomainError.notFound('ceremony.error.file');
	const file = parseFiles(batch.files).find((f) => f.name === name);
	if (!file) throw DomainError.notFound('ceremony.error.file');
	const batches = await repo.listBatches(db, contestId);
	const named = batches.find((b) => b.id === batchId);
	const group = [named?.schoolName, named?.classroomName].filter(Boolean).join(' ');
	return {
		key: `${batchPrefix(contestId, batchId)}${file.name}.pdf`,
		filename: `${file.label || group || 'certificates'}.pdf`
	};
}

/** Marks why a batch failed, for good. */
async function failBatch(db: Db, batchId: string, key: MessageKey, now = Date.now()) {
	await repo.updateBatch(db, batchId, { status: 'failed', error_key: key, updated_at: now });
}

function isMissingFont(error: unknown): boolean {
	return (
		error instanceof Error &&
		((error as NodeJS.ErrnoException).code === 'ENOENT' ||
			(error as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND' ||
			/noto-serif-sc/i.test(error.message))
	);
}

/** Renders and stores one batch: every file, or none of them. */
export function certificateJobHandler(deps: {
	db: Db;
	store: ObjectStore;
	ngoName: string;
}): JobHandler {
	const { db, store, ngoName } = deps;
	return async (payload, { signal }) => {
		const { batchId } = payload as { batchId: string };
		const batch = await repo.findBatch(db, batchId);
		// Replaced by a newer generation before it ran: nothing to do.
		if (!batch) return { skipped: true };
		if (!(await hasAnyAward(db, batch.contest_id))) {
			await failBatch(db, batchId, 'ceremony.error.noAwards');
			throw new PermanentJobError('the contest has no awards');
		}
		let inputs: BatchInputs;
		try {
			inputs = await batchInputs(db, batch, ngoName);
		} catch (error) {
			if (!isDomainError(error)) throw error;
			await failBatch(db, batchId, error.code);
			throw new PermanentJobError(error.code);
		}
		if (inputs.certificates.length === 0) {
			await failBatch(db, batchId, 'ceremony.error.empty');
			throw new PermanentJobError('no children left in the batch');
		}
		const total = inputs.certificates.length * 2;
		await repo.updateBatch(db, batchId, {
			status: 'running',
			pages_done: 0,
			pages_total: total,
			error_key: null,
			updated_at: Date.now()
		});
		let done = 0;
		let reported = 0;
		const progress = async () => {
			done++;
			signal.throwIfAborted();
			// Rendering is synchronous work: let requests in between pages.
			await new Promise((resolve) => setImmediate(resolve));
			if (done - reported >= 10 || done === total) {
				reported = done;
				await repo.updateBatch(db, batchId, { pages_done: done, updated_at: Date.now() });
			}
		};

		const files: { file: CertificateFile; bytes: Uint8Array }[] = [];
		try {
			const all = await renderCertificates(
				inputs.certificates.map((c) => c.certificate),
				inputs.context,
				translate(inputs.context.locale, 'ceremony.certificates.title'),
				progress
			);
			files.push({
				file: { name: 'all', label: '', pages: inputs.certificates.length },
				bytes: all
			});
			const byChild = new Map<string, typeof inputs.certificates>();
			for (const c of inputs.certificates)
				byChild.set(c.studentId, [...(byChild.get(c.studentId) ?? []), c]);
			for (const [studentId, list] of byChild) {
				const bytes = await renderCertificates(
					list.map((c) => c.certificate),
					inputs.context,
					list[0]!.pseudonym,
					progress
				);
				files.push({
					file: { name: studentId, label: list[0]!.pseudonym, pages: list.length },
					bytes
				});
			}
		} catch (error) {
			if (isMissingFont(error)) {
				await failBatch(db, batchId, 'ceremony.error.font');
				throw new PermanentJobError('the certificate font is missing', { cause: error });
			}
			throw error;
		}

		const prefix = batchPrefix(batch.contest_id, batchId);
		const written: string[] = [];
		try {
			for (const { file, bytes } of files) {
				const key = `${prefix}${file.name}.pdf`;
				await store.put(key, bytes, {
					contentType: 'application/pdf',
					contentLength: bytes.length
				});
				written.push(key);
			}
			const recorded = await repo.updateBatch(db, batchId, {
				status: 'done',
				pages_done: total,
				input_hash: inputs.hash,
				files: JSON.stringify(files.map((f) => f.file)),
				updated_at: Date.now()
			});
			if (!recorded) throw new Error('the batch was replaced while it ran');
		} catch (error) {
			// Nothing half-written: a batch's files exist all together or not at all.
			await Promise.allSettled(written.map((key) => store.delete(key)));
			if (error instanceof Error && error.message === 'the batch was replaced while it ran')
				return { skipped: true };
			throw error;
		}
		return { pages: inputs.certificates.length, files: files.length };
	};
}

export const certificateJobHooks: JobHooks = {
	onFinalFailure: async (payload, { db }) => {
		const { batchId } = payload as { batchId: string };
		const batch = await repo.findBatch(db, batchId);
		// A batch already failed with its own reason keeps it.
		if (batch && batch.status !== 'failed')
			await repo.updateBatch(db, batchId, {
				status: 'failed',
				error_key: 'ceremony.error.failed',
				updated_at: Date.now()
			});
	}
};
