/**
 * A demo contest made of the judging demo's children and their real drawn pictures: the same
 * schools, the usual rules and age bands, and one approved copy per picture it takes. The
 * ceremony and panel demos start here, so the judging demo must be seeded first.
 *
 *   const entries = await seedDrawnContest(db, contest, { createdBy, status, at, about });
 */
import type { Db } from '../db/database.ts';
import type { ContestStatus } from '../db/schema.ts';
import {
	contestExists,
	copyDrawnEntries,
	seedPastContest,
	type PastContest
} from './past-contest.ts';
import { DEMO_JUDGING_CONTEST_ID } from './seed-judging.ts';

/** What differs from one drawn demo contest to the next. */
export type DrawnContest = Pick<
	PastContest,
	'id' | 'title' | 'theme' | 'brief' | 'openedDaysAgo' | 'closedDaysAgo'
>;

export interface DrawnCopies {
	createdBy: string | null;
	status: ContestStatus;
	/** Which of the judging demo's pictures (in order) the contest takes; all by default. */
	first?: number;
	count?: number;
	/** When copy i was submitted (and approved), and the words its child wrote. */
	at: (i: number) => number;
	about: (i: number) => string;
}

export async function seedDrawnContest(
	db: Db,
	contest: DrawnContest,
	copies: DrawnCopies,
	now = Date.now()
) {
	if (!(await contestExists(db, DEMO_JUDGING_CONTEST_ID)))
		throw new Error(`the demo contest ${contest.id} needs the judging demo: seed it first`);
	const schools = await db
		.selectFrom('contest_school')
		.select('school_id')
		.where('contest_id', '=', DEMO_JUDGING_CONTEST_ID)
		.execute();
	const bands = await seedPastContest(
		db,
		{
			...contest,
			createdBy: copies.createdBy,
			status: copies.status,
			rules: '每人一幅作品。',
			bandLabels: ['6–8 岁', '9–11 岁'],
			schoolIds: schools.map((s) => s.school_id)
		},
		now
	);
	return copyDrawnEntries(db, {
		from: DEMO_JUDGING_CONTEST_ID,
		to: contest.id,
		bands,
		first: copies.first,
		count: copies.count,
		at: copies.at,
		about: copies.about
	});
}
