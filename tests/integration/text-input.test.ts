// Text typed by people, on every supported database: control characters (NUL) and bidi
// overrides (U+202E) never reach a row or the public class list, and a title made only of
// invisible characters is refused with a message the reader can act on (issue 10, item 6).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../src/lib/server/auth/session.ts';
import { listStudentsForJoin } from '../../src/lib/server/classrooms/classroom.repository.ts';
import { addStudents, createClassroom } from '../../src/lib/server/classrooms/classroom.service.ts';
import * as contests from '../../src/lib/server/contests/contest.repository.ts';
import { replaceSchoolsOfTeacher } from '../../src/lib/server/schools/teacher-school.repository.ts';
import type { Db } from '../../src/lib/server/db/database.ts';
import { submitEntry } from '../../src/lib/server/entries/submission.service.ts';
import { newId } from '../../src/lib/server/ids.ts';
import { createSchool } from '../../src/lib/server/schools/school.service.ts';
import { createLocalStore } from '../../src/lib/server/storage/local-store.ts';
import type { ObjectStore } from '../../src/lib/server/storage/object-store.ts';
import { LOCALES, translate } from '../../src/lib/i18n/index.ts';
import { freshDatabase, testDatabases } from './helpers/databases.ts';
import { addClassroom, addSchool, addUser, type TestClassroom } from './helpers/fixtures.ts';
import { codeOf } from './helpers/outcome.ts';

const NOW = Date.UTC(2026, 10, 21, 12, 0);
const HOUR = 3_600_000;
const NUL = '\u0000';
const RLO = '\u202E';
const ZWSP = '\u200B';

describe.each(testDatabases())('text input on $name', ({ url }) => {
	let db: Db;
	let store: ObjectStore;
	let dir: string;
	let teacher: SessionUser;
	let admin: SessionUser;
	let schoolId: string;
	let room: TestClassroom;
	let contestId: string;
	let key = 0;

	beforeAll(async () => {
		db = await freshDatabase(url);
		dir = await mkdtemp(path.join(tmpdir(), 'sprout-text-'));
		store = createLocalStore(dir);
		teacher = await addUser(db, 'teacher');
		admin = await addUser(db, 'organizer', { isAdmin: true });
		schoolId = await addSchool(db);
		// Teachers open classes only at their own schools.
		await replaceSchoolsOfTeacher(db, teacher.id, [schoolId]);
		room = await addClassroom(db, teacher.id, schoolId, 1);
		contestId = newId();
		await contests.insertContest(db, {
			id: contestId,
			createdBy: admin.id,
			now: NOW - 2 * HOUR,
			values: {
				title: JSON.stringify({ 'zh-CN': '绿色地球' }),
				theme: '{}',
				brief: '{}',
				rules: '{}',
				timeZone: 'Asia/Shanghai',
				opensAt: NOW - HOUR,
				closesAt: NOW + 24 * HOUR,
				entriesPerChild: 5,
				boardWidth: 1600,
				boardHeight: 1200,
				allowStudio: true,
				allowUpload: true
			}
		});
		await contests.replaceAgeBands(db, contestId, [{ label: '6–12', minAge: 6, maxAge: 12 }]);
		await contests.setContestStatus(db, contestId, 'draft', 'open', NOW - 2 * HOUR);
	});
	afterAll(async () => {
		await db?.destroy();
		if (dir) await rm(dir, { recursive: true, force: true });
	});

	const upload = async (title: string, about = '') =>
		submitEntry(
			{ db, store },
			{ kind: 'teacher', user: teacher, studentId: room.students[0]!.id },
			{
				contestId,
				age: 9,
				title,
				about,
				drawingId: null,
				idempotencyKey: `text-key-${++key}-${Date.now()}`,
				image: await sharp({
					create: { width: 800, height: 600, channels: 3, background: { r: key, g: 120, b: 40 } }
				})
					.png()
					.toBuffer()
			},
			NOW
		);

	it('strips NUL and U+202E from roster names, so the public class list shows them clean', async () => {
		await addStudents(db, teacher, room.id, `Ali${RLO}ce${NUL}\n${NUL}王${RLO}小明`);
		const rows = await db
			.selectFrom('student')
			.select(['first_name', 'pseudonym'])
			.where('classroom_id', '=', room.id)
			.execute();
		const names = rows.map((r) => r.first_name);
		expect(names).toEqual(expect.arrayContaining(['Alice', '王小明']));
		const shown = (await listStudentsForJoin(db, room.id)).map((s) => s.pseudonym).join(' ');
		expect(shown).not.toContain(NUL);
		expect(shown).not.toContain(RLO);
		expect(JSON.stringify(rows)).not.toMatch(/\\u0000|\u202E/);
	});

	it('stores an entry title and about without NUL or bidi overrides', async () => {
		const { entry } = await upload(`My${NUL} ${RLO}forest`, `Trees${NUL}\nand a river${RLO}`);
		const row = await db
			.selectFrom('entry')
			.select(['title', 'about'])
			.where('id', '=', entry.id)
			.executeTakeFirstOrThrow();
		expect(row).toEqual({ title: 'My forest', about: 'Trees\nand a river' });
	});

	it('refuses a title of only zero-width spaces with the title message, in every language', async () => {
		for (const title of [ZWSP, `${ZWSP}${ZWSP} `, `${NUL}${RLO}`])
			expect(await codeOf(upload(title)), JSON.stringify(title)).toBe('entries.error.title');
		for (const locale of LOCALES) {
			const message = translate(locale, 'entries.error.title');
			expect(message).not.toBe('entries.error.title');
			expect(message).toMatch(/60/);
		}
	});

	it('cleans class names and school names and cities, and refuses blank-looking ones', async () => {
		const id = await createClassroom(db, teacher, { name: `3${NUL}B ${RLO}`, schoolId });
		const classroom = await db
			.selectFrom('classroom')
			.select('name')
			.where('id', '=', id)
			.executeTakeFirstOrThrow();
		expect(classroom.name).toBe('3B');
		expect(await codeOf(createClassroom(db, teacher, { name: ZWSP, schoolId }))).toBe(
			'classroom.error.name'
		);

		const school = await createSchool(db, admin, { name: `Pins${NUL}`, city: `Lyon${RLO}` });
		expect(
			await db
				.selectFrom('school')
				.select(['name', 'city'])
				.where('id', '=', school)
				.executeTakeFirstOrThrow()
		).toEqual({ name: 'Pins', city: 'Lyon' });
		expect(await codeOf(createSchool(db, admin, { name: `${ZWSP} `, city: '' }))).toBe(
			'schools.error.name'
		);
	});
});
