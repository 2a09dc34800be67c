/**
 * The contest row every demo seed starts from: a contest that ran some days ago (one entry per
 * child, a 1600×1200 board, studio and upload, Shanghai time), now at `status`, with the two age
 * bands the demos use (6–8 and 9–11) and, optionally, its schools.
 *
 *   if (await contestExists(db, ID)) return;   // seeds are idempotent
 *   const bands = await seedPastContest(db, { id: ID, ... });
 */
import {
	insertContest,
	listAgeBands,
	replaceAgeBands,
	type AgeBandRow
} from '../contests/contest.repository.ts';
import type { Db } from '../db/database.ts';
import type { ContestStatus } from '../db/schema.ts';
import { newId } from '../ids.ts';

type Translated = { 'zh-CN': string; en: string; fr: string };

export interface PastContest {
	id: string;
	createdBy: string | null;
	status: ContestStatus;
	title: Translated;
	theme: Translated;
	/** The brief and the rules, in Chinese only like a real organizer's first draft. */
	brief: string;
	rules: string;
	/** Days before now the contest opened and closed. */
	openedDaysAgo: number;
	closedDaysAgo: number;
	/** Labels of the 6–8 and the 9–11 band. */
	bandLabels: [string, string];
	schoolIds?: readonly string[];
}

export async function contestExists(db: Db, id: string): Promise<boolean> {
	const row = await db.selectFrom('contest').select('id').where('id', '=', id).executeTakeFirst();
	return row !== undefined;
}

/** Creates the contest, its bands and schools; returns the bands, youngest first. */
export async function seedPastContest(
	db: Db,
	contest: PastContest,
	now = Date.now()
): Promise<AgeBandRow[]> {
	await insertContest(db, {
		id: contest.id,
		createdBy: contest.createdBy,
		now,
		values: {
			title: JSON.stringify(contest.title),
			theme: JSON.stringify(contest.theme),
			brief: JSON.stringify({ 'zh-CN': contest.brief }),
			rules: JSON.stringify({ 'zh-CN': contest.rules }),
			timeZone: 'Asia/Shanghai',
			opensAt: now - contest.openedDaysAgo * 86_400_000,
			closesAt: now - contest.closedDaysAgo * 86_400_000,
			entriesPerChild: 1,
			boardWidth: 1600,
			boardHeight: 1200,
			allowStudio: true,
			allowUpload: true
		}
	});
	await db
		.updateTable('contest')
		.set({ status: contest.status })
		.where('id', '=', contest.id)
		.execute();
	if (contest.schoolIds?.length)
		await db
			.insertInto('contest_school')
			.values(contest.schoolIds.map((school_id) => ({ contest_id: contest.id, school_id })))
			.execute();
	await replaceAgeBands(db, contest.id, [
		{ label: contest.bandLabels[0], minAge: 6, maxAge: 8 },
		{ label: contest.bandLabels[1], minAge: 9, maxAge: 11 }
	]);
	return listAgeBands(db, [contest.id]);
}

export interface CopiedEntry {
	id: string;
	bandId: string;
	studentId: string;
	reviewedBy: string | null;
	at: number;
}

/**
 * Approved entries for `to`, one per entry of `from` (the judging demo's drawn pictures), in the
 * band their age falls in. Renditions are content-addressed, so the copies share them. `first`
 * and `count` pick a slice; `place(i)` dates each copy and `about(i)` gives its words.
 */
export async function copyDrawnEntries(
	db: Db,
	copy: {
		from: string;
		to: string;
		bands: readonly AgeBandRow[];
		first?: number;
		count?: number;
		at: (i: number) => number;
		about: (i: number) => string;
	}
): Promise<CopiedEntry[]> {
	const source = await db
		.selectFrom('entry')
		.select(['student_id', 'age', 'drawing_id', 'title', 'media_prefix', 'media', 'reviewed_by'])
		.where('contest_id', '=', copy.from)
		.orderBy('created_at')
		.orderBy('id')
		.execute();
	const first = copy.first ?? 0;
	const rows = source.slice(first, copy.count === undefined ? undefined : first + copy.count);
	const copied: CopiedEntry[] = [];
	for (const [i, row] of rows.entries()) {
		const band =
			copy.bands.find((b) => row.age >= b.min_age && row.age <= b.max_age) ?? copy.bands[0]!;
		const id = newId();
		const at = copy.at(i);
		await db
			.insertInto('entry')
			.values({
				id,
				contest_id: copy.to,
				student_id: row.student_id,
				age_band_id: band.id,
				age: row.age,
				source: 'studio',
				drawing_id: row.drawing_id,
				title: row.title,
				about: copy.about(i),
				status: 'approved',
				status_message: null,
				idempotency_key: newId(),
				payload_hash: 'demo',
				original_key: null,
				media_prefix: row.media_prefix,
				media: row.media,
				submitted_by: null,
				reviewed_by: row.reviewed_by,
				reviewed_at: at,
				created_at: at,
				updated_at: at
			})
			.execute();
		copied.push({
			id,
			bandId: band.id,
			studentId: row.student_id,
			reviewedBy: row.reviewed_by,
			at
		});
	}
	return copied;
}
