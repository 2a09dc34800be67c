import { recordAudit } from '../audit/audit.repository.ts';
import type { SessionUser } from '../auth/session.ts';
import { writeTransaction, type Db } from '../db/database.ts';
import type { ContestStatus } from '../db/schema.ts';
import {
	boardPresetOf,
	findBoardPreset,
	type BoardPresetId,
	type BoardSize
} from '../../contests/board-size.ts';
import { CONTEST_FORM, type ContestInput, type LocalizedText } from '../../schemas/contest.ts';
import { parseInteger, type TextField } from '../../schemas/field.ts';
import { normaliseText, textLength } from '../../text/normalise.ts';
import { DomainError } from '../errors.ts';
import { newId } from '../ids.ts';
import { LOCALES, type Locale } from '../../i18n/index.ts';
import { parseAgeBands, type AgeBand, type AgeBandError } from './age-bands.ts';
import * as contests from './contest.repository.ts';
import { listEnterableContests } from './eligibility.service.ts';
import {
	canChangeTemplates,
	effectiveStatus,
	isEditable,
	nextSteps,
	refuseTransition,
	type TransitionRefusal
} from './lifecycle.ts';
import { CONTEST_TIME_ZONES, epochToLocal, localToEpoch } from './time-zone.ts';

export const TITLE_MAX = CONTEST_FORM.title.max;
export const THEME_MAX = CONTEST_FORM.theme.max;
export const TEXT_MAX = CONTEST_FORM.brief.max;
export const MAX_ENTRIES_PER_CHILD = CONTEST_FORM.entriesPerChild.max;

/** Message keys, so the page shows the reason in the reader's language. */
export type ContestError =
	| 'contests.error.titleRequired'
	| 'contests.error.titleLength'
	| 'contests.error.themeLength'
	| 'contests.error.textLength'
	| 'contests.error.timeZone'
	| 'contests.error.date'
	| 'contests.error.datesOrder'
	| 'contests.error.entriesPerChild'
	| 'contests.error.boardSize'
	| 'contests.error.sources'
	| 'contests.error.school'
	| 'contests.error.notFound'
	| 'contests.error.locked'
	| 'contests.error.openNeedsBands'
	| 'contests.error.openNeedsDates'
	| AgeBandError
	| TransitionRefusal
	| 'auth.error.forbidden';

/** A refusal of the form, before it becomes a DomainError. */
type Refusal = { ok: false; error: ContestError; params?: Record<string, string | number> };

export type { ContestInput, LocalizedText };

interface ValidContest {
	values: contests.ContestValues;
	bands: AgeBand[];
	schoolIds: string[];
}

type Failure = Refusal;

function refused(failure: Failure): DomainError {
	return DomainError.invalid(failure.error, failure.params);
}

export function canManageContests(actor: SessionUser): boolean {
	return actor.role === 'organizer';
}

/** The check every contest-managing entry point starts with. */
export function requireContestManager(actor: SessionUser): void {
	if (!canManageContests(actor)) throw DomainError.forbidden('auth.error.forbidden');
}

/** Each language normalised like every user-entered string; brief and rules keep their lines. */
function cleanText(text: LocalizedText, field: TextField): LocalizedText {
	const clean = (value: string) => normaliseText(value, { multiline: field.multiline });
	return { 'zh-CN': clean(text['zh-CN']), en: clean(text.en), fr: clean(text.fr) };
}

/** Stored JSON holds only the languages that were filled in. */
function toJson(text: LocalizedText): string {
	const out: Partial<LocalizedText> = {};
	for (const locale of LOCALES) if (text[locale]) out[locale] = text[locale];
	return JSON.stringify(out);
}

export function parseLocalized(json: string): LocalizedText {
	let parsed: unknown;
	try {
		parsed = JSON.parse(json);
	} catch {
		parsed = {};
	}
	const obj = (parsed && typeof parsed === 'object' ? parsed : {}) as Record<string, unknown>;
	const pick = (l: Locale) => (typeof obj[l] === 'string' ? obj[l] : '');
	return { 'zh-CN': pick('zh-CN'), en: pick('en'), fr: pick('fr') };
}

/** How a list of open contests names one, in the reader's language. */
export function contestHeading(
	row: Pick<contests.ContestRow, 'id' | 'title' | 'theme' | 'closes_at' | 'time_zone'>,
	locale: Locale,
	now: number
): { id: string; title: string; theme: string; closesAt: number; timeZone: string } {
	return {
		id: row.id,
		title: localize(parseLocalized(row.title), locale),
		theme: localize(parseLocalized(row.theme), locale),
		closesAt: row.closes_at ?? now,
		timeZone: row.time_zone
	};
}

export function boardOf(row: { board_width: number; board_height: number }): BoardSize {
	return { width: row.board_width, height: row.board_height };
}

/** The reader's language, else Chinese (always present for a title). */
export function localize(text: LocalizedText, locale: Locale): string {
	return text[locale] || text['zh-CN'];
}

export function validateContest(input: ContestInput): { ok: true; value: ValidContest } | Failure {
	const title = cleanText(input.title, CONTEST_FORM.title);
	const theme = cleanText(input.theme, CONTEST_FORM.theme);
	const brief = cleanText(input.brief, CONTEST_FORM.brief);
	const rules = cleanText(input.rules, CONTEST_FORM.rules);
	if (!title['zh-CN']) return { ok: false, error: 'contests.error.titleRequired' };
	for (const locale of LOCALES) {
		if (textLength(title[locale]) > TITLE_MAX)
			return { ok: false, error: 'contests.error.titleLength', params: { max: TITLE_MAX } };
		if (textLength(theme[locale]) > THEME_MAX)
			return { ok: false, error: 'contests.error.themeLength', params: { max: THEME_MAX } };
		if (textLength(brief[locale]) > TEXT_MAX || textLength(rules[locale]) > TEXT_MAX)
			return { ok: false, error: 'contests.error.textLength', params: { max: TEXT_MAX } };
	}

	const bands = parseAgeBands(input.ageBands);
	if (!bands.ok) return { ok: false, error: bands.error, params: { line: bands.line } };

	const timeZone = input.timeZone.trim();
	if (!(CONTEST_TIME_ZONES as readonly string[]).includes(timeZone))
		return { ok: false, error: 'contests.error.timeZone' };
	const instant = (local: string) => (local.trim() === '' ? null : localToEpoch(local, timeZone));
	const opensAt = instant(input.opensAt);
	const closesAt = instant(input.closesAt);
	if ((input.opensAt.trim() && opensAt === null) || (input.closesAt.trim() && closesAt === null))
		return { ok: false, error: 'contests.error.date' };
	if (opensAt !== null && closesAt !== null && opensAt >= closesAt)
		return { ok: false, error: 'contests.error.datesOrder' };

	const entries = parseInteger(CONTEST_FORM.entriesPerChild, input.entriesPerChild);
	if (!entries.ok)
		return {
			ok: false,
			error: 'contests.error.entriesPerChild',
			params: { max: MAX_ENTRIES_PER_CHILD }
		};
	const board = findBoardPreset(input.boardSize);
	if (!board) return { ok: false, error: 'contests.error.boardSize' };
	if (!input.allowStudio && !input.allowUpload)
		return { ok: false, error: 'contests.error.sources' };

	return {
		ok: true,
		value: {
			values: {
				title: toJson(title),
				theme: toJson(theme),
				brief: toJson(brief),
				rules: toJson(rules),
				timeZone,
				opensAt,
				closesAt,
				entriesPerChild: entries.value,
				boardWidth: board.width,
				boardHeight: board.height,
				allowStudio: input.allowStudio,
				allowUpload: input.allowUpload
			},
			bands: bands.bands,
			schoolIds: [...new Set(input.schoolIds)]
		}
	};
}

async function checkSchools(db: Db, ids: readonly string[]): Promise<void> {
	if ((await contests.countExistingSchools(db, ids)) !== ids.length)
		throw DomainError.invalid('contests.error.school');
}

export async function createContest(
	db: Db,
	actor: SessionUser,
	input: ContestInput,
	now = Date.now()
): Promise<string> {
	requireContestManager(actor);
	const valid = validateContest(input);
	if (!valid.ok) throw refused(valid);
	const id = newId();
	return writeTransaction(db, async (trx) => {
		await checkSchools(trx, valid.value.schoolIds);
		await contests.insertContest(trx, {
			id,
			createdBy: actor.id,
			now,
			values: valid.value.values
		});
		await contests.replaceAgeBands(trx, id, valid.value.bands);
		await contests.replaceContestSchools(trx, id, valid.value.schoolIds);
		await recordAudit(trx, {
			actorUserId: actor.id,
			action: 'contest.create',
			subjectType: 'contest',
			subjectId: id
		});
		return id;
	});
}

export async function updateContest(
	db: Db,
	actor: SessionUser,
	id: string,
	input: ContestInput,
	now = Date.now()
): Promise<string> {
	requireContestManager(actor);
	const valid = validateContest(input);
	if (!valid.ok) throw refused(valid);
	return writeTransaction(db, async (trx) => {
		const row = await contests.findContest(trx, id);
		if (!row) throw DomainError.notFound('contests.error.notFound');
		if (!isEditable(row.status)) throw DomainError.conflict('contests.error.locked');
		// A published contest must keep what opening it required.
		if (row.status === 'open') {
			if (valid.value.bands.length === 0)
				throw DomainError.invalid('contests.error.openNeedsBands');
			if (valid.value.values.opensAt === null || valid.value.values.closesAt === null)
				throw DomainError.invalid('contests.error.openNeedsDates');
		}
		await checkSchools(trx, valid.value.schoolIds);
		await contests.updateContestValues(trx, id, valid.value.values, now);
		await contests.replaceAgeBands(trx, id, valid.value.bands);
		await contests.replaceContestSchools(trx, id, valid.value.schoolIds);
		await recordAudit(trx, {
			actorUserId: actor.id,
			action: 'contest.update',
			subjectType: 'contest',
			subjectId: id
		});
		return id;
	});
}

/**
 * Persists the date-driven closing of every open contest whose window has ended (readers
 * already treat them as closed). Returns the ids it closed.
 */
export async function closeExpiredContests(db: Db, now = Date.now()): Promise<string[]> {
	return writeTransaction(db, async (trx) => {
		const ids = await contests.listExpiredOpenContestIds(trx, now);
		for (const id of ids) {
			if (!(await contests.setContestStatus(trx, id, 'open', 'closed', now))) continue;
			await recordAudit(trx, {
				actorUserId: null,
				action: 'contest.transition',
				subjectType: 'contest',
				subjectId: id,
				detail: { from: 'open', to: 'closed', reason: 'closes_at' }
			});
		}
		return ids;
	});
}

export async function transitionContest(
	db: Db,
	actor: SessionUser,
	id: string,
	to: ContestStatus,
	now = Date.now()
): Promise<string> {
	requireContestManager(actor);
	await closeExpiredContests(db, now);
	return writeTransaction(db, async (trx) => {
		const row = await contests.findContest(trx, id);
		if (!row) throw DomainError.notFound('contests.error.notFound');
		const bands = await contests.listAgeBands(trx, [id]);
		const refusal = refuseTransition(
			{
				status: row.status,
				titleZh: parseLocalized(row.title)['zh-CN'],
				ageBandCount: bands.length,
				opensAt: row.opens_at,
				closesAt: row.closes_at
			},
			to,
			now
		);
		if (refusal) throw DomainError.conflict(refusal);
		if (!(await contests.setContestStatus(trx, id, row.status, to, now)))
			throw DomainError.conflict('contests.error.transition.notAllowed');
		await recordAudit(trx, {
			actorUserId: actor.id,
			action: 'contest.transition',
			subjectType: 'contest',
			subjectId: id,
			detail: { from: row.status, to }
		});
		return id;
	});
}

export interface AdminContestSummary {
	id: string;
	title: string;
	status: ContestStatus;
	timeZone: string;
	opensAt: number | null;
	closesAt: number | null;
	ageBandCount: number;
}

export async function listContestsForAdmin(
	db: Db,
	actor: SessionUser,
	filter: { status?: ContestStatus },
	locale: Locale,
	now = Date.now()
): Promise<AdminContestSummary[]> {
	requireContestManager(actor);
	await closeExpiredContests(db, now);
	const rows = await contests.listContests(db, filter);
	return rows.map((r) => ({
		id: r.id,
		title: localize(parseLocalized(r.title), locale),
		status: r.status,
		timeZone: r.time_zone,
		opensAt: r.opens_at,
		closesAt: r.closes_at,
		ageBandCount: Number(r.age_band_count ?? 0)
	}));
}

/** Everything the edit form needs, in the shape the form types (local date-times, lines). */
export interface ContestForEdit {
	id: string;
	status: ContestStatus;
	nextSteps: readonly ContestStatus[];
	isEditable: boolean;
	/** Colouring pages may change while children can still start drawings. */
	canChangeTemplates: boolean;
	title: LocalizedText;
	theme: LocalizedText;
	brief: LocalizedText;
	rules: LocalizedText;
	ageBands: AgeBand[];
	schoolIds: string[];
	timeZone: string;
	opensAt: string;
	closesAt: string;
	entriesPerChild: number;
	board: BoardSize;
	/** The preset of `board`; '' if the stored size is none of them (then nothing is chosen). */
	boardSize: BoardPresetId | '';
	allowStudio: boolean;
	allowUpload: boolean;
}

export async function getContestForEdit(
	db: Db,
	actor: SessionUser,
	id: string,
	now = Date.now()
): Promise<ContestForEdit> {
	if (!canManageContests(actor)) throw DomainError.notFound('contests.error.notFound');
	await closeExpiredContests(db, now);
	const row = await contests.findContest(db, id);
	if (!row) throw DomainError.notFound('contests.error.notFound');
	const bands = await contests.listAgeBands(db, [id]);
	const title = parseLocalized(row.title);
	const status = effectiveStatus({ status: row.status, closesAt: row.closes_at }, now);
	return {
		id: row.id,
		status,
		nextSteps: nextSteps(
			{
				status: row.status,
				titleZh: title['zh-CN'],
				ageBandCount: bands.length,
				opensAt: row.opens_at,
				closesAt: row.closes_at
			},
			now
		),
		isEditable: isEditable(status),
		canChangeTemplates: canChangeTemplates({ status: row.status, closesAt: row.closes_at }, now),
		title,
		theme: parseLocalized(row.theme),
		brief: parseLocalized(row.brief),
		rules: parseLocalized(row.rules),
		ageBands: bands.map((b) => ({ label: b.label, minAge: b.min_age, maxAge: b.max_age })),
		schoolIds: await contests.listContestSchoolIds(db, id),
		timeZone: row.time_zone,
		opensAt: row.opens_at === null ? '' : epochToLocal(row.opens_at, row.time_zone),
		closesAt: row.closes_at === null ? '' : epochToLocal(row.closes_at, row.time_zone),
		entriesPerChild: row.entries_per_child,
		board: boardOf(row),
		boardSize: boardPresetOf(boardOf(row)) ?? '',
		allowStudio: row.allow_studio === 1,
		allowUpload: row.allow_upload === 1
	};
}

export interface PublicContest {
	id: string;
	title: string;
	theme: string;
	timeZone: string;
	opensAt: number;
	closesAt: number;
	/** Published, but entries are accepted only from opensAt. */
	isUpcoming: boolean;
	ageBands: AgeBand[];
	board: BoardSize;
}

/**
 * Open contests for the public landing page, in the reader's language with Chinese as the
 * fallback. Only public fields: no schools, no rules drafts, nothing about who created it.
 */
export async function listPublicOpenContests(
	db: Db,
	locale: Locale,
	now = Date.now()
): Promise<PublicContest[]> {
	const published = await listEnterableContests(db, null, now);
	const bands = await contests.listAgeBands(
		db,
		published.map((c) => c.row.id)
	);
	return published.map(({ row: r }) => ({
		id: r.id,
		title: localize(parseLocalized(r.title), locale),
		theme: localize(parseLocalized(r.theme), locale),
		timeZone: r.time_zone,
		opensAt: r.opens_at!,
		closesAt: r.closes_at!,
		isUpcoming: now < r.opens_at!,
		ageBands: bands
			.filter((b) => b.contest_id === r.id)
			.map((b) => ({ label: b.label, minAge: b.min_age, maxAge: b.max_age })),
		board: boardOf(r)
	}));
}
