/**
 * The organizer's side of the printed exhibition: ask for the labels or the pack (a queue job
 * each), follow their progress, and download them. Organizers only, at every entry point.
 */
import { publicArtworkUrl } from '$lib/exhibition/paths.ts';
import type { Locale, MessageKey, Params } from '$lib/i18n/index.ts';
import type { SessionUser } from '../auth/session.ts';
import { findContest } from '../contests/contest.repository.ts';
import { localize, parseLocalized, requireContestManager } from '../contests/contest.service.ts';
import { writeTransaction, type Db } from '../db/database.ts';
import type { PrintArtifactKind, PrintArtifactStatus } from '../db/schema.ts';
import { DomainError } from '../errors.ts';
import { findExhibition } from '../exhibition/exhibition.repository.ts';
import { findPublicEntryById } from '../exhibition/public-entry.repository.ts';
import { enqueue } from '../jobs/queue.ts';
import { findArtifact, listArtifacts, startArtifact } from './print-artifact.repository.ts';
import { loadPrintList, type PublicUrlOf } from './print-items.ts';
import { PRINT_LABELS_JOB, PRINT_PACK_JOB, type PrintJobPayload } from './print-jobs.ts';

export const PRINT_KINDS: readonly PrintArtifactKind[] = ['labels', 'pack'];

export function isPrintKind(value: string): value is PrintArtifactKind {
	return (PRINT_KINDS as readonly string[]).includes(value);
}

/**
 * The public page of each work that is public now (the exhibition's one rule), else null: a
 * classroom-only work, or any work before the exhibition is published, gets no QR code.
 */
export function exhibitionUrls(db: Db, contestId: string, origin: string): PublicUrlOf {
	let slug: Promise<string | null> | undefined;
	return async (entryId) => {
		const entry = await findPublicEntryById(db, entryId);
		if (!entry) return null;
		slug ??= findExhibition(db, contestId).then((x) => x?.slug ?? null);
		const s = await slug;
		return s ? publicArtworkUrl(origin, s, entry.handle) : null;
	};
}

async function contestOf(db: Db, actor: SessionUser, contestId: string) {
	requireContestManager(actor);
	const contest = await findContest(db, contestId);
	if (!contest) throw DomainError.notFound();
	return contest;
}

export interface PrintArtifactView {
	kind: PrintArtifactKind;
	status: PrintArtifactStatus;
	done: number;
	total: number;
	bytes: number | null;
	ready: boolean;
	updatedAt: number;
	error: { key: MessageKey; params: Params } | null;
}

function errorOf(text: string | null): PrintArtifactView['error'] {
	if (!text) return null;
	try {
		const parsed = JSON.parse(text) as { key: MessageKey; params?: Params };
		return { key: parsed.key, params: parsed.params ?? {} };
	} catch {
		return { key: 'print.error.failed', params: {} };
	}
}

export async function getPrintPage(db: Db, actor: SessionUser, contestId: string, locale: Locale) {
	const contest = await contestOf(db, actor, contestId);
	const [list, artifacts, exhibition] = await Promise.all([
		loadPrintList(db, contestId, { locale, publicUrlOf: async () => null }),
		listArtifacts(db, contestId),
		findExhibition(db, contestId)
	]);
	const views = Object.fromEntries(
		artifacts.map((a): [PrintArtifactKind, PrintArtifactView] => [
			a.kind,
			{
				kind: a.kind,
				status: a.status,
				done: a.done,
				total: a.total,
				bytes: a.bytes === null ? null : Number(a.bytes),
				ready: a.object_key !== null,
				updatedAt: Number(a.updated_at),
				error: errorOf(a.error)
			}
		])
	) as Partial<Record<PrintArtifactKind, PrintArtifactView>>;
	return {
		id: contest.id,
		title: localize(parseLocalized(contest.title), locale),
		count: list.items.length,
		exhibitionPublished: Boolean(exhibition?.published_at),
		artifacts: views
	};
}

/** Queues a fresh labels PDF or pack; refused at once when there is nothing to print. */
export async function requestPrint(
	db: Db,
	actor: SessionUser,
	contestId: string,
	kind: PrintArtifactKind,
	options: { locale: Locale; origin: string; now?: number }
): Promise<void> {
	await contestOf(db, actor, contestId);
	const list = await loadPrintList(db, contestId, {
		locale: options.locale,
		publicUrlOf: async () => null
	});
	if (list.items.length === 0) throw DomainError.conflict('print.error.noWorks');
	const now = options.now ?? Date.now();
	const payload: PrintJobPayload = { contestId, locale: options.locale, origin: options.origin };
	await writeTransaction(db, async (trx) => {
		// A render that failed once will fail again: one attempt, its reason shown.
		const jobId = await enqueue(
			trx as unknown as Db,
			kind === 'labels' ? PRINT_LABELS_JOB : PRINT_PACK_JOB,
			payload,
			{ now, maxAttempts: 1 }
		);
		await startArtifact(
			trx,
			{ contest_id: contestId, kind, job_id: jobId, requested_by: actor.id },
			now
		);
	});
}

/** The stored file of a finished labels PDF or pack, for download. */
export async function findPrintFile(
	db: Db,
	actor: SessionUser,
	contestId: string,
	kind: PrintArtifactKind
): Promise<{ key: string; name: string }> {
	const contest = await contestOf(db, actor, contestId);
	const row = await findArtifact(db, contestId, kind);
	if (!row?.object_key) throw DomainError.notFound('print.error.notReady');
	const base = `contest-${contest.id.slice(0, 8)}`;
	return {
		key: row.object_key,
		name: kind === 'labels' ? `${base}-labels.pdf` : `${base}-print-pack.zip`
	};
}
