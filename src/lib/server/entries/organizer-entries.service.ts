import { recordAudit } from '../audit/audit.repository.ts';
import type { SessionUser } from '../auth/session.ts';
import { canManageContests, localize, parseLocalized } from '../contests/contest.service.ts';
import { findContest, listAgeBands } from '../contests/contest.repository.ts';
import { writeTransaction, type Db } from '../db/database.ts';
import type { EntryStatus } from '../db/schema.ts';
import type { Locale } from '../../i18n/index.ts';
import { toCsv } from './csv.ts';
import * as repo from './entry.repository.ts';
import { DomainError } from '../errors.ts';
import { checkMessage, toEntryView, type EntryView } from './review.service.ts';

export const ENTRY_STATUSES: readonly EntryStatus[] = [
	'receiving',
	'processing',
	'waiting',
	'approved',
	'returned',
	'failed',
	'disqualified'
];

/** An organizer can take out any entry that reached the contest, but not one still arriving. */
const DISQUALIFIABLE: readonly EntryStatus[] = ['waiting', 'approved', 'returned'];

export function isEntryStatus(value: unknown): value is EntryStatus {
	return typeof value === 'string' && (ENTRY_STATUSES as readonly string[]).includes(value);
}

export function canDisqualify(status: EntryStatus): boolean {
	return DISQUALIFIABLE.includes(status);
}

/** Query parameters as typed; anything unknown reads as "no filter". */
export function parseEntryFilter(params: URLSearchParams): repo.AdminEntryFilter {
	const status = params.get('status') ?? '';
	const schoolId = params.get('school')?.trim() ?? '';
	const ageBandId = params.get('band')?.trim() ?? '';
	return {
		...(isEntryStatus(status) ? { status } : {}),
		...(schoolId ? { schoolId } : {}),
		...(ageBandId ? { ageBandId } : {})
	};
}

export interface AdminEntry extends EntryView {
	schoolName: string;
	ageBand: string | null;
}

function toAdminEntry(row: repo.AdminEntryRow): AdminEntry {
	return { ...toEntryView(row), schoolName: row.school_name, ageBand: row.age_band_label };
}

/**
 * Only organizers see a contest's entries; to anyone else the contest does not exist, exactly as
 * one that does not.
 */
async function findManagedContest(db: Db, actor: SessionUser, contestId: string) {
	const contest = canManageContests(actor) ? await findContest(db, contestId) : undefined;
	if (!contest) throw DomainError.notFound('contests.error.notFound');
	return contest;
}

/** The contest's entries under a filter, with what the filter form offers. */
export async function listEntriesForAdmin(
	db: Db,
	actor: SessionUser,
	contestId: string,
	filter: repo.AdminEntryFilter,
	locale: Locale
) {
	const contest = await findManagedContest(db, actor, contestId);
	const [rows, schools, bands] = await Promise.all([
		repo.listContestEntries(db, contestId, filter),
		repo.listContestEntrySchools(db, contestId),
		listAgeBands(db, [contestId])
	]);
	return {
		contest: { id: contest.id, title: localize(parseLocalized(contest.title), locale) },
		entries: rows.map(toAdminEntry),
		schools: schools.map((s) => ({ id: s.id, name: s.name })),
		ageBands: bands.map((b) => ({ id: b.id, label: b.label }))
	};
}

/** One entry of the contest, for the detail panel; null if the contest has no such entry. */
export async function getEntryForAdmin(
	db: Db,
	actor: SessionUser,
	contestId: string,
	entryId: string
): Promise<AdminEntry | null> {
	if (!canManageContests(actor)) throw DomainError.notFound('contests.error.notFound');
	const row = await repo.findContestEntry(db, contestId, entryId);
	return row ? toAdminEntry(row) : null;
}

export async function disqualifyEntry(
	db: Db,
	actor: SessionUser,
	contestId: string,
	entryId: string,
	rawReason: string,
	now = Date.now()
): Promise<void> {
	if (!canManageContests(actor)) throw DomainError.notFound('review.error.notFound');
	const reason = checkMessage(rawReason, {
		required: 'review.error.reasonRequired',
		length: 'review.error.reasonLength'
	});
	await writeTransaction(db, async (trx) => {
		const entry = await repo.findContestEntry(trx, contestId, entryId);
		if (!entry) throw DomainError.notFound('review.error.notFound');
		if (!canDisqualify(entry.status)) throw DomainError.conflict('review.error.cannotDisqualify');
		const moved = await repo.moveEntryStatus(
			trx,
			entry.id,
			DISQUALIFIABLE,
			'disqualified',
			{ status_message: reason },
			now
		);
		if (!moved) throw DomainError.conflict('review.error.cannotDisqualify');
		await recordAudit(trx, {
			actorUserId: actor.id,
			action: 'entry.disqualify',
			subjectType: 'entry',
			subjectId: entry.id,
			detail: { from: entry.status, reason }
		});
	});
}

export const CSV_HEADER = [
	'id',
	'title',
	'pseudonym',
	'school',
	'age_band',
	'age',
	'source',
	'status',
	'submitted_at'
] as const;

/** The filtered table as CSV. Pseudonyms only, like the table. */
export async function exportEntriesCsv(
	db: Db,
	actor: SessionUser,
	contestId: string,
	filter: repo.AdminEntryFilter
): Promise<string> {
	await findManagedContest(db, actor, contestId);
	const rows = await repo.listContestEntries(db, contestId, filter);
	return toCsv(
		CSV_HEADER,
		rows.map((r) => [
			r.id,
			r.title,
			r.pseudonym,
			r.school_name,
			r.age_band_label,
			r.age,
			r.source,
			r.status,
			new Date(r.created_at).toISOString()
		])
	);
}
