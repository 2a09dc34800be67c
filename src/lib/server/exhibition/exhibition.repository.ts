/** The organizer's side of the exhibition: its row, handles, descriptions and hidden works. */
import type { Db } from '../db/database.ts';
import { randomFrom } from '../ids.ts';

/** No look-alikes (0/o, 1/l/i, 2/z, 5/s, 8/b, g/6 → only 6 stays): easy to read off a label. */
export const HANDLE_ALPHABET = 'acdefhjkmnpqrtuvwxy34679';
/** 24¹⁰ ≈ 6·10¹³: not guessable by walking URLs. */
export const HANDLE_LENGTH = 10;

export function newHandle(): string {
	return randomFrom(HANDLE_ALPHABET, HANDLE_LENGTH);
}

export async function findExhibition(db: Db, contestId: string) {
	return db
		.selectFrom('exhibition')
		.select([
			'contest_id',
			'slug',
			'intro',
			'cover_entry_id',
			'published_at',
			'published_by',
			'updated_at'
		])
		.where('contest_id', '=', contestId)
		.executeTakeFirst();
}

export async function isSlugTaken(db: Db, slug: string, exceptContestId: string) {
	const row = await db
		.selectFrom('exhibition')
		.select('contest_id')
		.where('slug', '=', slug)
		.where('contest_id', '!=', exceptContestId)
		.executeTakeFirst();
	return row !== undefined;
}

export async function insertExhibition(
	db: Db,
	row: { contestId: string; slug: string; intro: string; now: number }
) {
	await db
		.insertInto('exhibition')
		.values({
			contest_id: row.contestId,
			slug: row.slug,
			intro: row.intro,
			cover_entry_id: null,
			published_at: null,
			published_by: null,
			created_at: row.now,
			updated_at: row.now
		})
		.execute();
}

export async function updateExhibition(
	db: Db,
	contestId: string,
	changes: {
		slug?: string;
		intro?: string;
		cover_entry_id?: string | null;
		published_at?: number | null;
		published_by?: string | null;
	},
	now: number
) {
	await db
		.updateTable('exhibition')
		.set({ ...changes, updated_at: now })
		.where('contest_id', '=', contestId)
		.execute();
}

/**
 * Gives every approved entry of the contest a public handle if it has none yet. Idempotent;
 * run on publishing and whenever the organizer opens the exhibition page, so a work approved
 * late still gets one. Handles are never reused or changed: a shared link stays stable.
 */
export async function ensureHandles(db: Db, contestId: string, now: number): Promise<number> {
	const missing = await db
		.selectFrom('entry')
		.leftJoin('exhibition_entry as xe', 'xe.entry_id', 'entry.id')
		.select('entry.id')
		.where('entry.contest_id', '=', contestId)
		.where('entry.status', '=', 'approved')
		.where('xe.entry_id', 'is', null)
		.execute();
	const CHUNK = 200;
	for (let i = 0; i < missing.length; i += CHUNK) {
		const rows = missing.slice(i, i + CHUNK).map((e) => ({
			entry_id: e.id,
			contest_id: contestId,
			handle: newHandle(),
			description: null,
			description_by: null,
			description_at: null,
			hidden_at: null,
			hidden_reason: null,
			hidden_by: null,
			created_at: now
		}));
		// A clash in 6·10¹³ is not expected; if it happens the next call fills the gap.
		await db
			.insertInto('exhibition_entry')
			.values(rows)
			.onConflict((oc) => oc.doNothing())
			.execute();
	}
	return missing.length;
}

export async function findExhibitionEntry(db: Db, contestId: string, handle: string) {
	return db
		.selectFrom('exhibition_entry')
		.select(['entry_id', 'handle', 'description', 'hidden_at', 'hidden_reason'])
		.where('contest_id', '=', contestId)
		.where('handle', '=', handle)
		.executeTakeFirst();
}

export async function findHandleOfEntry(db: Db, entryId: string) {
	const row = await db
		.selectFrom('exhibition_entry')
		.select('handle')
		.where('entry_id', '=', entryId)
		.executeTakeFirst();
	return row?.handle;
}

export async function setDescription(
	db: Db,
	entryId: string,
	description: string | null,
	actorId: string,
	now: number
) {
	await db
		.updateTable('exhibition_entry')
		.set({ description, description_by: actorId, description_at: now })
		.where('entry_id', '=', entryId)
		.execute();
}

export async function setHidden(
	db: Db,
	entryId: string,
	hidden: { reason: string; by: string; at: number } | null
) {
	await db
		.updateTable('exhibition_entry')
		.set(
			hidden
				? { hidden_at: hidden.at, hidden_reason: hidden.reason, hidden_by: hidden.by }
				: { hidden_at: null, hidden_reason: null, hidden_by: null }
		)
		.where('entry_id', '=', entryId)
		.execute();
}

/** Every approved work of the contest as the organizer manages it (public or not). */
export async function listExhibitionWorks(db: Db, contestId: string) {
	return db
		.selectFrom('exhibition_entry as xe')
		.innerJoin('entry', 'entry.id', 'xe.entry_id')
		.innerJoin('student', 'student.id', 'entry.student_id')
		.leftJoin('guardian_consent as gc', (join) =>
			join.onRef('gc.student_id', '=', 'student.id').on('gc.withdrawn_at', 'is', null)
		)
		.leftJoin('contest_age_band as band', 'band.id', 'entry.age_band_id')
		.select([
			'xe.entry_id',
			'xe.handle',
			'xe.description',
			'xe.hidden_at',
			'xe.hidden_reason',
			'entry.title',
			'entry.about',
			'entry.media',
			'entry.status',
			'student.pseudonym',
			'gc.scope as consent_scope',
			'band.label as band_label'
		])
		.where('xe.contest_id', '=', contestId)
		.where('entry.status', '=', 'approved')
		.orderBy('band.position')
		.orderBy('entry.created_at')
		.orderBy('entry.id')
		.execute();
}
