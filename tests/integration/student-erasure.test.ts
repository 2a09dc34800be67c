// Erasing a child at a guardian's request, on both dialects: after it, no table (every column
// of every row) and no stored object holds the child's id, first name, pseudonym, drawing or
// entry ids, while another child's work that shares a rendition folder stays intact.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocument, serializeDocument } from '../../src/lib/draw/document.ts';
import { recordFailure } from '../../src/lib/server/auth/rate-limit.ts';
import { createSession, type SessionUser } from '../../src/lib/server/auth/session.ts';
import { resetStudentSecret } from '../../src/lib/server/classrooms/classroom.service.ts';
import { consentToday, recordConsent } from '../../src/lib/server/consent/consent.service.ts';
import { dialectOf, type Db } from '../../src/lib/server/db/database.ts';
import { saveDrawing } from '../../src/lib/server/drawings/drawing.service.ts';
import { reviewEntry } from '../../src/lib/server/entries/review.service.ts';
import { ENTRY_PROCESS_JOB, uploadKey } from '../../src/lib/server/entries/submission.service.ts';
import { newId } from '../../src/lib/server/ids.ts';
import { enqueue } from '../../src/lib/server/jobs/queue.ts';
import { proposeAwards } from '../../src/lib/server/judging/award.service.ts';
import { closeRound } from '../../src/lib/server/judging/close.service.ts';
import {
	addJudgeAccount,
	assignRound,
	createRubricRound,
	openRound
} from '../../src/lib/server/judging/round.service.ts';
import { getJudgeRound, saveScore } from '../../src/lib/server/judging/scoring.service.ts';
import { eraseStudent } from '../../src/lib/server/privacy/student-erasure.service.ts';
import { createLocalStore } from '../../src/lib/server/storage/local-store.ts';
import type { ObjectStore } from '../../src/lib/server/storage/object-store.ts';
import { freshDatabase, testDatabases } from './helpers/databases.ts';
import { addEntryRow, addUser } from './helpers/fixtures.ts';
import { addJudgingContest, MEDIA, type JudgingWorld } from './helpers/judging-fixtures.ts';

const NOW = Date.parse('2026-12-01T04:00:00Z');
const FIRST_NAME = 'Zéphyrine';
const PSEUDONYM = 'Zeph 42';

/** Every table of the database, read whole: each row as text, so no column can hide a value. */
async function everyRow(db: Db): Promise<{ table: string; text: string }[]> {
	const tables =
		dialectOf(db) === 'postgres'
			? (
					await sql<{ name: string }>`select table_name as name from information_schema.tables
						where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db)
				).rows
			: (
					await sql<{ name: string }>`select name from sqlite_master
						where type = 'table' and name not like 'sqlite_%'`.execute(db)
				).rows;
	expect(tables.map((t) => t.name)).toContain('rubric_score');
	const out: { table: string; text: string }[] = [];
	for (const { name } of tables) {
		const rows = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(db);
		for (const row of rows.rows) out.push({ table: name, text: JSON.stringify(row) });
	}
	return out;
}

/** Every stored object: its key, then its bytes read as text. */
async function everyObject(store: ObjectStore): Promise<{ key: string; text: string }[]> {
	const out: { key: string; text: string }[] = [];
	for await (const { key } of store.list('')) {
		const object = await store.get(key);
		const chunks: Buffer[] = [];
		for await (const chunk of object!.body) chunks.push(Buffer.from(chunk as Uint8Array));
		out.push({ key, text: `${key}\n${Buffer.concat(chunks).toString('utf8')}` });
	}
	return out;
}

function leftovers(found: { text: string }[], needles: string[], keyOf: (f: never) => string) {
	return found.flatMap((f) =>
		needles.filter((n) => f.text.includes(n)).map((n) => `${keyOf(f as never)}: ${n}`)
	);
}

describe.each(testDatabases())('erasing a child on $name', ({ url }) => {
	let db: Db;
	let dir: string;
	let store: ObjectStore;
	let world: JudgingWorld;
	let teacher: SessionUser;
	let child: { id: string; classroomId: string };
	const ownEntries: string[] = [];
	const drawingId = `drw${newId()}`;

	beforeAll(async () => {
		db = await freshDatabase(url);
		dir = await mkdtemp(path.join(tmpdir(), 'sprout-erasure-'));
		store = createLocalStore(dir);
		world = await addJudgingContest(db, 2, NOW);
		teacher = world.teachers[0];
		// Every judged entry shares one rendition folder, as the same picture sent twice would.
		for (const v of JSON.parse(MEDIA).variants as { key: string }[])
			await store.put(v.key, Buffer.from('webp'), { contentType: 'image/webp' });

		const judged = world.entries[0]!;
		const row = await db
			.selectFrom('entry')
			.innerJoin('student', 'student.id', 'entry.student_id')
			.select(['student.id', 'student.classroom_id'])
			.where('entry.id', '=', judged)
			.executeTakeFirstOrThrow();
		child = { id: row.id, classroomId: row.classroom_id };
		await db
			.updateTable('student')
			.set({ first_name: FIRST_NAME, pseudonym: PSEUDONYM })
			.where('id', '=', child.id)
			.execute();
		ownEntries.push(judged);

		// A drawing on the server, and two more entries: one processed into its own renditions
		// (then returned with a message that names the child), one still waiting in the queue.
		const student = { ...child, pseudonym: PSEUDONYM, avatar: 'leaf-green' };
		await saveDrawing(db, store, student, drawingId, {
			baseRevision: null,
			title: `${FIRST_NAME}'s river`,
			docText: serializeDocument(createDocument('landscape')),
			thumb: null
		});
		const processed = newId();
		const processing = newId();
		const prefix = `media/${newId()}/`;
		for (const [id, status, originalKey] of [
			[processed, 'waiting', `${prefix}original.png`],
			[processing, 'processing', uploadKey(processing)]
		] as const) {
			await addEntryRow(
				db,
				{
					id,
					contest_id: world.contestId,
					student_id: child.id,
					source: 'studio',
					drawing_id: drawingId,
					about: `${FIRST_NAME} drew this`,
					status,
					original_key: originalKey,
					media_prefix: status === 'waiting' ? prefix : null,
					media: status === 'waiting' ? MEDIA.replaceAll('media/abc/', prefix) : null
				},
				NOW
			);
			await store.put(originalKey, Buffer.from('png'), { contentType: 'image/png' });
			ownEntries.push(id);
		}
		await store.put(`${prefix}display.webp`, Buffer.from('webp'), { contentType: 'image/webp' });
		await enqueue(db, ENTRY_PROCESS_JOB, { entryId: processing }, { now: NOW });
		await reviewEntry(
			db,
			teacher,
			child.classroomId,
			processed,
			'return',
			`${FIRST_NAME}, more sky!`
		);

		await recordConsent(db, teacher, child.classroomId, child.id, {
			scope: 'public_pseudonym',
			method: 'paper',
			givenOn: consentToday()
		});
		await resetStudentSecret(db, teacher, child.classroomId, child.id, 'pin', '4321');
		// After the reset, which ends the child's sessions and clears their failed tries.
		await createSession(db, { kind: 'student', studentId: child.id });
		await recordFailure(db, [{ kind: 'student', key: child.id }]);

		// A closed rubric round with results and proposed awards over all four judged entries.
		const roundId = await createRubricRound(
			db,
			world.organizer,
			world.contestId,
			{
				perEntry: '2',
				advanceKind: 'top_n',
				advanceValue: '1',
				disagreement: '9',
				scope: 'all',
				perBand: true
			},
			NOW
		);
		const judges = [await addUser(db, 'judge'), await addUser(db, 'judge')];
		for (const j of judges)
			await addJudgeAccount(db, world.organizer, world.contestId, roundId, j.id, NOW);
		await assignRound(db, world.organizer, world.contestId, roundId, NOW);
		await openRound(db, world.organizer, world.contestId, roundId, NOW);
		for (const [n, judge] of judges.entries()) {
			const view = await getJudgeRound(db, judge, roundId);
			for (const item of view.items)
				for (const c of view.criteria)
					await saveScore(db, judge, roundId, {
						handle: item.handle,
						criterionId: c.id,
						value: 3 + n + (item.title.length % 5),
						base: 0
					});
		}
		await closeRound(db, world.organizer, world.contestId, roundId, { force: false, reason: '' });
		expect(await proposeAwards(db, world.organizer, world.contestId, NOW)).toBeGreaterThan(0);
	});
	afterAll(async () => {
		await db.destroy();
		await rm(dir, { recursive: true, force: true });
	});

	it('leaves nothing of the child in any table or stored object, and keeps the others', async () => {
		const needles = [child.id, FIRST_NAME, PSEUDONYM, drawingId, ...ownEntries];
		const rowKey = (r: { table: string }) => r.table;
		const objectKey = (o: { key: string }) => o.key;
		// The search must find the child before, in the places erasure has to reach.
		const before = leftovers(await everyRow(db), needles, rowKey as never);
		for (const table of ['student', 'session', 'guardian_consent', 'drawing', 'entry', 'job'])
			expect(
				before.some((hit) => hit.startsWith(`${table}:`)),
				table
			).toBe(true);
		for (const table of ['audit_log', 'auth_failure', 'rubric_score', 'round_result', 'award'])
			expect(
				before.some((hit) => hit.startsWith(`${table}:`)),
				table
			).toBe(true);
		const objectsBefore = await everyObject(store);
		expect(leftovers(objectsBefore, needles, objectKey as never).length).toBeGreaterThan(0);

		const outcome = await eraseStudent({ db, store }, teacher, child.classroomId, child.id);
		expect(outcome).toMatchObject({ drawings: 1, entries: 3 });

		expect(leftovers(await everyRow(db), needles, rowKey as never)).toEqual([]);
		const objectsAfter = await everyObject(store);
		expect(leftovers(objectsAfter, needles, objectKey as never)).toEqual([]);
		// Only the child's own renditions went; the folder other entries share stays whole.
		expect(objectsAfter.map((o) => o.key).sort()).toEqual(
			['media/abc/display.webp', 'media/abc/thumb.webp'].sort()
		);
		const others = await db
			.selectFrom('entry')
			.select('id')
			.where('contest_id', '=', world.contestId)
			.execute();
		expect(others.map((e) => e.id).sort()).toEqual(world.entries.slice(1).sort());
		const results = await db.selectFrom('round_result').select('entry_id').execute();
		expect(results).toHaveLength(3);
		// The erasure itself is on record, against the class and by counts only.
		const audit = await db
			.selectFrom('audit_log')
			.select(['subject_type', 'subject_id', 'detail'])
			.where('action', '=', 'student.erase')
			.executeTakeFirstOrThrow();
		expect(audit).toMatchObject({ subject_type: 'classroom', subject_id: child.classroomId });
	});

	it('refuses another teacher and an unknown child, changing nothing', async () => {
		const stranger = await addUser(db, 'teacher');
		const victim = await db
			.selectFrom('student')
			.select('id')
			.where('classroom_id', '=', child.classroomId)
			.executeTakeFirstOrThrow();
		await expect(
			eraseStudent({ db, store }, stranger, child.classroomId, victim.id)
		).rejects.toThrow('classroom.error.notFound');
		await expect(eraseStudent({ db, store }, teacher, child.classroomId, child.id)).rejects.toThrow(
			'classroom.error.studentNotFound'
		);
		const still = await db.selectFrom('student').select('id').where('id', '=', victim.id).execute();
		expect(still).toHaveLength(1);
	});
});
