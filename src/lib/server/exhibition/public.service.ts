/**
 * What the public pages show, as plain view data with nothing internal in it: no entry, child,
 * class or school id leaves this module. Filters travel in the URL as public words (band
 * position, award kind, a school key derived from the school and the exhibition), so every
 * filter and page has a stable, shareable address.
 */
import { createHash } from 'node:crypto';
import { isHandle, isSlug, artworkPath, exhibitionPath } from '../../exhibition/paths.ts';
import type { Locale } from '../../i18n/index.ts';
import { listAgeBands } from '../contests/contest.repository.ts';
import { localize, parseLocalized } from '../contests/contest.service.ts';
import type { Db } from '../db/database.ts';
import type { AwardKind } from '../db/schema.ts';
import { DomainError } from '../errors.ts';
import { keptFor, publicVersion } from './public-version.ts';
import { placeholderOf, publicImageOf, type PublicImage } from './public-media.ts';
import {
	AWARD_KINDS,
	altTextOf,
	countPublicFacets,
	findPublicEntry,
	findPublicEntryById,
	findPublicExhibition,
	listPublicEntries,
	listPublicExhibitions,
	PUBLIC_SORTS,
	type PublicEntry,
	type PublicSort
} from './public-entry.repository.ts';

export const PAGE_SIZE = 24;
/** Far beyond any real exhibition; a bigger number is a typo or a probe. */
const MAX_PAGE = 10_000;

export interface GridQuery {
	band: number | null;
	award: AwardKind | null;
	school: string | null;
	sort: PublicSort;
	page: number;
}

/** Reads the query string; anything malformed is a 400 with a message, never a guess. */
export function parseGridQuery(params: URLSearchParams): GridQuery {
	const one = (name: string) => {
		const all = params.getAll(name);
		if (all.length > 1) throw DomainError.invalid('exhibit.error.query');
		return all[0] ?? '';
	};
	const bandRaw = one('band');
	const awardRaw = one('award');
	const schoolRaw = one('school');
	const sortRaw = one('sort');
	const pageRaw = one('page');
	if (bandRaw && !/^[1-9]\d?$/.test(bandRaw)) throw DomainError.invalid('exhibit.error.query');
	if (awardRaw && !(AWARD_KINDS as readonly string[]).includes(awardRaw))
		throw DomainError.invalid('exhibit.error.query');
	if (schoolRaw && !/^[0-9a-f]{10}$/.test(schoolRaw))
		throw DomainError.invalid('exhibit.error.query');
	if (sortRaw && !(PUBLIC_SORTS as readonly string[]).includes(sortRaw))
		throw DomainError.invalid('exhibit.error.query');
	if (pageRaw && !/^[1-9]\d{0,4}$/.test(pageRaw)) throw DomainError.invalid('exhibit.error.query');
	const page = pageRaw ? Number(pageRaw) : 1;
	if (page > MAX_PAGE) throw DomainError.invalid('exhibit.error.query');
	return {
		band: bandRaw ? Number(bandRaw) : null,
		award: (awardRaw || null) as AwardKind | null,
		school: schoolRaw || null,
		sort: (sortRaw || 'award') as PublicSort,
		page
	};
}

/** The query string for a grid state; defaults are left out so each state has one URL. */
export function gridSearch(query: Partial<GridQuery>): string {
	const params = new URLSearchParams();
	if (query.band) params.set('band', String(query.band));
	if (query.award) params.set('award', query.award);
	if (query.school) params.set('school', query.school);
	if (query.sort && query.sort !== 'award') params.set('sort', query.sort);
	if (query.page && query.page > 1) params.set('page', String(query.page));
	const text = params.toString();
	return text ? `?${text}` : '';
}

/** A public, stable name for a school within one exhibition; reveals nothing by itself. */
export function schoolKey(contestId: string, schoolId: string): string {
	return createHash('sha256')
		.update(`school\u0000${contestId}\u0000${schoolId}`)
		.digest('hex')
		.slice(0, 10);
}

export interface PublicCard {
	handle: string;
	href: string;
	title: string;
	alt: string;
	pseudonym: string;
	band: string | null;
	award: AwardKind | null;
	school: string | null;
	image: PublicImage | null;
}

function bandLabel(bands: { id: string; label: string }[], id: string | null): string | null {
	return bands.find((b) => b.id === id)?.label ?? null;
}

function toCard(
	entry: PublicEntry,
	slug: string,
	bands: { id: string; label: string }[],
	search: string
): PublicCard {
	return {
		handle: entry.handle,
		href: artworkPath(slug, entry.handle) + search,
		title: entry.title,
		alt: altTextOf(entry),
		pseudonym: entry.pseudonym,
		band: bandLabel(bands, entry.ageBandId),
		award: entry.award?.kind ?? null,
		school: entry.schoolName,
		image: publicImageOf(entry.media, slug, entry.handle)
	};
}

async function exhibitionOrThrow(db: Db, slug: string) {
	if (!isSlug(slug)) throw DomainError.notFound('exhibit.error.notFound');
	const exhibition = await findPublicExhibition(db, slug);
	if (!exhibition) throw DomainError.notFound('exhibit.error.notFound');
	return exhibition;
}

/** Resolves the URL's filter words to internal ids, or 404 when a band/school is not here. */
async function resolveFilter(db: Db, contestId: string, query: GridQuery, version: string) {
	const bands = await listAgeBands(db, [contestId]);
	const facets = await countPublicFacets(db, contestId, { version });
	let bandId: string | undefined;
	if (query.band !== null) {
		const ordered = [...bands].sort((a, b) => a.position - b.position);
		bandId = ordered[query.band - 1]?.id;
		if (!bandId) throw DomainError.notFound('exhibit.error.filter');
	}
	let schoolId: string | undefined;
	if (query.school !== null) {
		schoolId = facets.schools.find((s) => schoolKey(contestId, s.id) === query.school)?.id;
		if (!schoolId) throw DomainError.notFound('exhibit.error.filter');
	}
	return { bands, facets, bandId, schoolId };
}

/**
 * Everything `/exhibitions/<slug>` shows for one filter and page, computed once per public
 * version (public-version.ts) and shared by every visitor until something public changes.
 */
export async function exhibitionGrid(db: Db, slug: string, query: GridQuery, locale: Locale) {
	if (!isSlug(slug)) throw DomainError.notFound('exhibit.error.notFound');
	const version = await publicVersion(db);
	const key = JSON.stringify(['grid', slug, locale, gridSearch(query)]);
	return keptFor(version, key, () => computeGrid(db, slug, query, locale, version));
}

async function computeGrid(
	db: Db,
	slug: string,
	query: GridQuery,
	locale: Locale,
	version: string
) {
	const exhibition = await exhibitionOrThrow(db, slug);
	const contestId = exhibition.contest_id;
	const { bands, facets, bandId, schoolId } = await resolveFilter(db, contestId, query, version);
	const result = await listPublicEntries(
		db,
		contestId,
		{
			band: bandId,
			award: query.award ?? undefined,
			school: schoolId,
			sort: query.sort,
			page: query.page,
			pageSize: PAGE_SIZE
		},
		{ version }
	);
	if (query.page > result.pageCount) throw DomainError.notFound('exhibit.error.page');
	const ordered = [...bands].sort((a, b) => a.position - b.position);
	const bandLabels = ordered.map((b) => ({ id: b.id, label: b.label }));
	const search = gridSearch(query);
	const intro = parseLocalized(exhibition.intro);
	return {
		slug,
		path: exhibitionPath(slug),
		title: localize(parseLocalized(exhibition.title), locale),
		theme: localize(parseLocalized(exhibition.theme), locale),
		intro: intro[locale] || intro['zh-CN'],
		query,
		search,
		total: result.total,
		page: result.page,
		pageCount: result.pageCount,
		prevPageHref:
			result.page > 1
				? exhibitionPath(slug) + gridSearch({ ...query, page: result.page - 1 })
				: null,
		nextPageHref:
			result.page < result.pageCount
				? exhibitionPath(slug) + gridSearch({ ...query, page: result.page + 1 })
				: null,
		cards: result.entries.map((e) => toCard(e, slug, bandLabels, search)),
		filters: {
			bands: ordered
				.map((b, i) => ({
					value: i + 1,
					label: b.label,
					count: facets.bands.find((f) => f.id === b.id)?.count ?? 0
				}))
				.filter((b) => b.count > 0),
			awards: facets.awards.map((a) => ({ value: a.kind, count: a.count })),
			schools: facets.schools.map((s) => ({
				value: schoolKey(contestId, s.id),
				label: s.name,
				count: s.count
			}))
		}
	};
}

/**
 * Everything the artwork page shows, with previous/next inside the visitor's filter; like the
 * grid, computed once per public version.
 */
export async function artworkView(
	db: Db,
	slug: string,
	handle: string,
	query: GridQuery,
	locale: Locale
) {
	if (!isHandle(handle) || !isSlug(slug)) throw DomainError.notFound('exhibit.error.notFound');
	const version = await publicVersion(db);
	const key = JSON.stringify(['artwork', slug, handle, locale, gridSearch(query)]);
	return keptFor(version, key, () => computeArtwork(db, slug, handle, query, locale, version));
}

async function computeArtwork(
	db: Db,
	slug: string,
	handle: string,
	query: GridQuery,
	locale: Locale,
	version: string
) {
	const exhibition = await exhibitionOrThrow(db, slug);
	const entry = await findPublicEntry(db, slug, handle);
	if (!entry) throw DomainError.notFound('exhibit.error.notFound');
	const contestId = exhibition.contest_id;
	const { bands, bandId, schoolId } = await resolveFilter(db, contestId, query, version);
	const filter = {
		band: bandId,
		award: query.award ?? undefined,
		school: schoolId,
		sort: query.sort,
		pageSize: PAGE_SIZE
	};
	// Neighbours come from the page the visitor came from (and the pages on either side at
	// its edges): a few indexed rows, never the whole exhibition.
	const current = await listPublicEntries(
		db,
		contestId,
		{ ...filter, page: query.page },
		{ version }
	);
	const handles = current.entries.map((e) => e.handle);
	const at = handles.indexOf(handle);
	let prev: { handle: string; page: number } | null = null;
	let next: { handle: string; page: number } | null = null;
	if (at >= 0) {
		if (at > 0) prev = { handle: handles[at - 1]!, page: query.page };
		else if (query.page > 1) {
			const before = await listPublicEntries(
				db,
				contestId,
				{ ...filter, page: query.page - 1 },
				{ version }
			);
			const last = before.entries.at(-1);
			if (last) prev = { handle: last.handle, page: query.page - 1 };
		}
		if (at < handles.length - 1) next = { handle: handles[at + 1]!, page: query.page };
		else if (query.page < current.pageCount) {
			const after = await listPublicEntries(
				db,
				contestId,
				{ ...filter, page: query.page + 1 },
				{ version }
			);
			const first = after.entries[0];
			if (first) next = { handle: first.handle, page: query.page + 1 };
		}
	}
	const link = (n: { handle: string; page: number } | null) =>
		n ? artworkPath(slug, n.handle) + gridSearch({ ...query, page: n.page }) : null;
	const ordered = [...bands].sort((a, b) => a.position - b.position);
	const card = toCard(entry, slug, ordered, '');
	return {
		slug,
		exhibitionTitle: localize(parseLocalized(exhibition.title), locale),
		backHref: exhibitionPath(slug) + gridSearch(query),
		path: artworkPath(slug, handle),
		artwork: {
			...card,
			about: entry.about,
			placeholder: placeholderOf(entry.media?.thumbhash ?? ''),
			replayable: entry.source === 'studio' && entry.drawingId !== null
		},
		prevHref: link(prev),
		nextHref: link(next)
	};
}

/** The home page's exhibitions: current (exhibited) and past (archived), with a cover. */
export async function exhibitionsForHome(db: Db, locale: Locale) {
	const rows = await listPublicExhibitions(db);
	return Promise.all(
		rows.map(async (r) => {
			const cover = r.cover_entry_id ? await findPublicEntryById(db, r.cover_entry_id) : undefined;
			const facets = await countPublicFacets(db, r.contest_id);
			const intro = parseLocalized(r.intro);
			return {
				slug: r.slug,
				href: exhibitionPath(r.slug),
				title: localize(parseLocalized(r.title), locale),
				intro: intro[locale] || intro['zh-CN'],
				past: r.status === 'archived',
				count: facets.total,
				cover:
					cover && cover.contestId === r.contest_id
						? { alt: altTextOf(cover), image: publicImageOf(cover.media, r.slug, cover.handle) }
						: null
			};
		})
	);
}
