// An entry whose processing waits out a storage or database outage says so, to the child and to
// the teacher, instead of "preparing" forever; once the job runs clean it no longer does.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db/database.ts';
import { getReviewQueue } from '../../src/lib/server/entries/review.service.ts';
import {
	ENTRY_PROCESS_JOB,
	listMyEntries
} from '../../src/lib/server/entries/submission.service.ts';
import { newId } from '../../src/lib/server/ids.ts';
import { enqueue } from '../../src/lib/server/jobs/queue.ts';
import { freshDatabase, testDatabases } from './helpers/databases.ts';
import { addEntryRow } from './helpers/fixtures.ts';
import { addJudgingContest } from './helpers/judging-fixtures.ts';

const NOW = Date.parse('2026-12-01T04:00:00Z');

describe.each(testDatabases())('entries waiting out an outage on $name', ({ url }) => {
	let db: Db;

	beforeAll(async () => (db = await freshDatabase(url)));
	afterAll(() => db.destroy());

	it('shows "waiting for the server" only while the job waits out an outage', async () => {
		const world = await addJudgingContest(db, 1, NOW);
		const child = await db
			.selectFrom('entry')
			.innerJoin('student', 'student.id', 'entry.student_id')
			.select(['student.id', 'student.classroom_id', 'student.pseudonym'])
			.where('entry.id', '=', world.entries[0]!)
			.executeTakeFirstOrThrow();
		const jobs: Record<string, string> = {};
		for (const title of ['held', 'busy']) {
			const id = newId();
			await addEntryRow(
				db,
				{
					id,
					contest_id: world.contestId,
					student_id: child.id,
					title,
					status: 'processing',
					original_key: `private/uploads/${id}`
				},
				NOW
			);
			jobs[title] = await enqueue(db, ENTRY_PROCESS_JOB, { entryId: id }, { now: NOW });
		}
		// What the worker records when storage is unreachable (see deferJobForOutage).
		await db
			.updateTable('job')
			.set({ outage_since: NOW, outage_retries: 2, last_error: 'connect ECONNREFUSED' })
			.where('id', '=', jobs.held!)
			.execute();

		const student = {
			id: child.id,
			classroomId: child.classroom_id,
			pseudonym: child.pseudonym,
			avatar: 'leaf-green'
		};
		const mine = await listMyEntries(db, student, 'en');
		expect(Object.fromEntries(mine.map((e) => [e.title, e.held]))).toEqual({
			held: true,
			busy: false,
			'Tree 1': false
		});
		const queue = await getReviewQueue(db, world.teachers[0], child.classroom_id, 'en');
		expect(Object.fromEntries(queue.processing.map((e) => [e.title, e.held]))).toEqual({
			held: true,
			busy: false
		});

		// Storage is back and the run meets no outage: the job is done, nothing waits any more.
		await db
			.updateTable('job')
			.set({ status: 'done', outage_since: null })
			.where('id', '=', jobs.held!)
			.execute();
		expect((await listMyEntries(db, student, 'en')).some((e) => e.held)).toBe(false);
	});
});
