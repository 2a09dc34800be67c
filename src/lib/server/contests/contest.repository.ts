import { orientationOf } from '../../contests/board-size.ts';
import type { Db } from '../db/database.ts';
import type { Selectable } from 'kysely';
import type { ContestAgeBandTable, ContestStatus, ContestTable } from '../db/schema.ts';
import { newId } from '../ids.ts';
import type { AgeBand } from './age-bands.ts';

/** Columns of a contest as stored; the localized texts are still JSON strings here. */
export type ContestRow = Pick<
	Selectable<ContestTable>,
	| 'id'
	| 'status'
	| 'title'
	| 'theme'
	| 'brief'
	| 'rules'
	| 'time_zone'
	| 'opens_at'
	| 'closes_at'
	| 'entries_per_child'
	| 'board_orientation'
	| 'board_width'
	| 'board_height'
	| 'allow_studio'
	| 'allow_upload'
	| 'updated_at'
>;

export interface ContestValues {
	title: string;
	theme: string;
	brief: string;
	rules: string;
	timeZone: string;
	opensAt: number | null;
	closesAt: number | null;
	entriesPerChild: number;
	/** Art board in pixels (a preset); the stored orientation is derived from it. */
	boardWidth: number;
	boardHeight: number;
	allowStudio: boolean;
	allowUpload: boolean;
}

const CONTEST_COLUMNS = [
	'contest.id',
	'contest.status',
	'contest.title',
	'contest.theme',
	'contest.brief',
	'contest.rules',
	'contest.time_zone',
	'contest.opens_at',
	'contest.closes_at',
	'contest.entries_per_child',
	'contest.board_orientation',
	'contest.board_width',
	'contest.board_height',
	'contest.allow_studio',
	'contest.allow_upload',
	'contest.updated_at'
] as const;

function columns(v: ContestValues) {
	return {
		title: v.title,
		theme: v.theme,
		brief: v.brief,
		rules: v.rules,
		time_zone: v.timeZone,
		opens_at: v.opensAt,
		closes_at: v.closesAt,
		entries_per_child: v.entriesPerChild,
		board_orientation: orientationOf({ width: v.boardWidth, height: v.boardHeight }),
		board_width: v.boardWidth,
		board_height: v.boardHeight,
		allow_studio: v.allowStudio ? 1 : 0,
		allow_upload: v.allowUpload ? 1 : 0
	};
}

export async function insertContest(
	db: Db,
	row: { id: string; createdBy: string | null; now: number; values: ContestValues }
): Promise<void> {
	await db
		.insertInto('contest')
		.values({
			id: row.id,
			status: 'draft',
			...columns(row.values),
			created_by: row.createdBy,
			created_at: row.now,
			updated_at: row.now
		})
		.execute();
}

export async function updateContestValues(
	db: Db,
	id: string,
	values: ContestValues,
	now: number
): Promise<void> {
	await db
		.updateTable('contest')
		.set({ ...columns(values), updated_at: now })
		.where('id', '=', id)
		.execute();
}

export async function findContest(db: Db, id: string): Promise<ContestRow | undefined> {
	return db.selectFrom('contest').select(CONTEST_COLUMNS).where('id', '=', id).executeTakeFirst();
}

export async function listContests(db: Db, filter: { status?: ContestStatus } = {}) {
	let query = db
		.selectFrom('contest')
		.select(CONTEST_COLUMNS)
		.select((eb) =>
			eb
				.selectFrom('contest_age_band')
				.select(eb.fn.countAll<number | string>().as('n'))
				.whereRef('contest_age_band.contest_id', '=', 'contest.id')
				.as('age_band_count')
		);
	if (filter.status) query = query.where('contest.status', '=', filter.status);
	return query.orderBy('contest.created_at', 'desc').orderBy('contest.id').execute();
}

/** Published contests whose window has not ended, soonest closing first. */
export async function listOpenContests(db: Db, now: number): Promise<ContestRow[]> {
	return db
		.selectFrom('contest')
		.select(CONTEST_COLUMNS)
		.where('contest.status', '=', 'open')
		.where('contest.closes_at', '>', now)
		.orderBy('contest.closes_at')
		.orderBy('contest.id')
		.execute();
}

export async function listExpiredOpenContestIds(db: Db, now: number): Promise<string[]> {
	const rows = await db
		.selectFrom('contest')
		.select('id')
		.where('status', '=', 'open')
		.where('closes_at', '<=', now)
		.execute();
	return rows.map((r) => r.id);
}

/** Moves `from` → `to` only if the row is still in `from`; returns whether it did. */
export async function setContestStatus(
	db: Db,
	id: string,
	from: ContestStatus,
	to: ContestStatus,
	now: number
): Promise<boolean> {
	const result = await db
		.updateTable('contest')
		.set({ status: to, updated_at: now })
		.where('id', '=', id)
		.where('status', '=', from)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

export type AgeBandRow = Selectable<ContestAgeBandTable>;

export async function listAgeBands(db: Db, contestIds: readonly string[]): Promise<AgeBandRow[]> {
	if (contestIds.length === 0) return [];
	return db
		.selectFrom('contest_age_band')
		.select(['id', 'contest_id', 'label', 'min_age', 'max_age', 'position'])
		.where('contest_id', 'in', contestIds)
		.orderBy('contest_id')
		.orderBy('position')
		.execute();
}

/**
 * Makes the contest's bands equal `bands`. A band whose ages stay the same keeps its id (only
 * its label and position change), so anything that will point at it later survives an edit.
 */
export async function replaceAgeBands(
	db: Db,
	contestId: string,
	bands: readonly AgeBand[]
): Promise<void> {
	const existing = await listAgeBands(db, [contestId]);
	const kept = new Set<string>();
	for (const [position, band] of bands.entries()) {
		const same = existing.find(
			(e) => e.min_age === band.minAge && e.max_age === band.maxAge && !kept.has(e.id)
		);
		if (same) {
			kept.add(same.id);
			await db
				.updateTable('contest_age_band')
				.set({ label: band.label, position })
				.where('id', '=', same.id)
				.execute();
		} else {
			await db
				.insertInto('contest_age_band')
				.values({
					id: newId(),
					contest_id: contestId,
					label: band.label,
					min_age: band.minAge,
					max_age: band.maxAge,
					position
				})
				.execute();
		}
	}
	const gone = existing.filter((e) => !kept.has(e.id)).map((e) => e.id);
	if (gone.length > 0) await db.deleteFrom('contest_age_band').where('id', 'in', gone).execute();
}

export async function listContestSchoolIds(db: Db, contestId: string): Promise<string[]> {
	const rows = await db
		.selectFrom('contest_school')
		.select('school_id')
		.where('contest_id', '=', contestId)
		.execute();
	return rows.map((r) => r.school_id);
}

/** Participating schools of several contests at once. */
export async function listContestSchools(db: Db, contestIds: readonly string[]) {
	if (contestIds.length === 0) return [];
	return db
		.selectFrom('contest_school')
		.select(['contest_id', 'school_id'])
		.where('contest_id', 'in', contestIds)
		.execute();
}

export async function replaceContestSchools(
	db: Db,
	contestId: string,
	schoolIds: readonly string[]
): Promise<void> {
	await db.deleteFrom('contest_school').where('contest_id', '=', contestId).execute();
	if (schoolIds.length > 0)
		await db
			.insertInto('contest_school')
			.values(schoolIds.map((school_id) => ({ contest_id: contestId, school_id })))
			.execute();
}

export async function countExistingSchools(db: Db, ids: readonly string[]): Promise<number> {
	if (ids.length === 0) return 0;
	const row = await db
		.selectFrom('school')
		.select((eb) => eb.fn.countAll<number | string>().as('n'))
		.where('id', 'in', ids)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}
