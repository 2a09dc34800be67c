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
