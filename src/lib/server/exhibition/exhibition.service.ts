/**
 * What organizers (and teachers, for descriptions) do to an exhibition. Publishing goes through
 * the contest lifecycle (results → exhibited), so the same rules guard it as every other move.
 */
import { recordAudit } from '../audit/audit.repository.ts';
import type { SessionUser } from '../auth/session.ts';
import { findClassroomEntry } from '../entries/entry.repository.ts';
import { findContest, listAgeBands } from '../contests/contest.repository.ts';
import {
	parseLocalized,
	requireContestManager,
	transitionContest
} from '../contests/contest.service.ts';
import { getManagedClassroom } from '../classrooms/classroom.service.ts';
import { writeTransaction, type Db } from '../db/database.ts';
import { DomainError } from '../errors.ts';
import { randomFrom } from '../ids.ts';
import { isSlug } from '$lib/exhibition/paths.ts';
import { normaliseText, textLength } from '$lib/text/normalise.ts';
import { LOCALES, type Locale } from '$lib/i18n/index.ts';
import * as repo from './exhibition.repository.ts';
import { findPublicEntryById } from './public-entry.repository.ts';

export const INTRO_MAX = 600;
export const DESCRIPTION_MAX = 300;
export const REASON_MAX = 200;

export type IntroInput = Record<Locale, string>;

/** `green-home` from "Green home"; Chinese-only titles get a neutral random slug. */
export function slugify(text: string): string {
	return text
		.normalize('NFKD')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 48)
		.replace(/-+$/g, '');
}

async function contestOrThrow(db: Db, contestId: string) {
	const contest = await findContest(db, contestId);
	if (!contest) throw DomainError.notFound('contests.error.notFound');
	return contest;
}

/** The exhibition row of a contest, created (unpublished) on first visit. */
export async function getOrCreateExhibition(
	db: Db,
	actor: SessionUser,
	contestId: string,
	now = Date.now()
) {
	requireContestManager(actor);
	const contest = await contestOrThrow(db, contestId);
	const existing = await repo.findExhibition(db, contestId);
	if (existing) return existing;
	const title = parseLocalized(contest.title);
	let slug = slugify(title.en || title.fr);
	if (!isSlug(slug) || (await repo.isSlugTaken(db, slug, contestId)))
		slug = `exhibition-${randomFrom('abcdefghjkmnpqrstuvwxyz23456789', 6)}`;
	await repo.insertExhibition(db, { contestId, slug, intro: '{}', now });
	return (await repo.findExhibition(db, contestId))!;
}

export interface ExhibitionSettingsInput {
	slug: string;
	intro: IntroInput;
	/** A handle of one of the contest's works, or '' for none. */
	cover: string;
}

/** Address, introduction and cover. Refuses a cover that is not public: it would leak. */
export async function saveExhibitionSettings(
	db: Db,
	actor: SessionUser,
	contestId: string,
	input: ExhibitionSettingsInput,
	now = Date.now()
) {
	requireContestManager(actor);
	await getOrCreateExhibition(db, actor, contestId, now);
	const slug = normaliseText(input.slug).toLowerCase();
	if (!isSlug(slug)) throw DomainError.invalid('exhibition.error.slug');
	if (await repo.isSlugTaken(db, slug, contestId))
		throw DomainError.conflict('exhibition.error.slugTaken');
	const intro: Partial<IntroInput> = {};
	for (const locale of LOCALES) {
		const text = normaliseText(input.intro[locale] ?? '', { multiline: true });
		if (textLength(text) > INTRO_MAX)
			throw DomainError.invalid('exhibition.error.introLength', { max: INTRO_MAX });
		if (text) intro[locale] = text;
	}
	if ((intro.en || intro.fr) && !intro['zh-CN'])
		throw DomainError.invalid('exhibition.error.introChinese');
	let cover: string | null = null;
	const coverHandle = normaliseText(input.cover);
	if (coverHandle) {
		const work = await repo.findExhibitionEntry(db, contestId, coverHandle);
		if (!work) throw DomainError.invalid('exhibition.error.cover');
		cover = work.entry_id;
	}
	await repo.updateExhibition(
		db,
		contestId,
		{ slug, intro: JSON.stringify(intro), cover_entry_id: cover },
		now
	);
	await recordAudit(db, {
		actorUserId: actor.id,
		action: 'exhibition.settings',
		subjectType: 'contest',
		subjectId: contestId,
		detail: { slug }
	});
}

/**
 * Publishes: every approved work gets its handle, the contest moves to 'exhibited' (from
 * 'results'; an exhibited contest that was unpublished is simply shown again).
 */
export async function publishExhibition(
	db: Db,
	actor: SessionUser,
	contestId: string,
	now = Date.now()
) {
	requireContestManager(actor);
	const contest = await contestOrThrow(db, contestId);
	const exhibition = await getOrCreateExhibition(db, actor, contestId, now);
	if (!parseLocalized(exhibition.intro)['zh-CN'])
		throw DomainError.invalid('exhibition.error.introRequired');
	if (contest.status !== 'results' && contest.status !== 'exhibited')
		throw DomainError.conflict('exhibition.error.notReady');
	await repo.ensureHandles(db, contestId, now);
	if (contest.status === 'results') await transitionContest(db, actor, contestId, 'exhibited', now);
	await writeTransaction(db, async (trx) => {
		await repo.updateExhibition(trx, contestId, { published_at: now, published_by: actor.id }, now);
		await recordAudit(trx, {
			actorUserId: actor.id,
			action: 'exhibition.publish',
			subjectType: 'contest',
			subjectId: contestId
		});
	});
}

/** Takes the whole exhibition off line at once; the contest stays exhibited. */
export async function unpublishExhibition(
	db: Db,
	actor: SessionUser,
	contestId: string,
	now = Date.now()
) {
	requireContestManager(actor);
	await contestOrThrow(db, contestId);
	await repo.updateExhibition(db, contestId, { published_at: null }, now);
	await recordAudit(db, {
		actorUserId: actor.id,
		action: 'exhibition.unpublish',
		subjectType: 'contest',
		subjectId: contestId
	});
}

async function workOrThrow(db: Db, contestId: string, handle: string) {
	const work = await repo.findExhibitionEntry(db, contestId, handle);
	if (!work) throw DomainError.notFound('exhibition.error.work');
	return work;
}

/** Hides one work with a reason the organizers keep, or shows it again (reason ''). */
export async function setWorkHidden(
	db: Db,
	actor: SessionUser,
	contestId: string,
	handle: string,
	hide: boolean,
	reasonRaw: string,
	now = Date.now()
) {
	requireContestManager(actor);
	const work = await workOrThrow(db, contestId, handle);
	const reason = normaliseText(reasonRaw);
	if (hide && !reason) throw DomainError.invalid('exhibition.error.reasonRequired');
	if (textLength(reason) > REASON_MAX)
		throw DomainError.invalid('exhibition.error.reasonLength', { max: REASON_MAX });
	await writeTransaction(db, async (trx) => {
		await repo.setHidden(trx, work.entry_id, hide ? { reason, by: actor.id, at: now } : null);
		await recordAudit(trx, {
			actorUserId: actor.id,
			action: hide ? 'exhibition.hide' : 'exhibition.unhide',
			subjectType: 'entry',
			subjectId: work.entry_id,
			detail: hide ? { reason } : {}
		});
	});
}

function cleanDescription(raw: string): string | null {
	const text = normaliseText(raw);
	if (textLength(text) > DESCRIPTION_MAX)
		throw DomainError.invalid('exhibition.error.descriptionLength', { max: DESCRIPTION_MAX });
	return text || null;
}

/** An organizer edits the text description ('' goes back to the child's own words). */
export async function setWorkDescription(
	db: Db,
	actor: SessionUser,
	contestId: string,
	handle: string,
	raw: string,
	now = Date.now()
) {
	requireContestManager(actor);
	const description = cleanDescription(raw);
	const work = await workOrThrow(db, contestId, handle);
	await repo.setDescription(db, work.entry_id, description, actor.id, now);
}

/**
 * A teacher edits the description of their own class's work. The entry gets its handle row
 * here if the exhibition has not made one yet, so a teacher can prepare texts before publishing.
 */
export async function setClassWorkDescription(
	db: Db,
	actor: SessionUser,
	classroomId: string,
	entryId: string,
	raw: string,
	now = Date.now()
) {
	await getManagedClassroom(db, actor, classroomId);
	const entry = await findClassroomEntry(db, classroomId, entryId);
	if (!entry || entry.status !== 'approved') throw DomainError.notFound('exhibition.error.work');
	const description = cleanDescription(raw);
	await repo.ensureHandles(db, entry.contest_id, now);
	await repo.setDescription(db, entryId, description, actor.id, now);
}

/** Everything the organizer's exhibition page shows. */
export async function exhibitionForOrganizer(
	db: Db,
	actor: SessionUser,
	contestId: string,
	now = Date.now()
) {
	requireContestManager(actor);
	const contest = await contestOrThrow(db, contestId);
	const exhibition = await getOrCreateExhibition(db, actor, contestId, now);
	await repo.ensureHandles(db, contestId, now);
	const [works, bands] = await Promise.all([
		repo.listExhibitionWorks(db, contestId),
		listAgeBands(db, [contestId])
	]);
	const cover = exhibition.cover_entry_id
		? await findPublicEntryById(db, exhibition.cover_entry_id)
		: undefined;
	return { contest, exhibition, works, bands, coverHandle: cover?.handle ?? null };
}
