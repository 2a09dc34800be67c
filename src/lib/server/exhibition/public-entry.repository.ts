/**
 * The one rule for "this work is public now", and every query that shows works to the public.
 *
 * A work is public when, at the moment of the query:
 *   - its contest's exhibition is published and the contest is exhibited (or archived: a past
 *     exhibition stays visible),
 *   - the entry is approved and has a public handle (exhibition_entry) that is not hidden,
 *   - the child's guardian consent in force has a public scope (consent.service isPublicScope).
 * A deleted child takes its entries with it (ON DELETE CASCADE). Counts are kept only under the
 * database's public version (public-version.ts), which every such write bumps: withdrawing
 * consent or hiding a work removes it from every page, count and picture on the next request.
 *
 * Rows leave this module as `PublicEntry`, which carries the internal entry id for the server's
 * own use (media, replay, votes); routes must map it to what a page shows and never send it.
 */
import { sql, type SelectQueryBuilder } from 'kysely';
import { CONSENT_SCOPES, isPublicScope } from '../consent/consent.service.ts';
import type { Db } from '../db/database.ts';
import type { AwardKind, ContestStatus, Database, EntrySource } from '../db/schema.ts';
import type { MediaDescriptor } from '../media/media.service.ts';
import { keptFor, publicVersion } from './public-version.ts';

/** Contest states in which a published exhibition is shown. */
export const PUBLIC_CONTEST_STATUSES: readonly ContestStatus[] = ['exhibited', 'archived'];
export const PUBLIC_SCOPES = CONSENT_SCOPES.filter((s) => isPublicScope(s));
/** Jury awards, best first; the people's-choice result is never mixed in. */
export const AWARD_KINDS: readonly AwardKind[] = ['gold', 'silver', 'bronze', 'honourable'];

export type PublicSort = 'award' | 'newest';
export const PUBLIC_SORTS: readonly PublicSort[] = ['award', 'newest'];
export const MAX_PAGE_SIZE = 60;

export interface PublicAward {
	kind: AwardKind;
	/** JSON of custom names per locale; `{}` means the standard translated name. */
	label: string;
	position: number;
}

export interface PublicEntry {
	/** The only name a page or URL may use. */
	handle: string;
	/** Internal: server use only (media, replay, votes). Never rendered. */
	entryId: string;
	contestId: string;
	ageBandId: string | null;
	title: string;
	/** The child's own words. */
	about: string;
	/** Edited "child-voice" alt text, or null. Use `altTextOf`. */
	description: string | null;
	pseudonym: string;
	/** Only with public_school consent; null otherwise. */
	schoolName: string | null;
	/** Only with public_school consent: the school's id for the filter (server side only). */
	schoolId: string | null;
	media: MediaDescriptor | null;
	source: EntrySource;
	/** Internal: the studio drawing (replay). Never rendered. */
	drawingId: string | null;
	award: PublicAward | null;
	createdAt: number;
}

export interface PublicFilter {
	/** contest_age_band.id */
	band?: string;
	award?: AwardKind;
	/** school.id; matches only works whose guardians consented to showing the school. */
	school?: string;
	sort?: PublicSort;
	/** 1-based. */
	page?: number;
	pageSize?: number;
}

export interface PublicPage {
	entries: PublicEntry[];
	total: number;
	page: number;
	pageSize: number;
	pageCount: number;
}

export type PublicQuery = SelectQueryBuilder<
	Database & { xe: Database['exhibition_entry']; gc: Database['guardian_consent'] },
	'xe' | 'entry' | 'exhibition' | 'contest' | 'student' | 'gc',
	object
>;

/** Every public query starts here: the rule, in SQL. */
export function publicWorks(db: Db): PublicQuery {
	return db
		.selectFrom('exhibition_entry as xe')
		.innerJoin('entry', 'entry.id', 'xe.entry_id')
		.innerJoin('exhibition', 'exhibition.contest_id', 'xe.contest_id')
		.innerJoin('contest', 'contest.id', 'xe.contest_id')
		.innerJoin('student', 'student.id', 'entry.student_id')
		.innerJoin('guardian_consent as gc', (join) =>
			join.onRef('gc.student_id', '=', 'student.id').on('gc.withdrawn_at', 'is', null)
		)
		.where('exhibition.published_at', 'is not', null)
		.where('contest.status', 'in', [...PUBLIC_CONTEST_STATUSES])
		.where('entry.status', '=', 'approved')
		.where('xe.hidden_at', 'is', null)
		.where('gc.scope', 'in', [...PUBLIC_SCOPES]) as unknown as PublicQuery;
}

/** Adds the shown columns: school only under public_school consent, the jury award if any. */
function withColumns(query: PublicQuery, awarded: 'any' | 'only' = 'any') {
	const joined = query
		.innerJoin('classroom', 'classroom.id', 'student.classroom_id')
		.innerJoin('school', 'school.id', 'classroom.school_id');
	// Winners only: start from the few award rows instead of checking every work for one.
	return (
		awarded === 'only'
			? joined.innerJoin('award', (join) =>
					join.onRef('award.entry_id', '=', 'entry.id').on('award.kind', 'in', [...AWARD_KINDS])
				)
			: joined.leftJoin('award', (join) =>
					join.onRef('award.entry_id', '=', 'entry.id').on('award.kind', 'in', [...AWARD_KINDS])
				)
	).select((eb) => [
		'xe.handle',
		'xe.description',
		'entry.id as entry_id',
		'entry.contest_id',
		'entry.age_band_id',
		'entry.title',
		'entry.about',
		'entry.source',
		'entry.drawing_id',
		'entry.media',
		'entry.created_at',
		'student.pseudonym',
		eb
			.case()
			.when('gc.scope', '=', 'public_school')
			.then(eb.ref('school.name'))
			.else(null)
			.end()
			.as('school_name'),
		eb
			.case()
			.when('gc.scope', '=', 'public_school')
			.then(eb.ref('school.id'))
			.else(null)
			.end()
			.as('school_id'),
		'award.kind as award_kind',
		'award.label as award_label',
		'award.position as award_position'
	]);
}

type PublicRow = Awaited<ReturnType<ReturnType<typeof withColumns>['execute']>>[number];

function parseMedia(media: string | null): MediaDescriptor | null {
	if (!media) return null;
	try {
		return JSON.parse(media) as MediaDescriptor;
	} catch {
		return null;
	}
}

function toPublicEntry(row: PublicRow): PublicEntry {
	return {
		handle: row.handle,
		entryId: row.entry_id,
		contestId: row.contest_id,
		ageBandId: row.age_band_id,
		title: row.title,
		about: row.about,
		description: row.description,
		pseudonym: row.pseudonym,
		schoolName: row.school_name ?? null,
		schoolId: row.school_id ?? null,
		media: parseMedia(row.media),
		source: row.source,
		drawingId: row.drawing_id,
		award:
			row.award_kind != null
				? {
						kind: row.award_kind,
						label: row.award_label ?? '{}',
						position: Number(row.award_position ?? 0)
					}
				: null,
		createdAt: Number(row.created_at)
	};
}

/** The text description of a work: the edited one, else the child's words, else the title. */
export function altTextOf(entry: Pick<PublicEntry, 'description' | 'about' | 'title'>): string {
	const edited = entry.description?.trim();
	if (edited) return edited;
	const own = entry.about.trim();
	return own || entry.title;
}

/** Exhibitions the public may see now, with the contest's public texts. */
function publishedExhibitions(db: Db) {
	return db
		.selectFrom('exhibition')
		.innerJoin('contest', 'contest.id', 'exhibition.contest_id')
		.select([
			'exhibition.contest_id',
			'exhibition.slug',
			'exhibition.intro',
			'exhibition.cover_entry_id',
			'exhibition.published_at',
			'contest.title',
			'contest.theme',
			'contest.status',
			'contest.time_zone'
		])
		.where('exhibition.published_at', 'is not', null)
		.where('contest.status', 'in', [...PUBLIC_CONTEST_STATUSES]);
}

/** The published exhibition behind a slug, if it is public now. */
export async function findPublicExhibition(db: Db, slug: string) {
	return publishedExhibitions(db).where('exhibition.slug', '=', slug).executeTakeFirst();
}

/** A public work by its exhibition's slug and its handle; undefined when not public now. */
export async function findPublicEntry(
	db: Db,
	slug: string,
	handle: string
): Promise<PublicEntry | undefined> {
	const row = await withColumns(publicWorks(db))
		.where('exhibition.slug', '=', slug)
		.where('xe.handle', '=', handle)
		.executeTakeFirst();
	return row ? toPublicEntry(row) : undefined;
}

/** The same rule by internal id, for other domains (votes, renditions, feeds). */
export async function isEntryPublic(db: Db, entryId: string): Promise<boolean> {
	const row = await publicWorks(db)
		.select('xe.entry_id')
		.where('xe.entry_id', '=', entryId)
		.executeTakeFirst();
	return row !== undefined;
}

/** A public work by internal id (the cover, a vote's target); undefined when not public. */
export async function findPublicEntryById(
	db: Db,
	entryId: string
): Promise<PublicEntry | undefined> {
	const row = await withColumns(publicWorks(db))
		.where('xe.entry_id', '=', entryId)
		.executeTakeFirst();
	return row ? toPublicEntry(row) : undefined;
}

/**
 * The contest's works under the filter, or null when the filter leaves none. An award filter
 * reads the contest's few award rows first (their index) and names those works by id: given a
 * subquery instead, PostgreSQL keeps the written join order (ten tables, past its collapse
 * limit) and walks every work of the contest.
 */
async function filtered(
	db: Db,
	contestId: string,
	filter: PublicFilter
): Promise<PublicQuery | null> {
	// The contest is named on entry only (xe.contest_id is the same by construction): the
	// planner then walks entry's (contest, status, created_at) index in page order and stops
	// after one page, instead of collecting and sorting every work of the contest.
	let query = publicWorks(db).where('entry.contest_id', '=', contestId);
	if (filter.band !== undefined) query = query.where('entry.age_band_id', '=', filter.band);
	if (filter.award !== undefined) {
		const ids = await awardedEntryIds(db, contestId, [filter.award]);
		if (ids.length === 0) return null;
		query = query.where('entry.id', 'in', ids) as PublicQuery;
	}
	if (filter.school !== undefined) {
		// The school's few classes first, for the same reason: the planner then knows how many
		// works they hold and keeps walking the index in page order.
		const classes = await db
			.selectFrom('classroom')
			.select('id')
			.where('school_id', '=', filter.school)
			.execute();
		if (classes.length === 0) return null;
		query = query.where('gc.scope', '=', 'public_school').where(
			'student.classroom_id',
			'in',
			classes.map((c) => c.id)
		) as PublicQuery;
	}
	return query;
}

async function awardedEntryIds(
	db: Db,
	contestId: string,
	kinds: readonly AwardKind[]
): Promise<string[]> {
	const rows = await db
		.selectFrom('award')
		.select('entry_id')
		.where('contest_id', '=', contestId)
		.where('kind', 'in', [...kinds])
		.execute();
	return rows.map((r) => r.entry_id);
}

/** Clamp what a URL asked for into something the database may be asked. */
export function normalisePaging(filter: PublicFilter): { page: number; pageSize: number } {
	const pageSize = Math.min(Math.max(Math.trunc(filter.pageSize ?? 24) || 24, 1), MAX_PAGE_SIZE);
	const page = Math.max(Math.trunc(filter.page ?? 1) || 1, 1);
	return { page, pageSize };
}

/**
 * One page of a contest's public works. 'award' (the default) puts the winners first, by band
 * and award, then everyone else newest first; 'newest' is simply newest first. The id breaks
 * ties so pages never overlap or skip.
 */
export async function listPublicEntries(
	db: Db,
	contestId: string,
	filter: PublicFilter = {},
	options: { version?: string; seekStep?: number } = {}
): Promise<PublicPage> {
	const { page, pageSize } = normalisePaging(filter);
	const version = options.version ?? (await publicVersion(db));
	const base = await filtered(db, contestId, filter);
	if (!base) return { entries: [], total: 0, page, pageSize, pageCount: 1 };
	const filterKey = [contestId, filter.band ?? null, filter.award ?? null, filter.school ?? null];
	const counts = await keptFor(version, JSON.stringify(['count', ...filterKey]), async () => {
		const row = await base
			.leftJoin('award', (join) =>
				join.onRef('award.entry_id', '=', 'entry.id').on('award.kind', 'in', [...AWARD_KINDS])
			)
			.select((eb) => [
				eb.fn.countAll<number | string>().as('n'),
				eb.fn.count<number | string>('award.id').as('w')
			])
			.executeTakeFirstOrThrow();
		return { total: Number(row.n), winners: Number(row.w) };
	});
	const { total, winners } = counts;
	const pageCount = Math.max(1, Math.ceil(total / pageSize));
	if (page > pageCount) return { entries: [], total, page, pageSize, pageCount };
	const offset = (page - 1) * pageSize;
	const seek = { version, key: filterKey, step: options.seekStep ?? SEEK_STEP };

	if ((filter.sort ?? 'award') === 'newest') {
		const rows = await newestSlice(base, 'all', offset, pageSize, seek);
		return { entries: rows.map(toPublicEntry), total, page, pageSize, pageCount };
	}
	// Winners first (few, by band then award), then everyone else newest first: two indexed
	// reads instead of sorting every public work on each page view.
	const rows: PublicRow[] = [];
	if (offset < winners) {
		// The contest's few award rows first, then those works by id (see `filtered`).
		const awarded = await awardedEntryIds(db, contestId, AWARD_KINDS);
		rows.push(
			...(await newest(
				withColumns(base.where('entry.id', 'in', awarded) as PublicQuery, 'only')
					.leftJoin('contest_age_band as band', 'band.id', 'entry.age_band_id')
					.orderBy(sql`coalesce(band.position, 0)`)
					.orderBy(sql`coalesce(award.position, 0)`)
			)
				.limit(pageSize)
				.offset(offset)
				.execute())
		);
	}
	if (rows.length < pageSize && total > winners) {
		rows.push(
			...(await newestSlice(
				base,
				'unawarded',
				Math.max(0, offset - winners),
				pageSize - rows.length,
				seek
			))
		);
	}
	return { entries: rows.map(toPublicEntry), total, page, pageSize, pageCount };
}

type Listed = ReturnType<typeof withColumns>;

function newest<Q extends Listed>(query: Q) {
	return query.orderBy('entry.created_at', 'desc').orderBy('entry.id', 'desc');
}

/** A newest-first list: every work of the filter, or only those without a jury award. */
type Section = 'all' | 'unawarded';

/**
 * Positions between remembered seek points: a deep page walks at most this many works past
 * its seek point. Small enough that the planner keeps walking the (contest, status,
 * created_at) index for each step; a multiple of the grid's page size.
 */
const SEEK_STEP = 240;

interface Seek {
	version: string;
	/** The filter's words, for keeping seek points under the version. */
	key: unknown[];
	/** SEEK_STEP, or a smaller one in tests. */
	step: number;
}

interface SeekPoint {
	createdAt: number;
	id: string;
}

/**
 * Works at `point` or on its side in newest-first order: older ('<') or newer ('>'). The date
 * alone is the index's condition; the id only breaks ties within one date.
 */
function beside(query: PublicQuery, point: SeekPoint, side: '<' | '>'): PublicQuery {
	return query
		.where('entry.created_at', `${side}=`, point.createdAt)
		.where((eb) =>
			eb.or([eb('entry.created_at', side, point.createdAt), eb('entry.id', `${side}=`, point.id)])
		) as PublicQuery;
}

/**
 * The section's works from `first` (included) down to `last` (included) in newest-first order;
 * null leaves that end open.
 */
function narrowed(
	base: PublicQuery,
	section: Section,
	first: SeekPoint | null,
	last: SeekPoint | null = null
): PublicQuery {
	let query = base;
	if (first) query = beside(query, first, '<');
	if (last) query = beside(query, last, '>');
	if (section === 'unawarded')
		query = query.where((eb) =>
			eb.not(
				eb.exists(
					eb
						.selectFrom('award as na')
						.select('na.id')
						.whereRef('na.entry_id', '=', 'entry.id')
						.where('na.kind', 'in', [...AWARD_KINDS])
				)
			)
		) as PublicQuery;
	return query;
}

/**
 * `limit` works from position `offset` of a newest-first section. A deep OFFSET made
 * PostgreSQL give up the index and read (then sort) every work of the contest; instead a page
 * starts at the nearest remembered seek point (the work at a multiple of SEEK_STEP), so it
 * never walks more than SEEK_STEP + limit works. Seek points are found one step after another,
 * each a short index walk from the previous one reading only the keys, and are kept under the
 * public version like the counts: a page URL shows exactly what OFFSET would, and moves only
 * when something public changes.
 */
async function newestSlice(
	base: PublicQuery,
	section: Section,
	offset: number,
	limit: number,
	seek: Seek
): Promise<PublicRow[]> {
	const step = Math.floor(offset / seek.step);
	const first = await seekPoint(base, section, step, seek);
	if (first === 'end') return [];
	// A deep page is also closed at its far end, at the seek point past its last work: told
	// it needs a few hundred works at most, the planner keeps to the index even near the end of
	// the list, where an open range looked big enough to read the whole table for.
	let last: SeekPoint | null = null;
	if (step > 0) {
		const far = await seekPoint(base, section, Math.ceil((offset + limit - 1) / seek.step), seek);
		if (far !== 'end' && far !== null) last = far;
	}
	return newest(withColumns(narrowed(base, section, first, last)))
		.limit(limit)
		.offset(offset - step * seek.step)
		.execute();
}

function seekPoint(
	base: PublicQuery,
	section: Section,
	step: number,
	seek: Seek
): Promise<SeekPoint | null | 'end'> {
	if (step === 0) return Promise.resolve(null);
	const key = JSON.stringify(['seek', section, seek.step, ...seek.key, step]);
	return keptFor(seek.version, key, async () => {
		const previous = await seekPoint(base, section, step - 1, seek);
		if (previous === 'end') return 'end';
		const row = await narrowed(base, section, previous)
			.select(['entry.created_at', 'entry.id'])
			.orderBy('entry.created_at', 'desc')
			.orderBy('entry.id', 'desc')
			.limit(1)
			.offset(seek.step)
			.executeTakeFirst();
		return row ? { createdAt: Number(row.created_at), id: row.id } : 'end';
	});
}

export interface PublicFacets {
	bands: { id: string; count: number }[];
	awards: { kind: AwardKind; count: number }[];
	/** Only works whose guardians consented to showing the school are counted. */
	schools: { id: string; name: string; count: number }[];
	total: number;
}

/** Counts for the filters, under the same rule (a withdrawn work leaves every count at once). */
export async function countPublicFacets(
	db: Db,
	contestId: string,
	options: { version?: string } = {}
): Promise<PublicFacets> {
	const version = options.version ?? (await publicVersion(db));
	return keptFor(version, JSON.stringify(['facets', contestId]), () =>
		computeFacets(db, contestId)
	);
}

async function computeFacets(db: Db, contestId: string): Promise<PublicFacets> {
	const base = publicWorks(db).where('entry.contest_id', '=', contestId);
	const [bands, awards, schools] = await Promise.all([
		base
			.select((eb) => ['entry.age_band_id', eb.fn.countAll<number | string>().as('n')])
			.groupBy('entry.age_band_id')
			.execute(),
		base
			.innerJoin('award', 'award.entry_id', 'entry.id')
			.where('award.kind', 'in', [...AWARD_KINDS])
			.select((eb) => ['award.kind', eb.fn.countAll<number | string>().as('n')])
			.groupBy('award.kind')
			.execute(),
		base
			.innerJoin('classroom', 'classroom.id', 'student.classroom_id')
			.innerJoin('school', 'school.id', 'classroom.school_id')
			.where('gc.scope', '=', 'public_school')
			.select((eb) => ['school.id', 'school.name', eb.fn.countAll<number | string>().as('n')])
			.groupBy(['school.id', 'school.name'])
			.orderBy('school.name')
			.execute()
	]);
	return {
		bands: bands
			.filter((b) => b.age_band_id !== null)
			.map((b) => ({ id: b.age_band_id as string, count: Number(b.n) })),
		awards: AWARD_KINDS.map((kind) => ({
			kind,
			count: Number(awards.find((a) => a.kind === kind)?.n ?? 0)
		})).filter((a) => a.count > 0),
		schools: schools.map((s) => ({ id: s.id, name: s.name, count: Number(s.n) })),
		total: bands.reduce((sum, b) => sum + Number(b.n), 0)
	};
}

/** Published exhibitions, newest first, with how many works each shows now. */
export async function listPublicExhibitions(db: Db) {
	const rows = await publishedExhibitions(db)
		.orderBy('exhibition.published_at', 'desc')
		.orderBy('exhibition.slug')
		.execute();
	return rows.map((r) => ({ ...r, published_at: Number(r.published_at) }));
}
