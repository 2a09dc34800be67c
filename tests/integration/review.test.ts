import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../src/lib/server/auth/session.ts';
import { recordConsent } from '../../src/lib/server/consent/consent.service.ts';
import {
	insertContest,
	listAgeBands,
	replaceAgeBands
} from '../../src/lib/server/contests/contest.repository.ts';
import type { Db } from '../../src/lib/server/db/database.ts';
import type { EntrySource, EntryStatus } from '../../src/lib/server/db/schema.ts';
import {
	disqualifyEntry,
	exportEntriesCsv,
	getEntryForAdmin,
	listEntriesForAdmin,
	parseEntryFilter
} from '../../src/lib/server/entries/organizer-entries.service.ts';
import { listEnterableContests } from '../../src/lib/server/contests/eligibility.service.ts';
import {
	countWaiting,
	getReviewQueue,
	reviewEntry
} from '../../src/lib/server/entries/review.service.ts';
import { DomainError } from '../../src/lib/server/errors.ts';
import { newId } from '../../src/lib/server/ids.ts';
import { freshDatabase, testDatabases } from './helpers/databases.ts';
import { addClassroom, addSchool, addUser, type TestClassroom } from './helpers/fixtures.ts';

const uploadable = (db: Db, schoolId: string, now: number) =>
	listEnterableContests(db, { schoolId, source: 'upload' }, now);

async function codeOf(promise: Promise<unknown>): Promise<string> {
	try {
		await promise;
	} catch (err) {
		if (err instanceof DomainError) return err.code;
		if (err instanceof Error) return err.message;
	}
	return 'no error';
}

const NOW = Date.parse('2026-11-21T04:00:00Z');
const MEDIA = JSON.stringify({
	keyPrefix: 'media/abc/',
	width: 1600,
	height: 1200,
	thumbhash: '',
	dominantColor: '#2e7d32',
	variants: [
		{ name: 'display', key: 'media/abc/display.webp', width: 1600, height: 1200 },
		{ name: 'thumb', key: 'media/abc/thumb.webp', width: 400, height: 300 }
	]
});

async function addContest(db: Db, title = '我的绿色生活', schools: string[] = []) {
	const id = newId();
	await insertContest(db, {
		id,
		createdBy: null,
		now: NOW,
		values: {
			title: JSON.stringify({ 'zh-CN': title, en: 'My green life' }),
			theme: '{}',
			brief: '{}',
			rules: '{}',
			timeZone: 'Asia/Shanghai',
			opensAt: NOW - 86_400_000,
			closesAt: NOW + 86_400_000,
			entriesPerChild: 3,
			boardWidth: 1600,
			boardHeight: 1200,
			allowStudio: true,
			allowUpload: true
		}
	});
	await db.updateTable('contest').set({ status: 'open' }).where('id', '=', id).execute();
	await replaceAgeBands(db, id, [
		{ label: '6–8', minAge: 6, maxAge: 8 },
		{ label: '9–11', minAge: 9, maxAge: 11 }
	]);
	for (const school_id of schools)
		await db.insertInto('contest_school').values({ contest_id: id, school_id }).execute();
	const bands = await listAgeBands(db, [id]);
	return { id, bands: bands.map((b) => b.id) };
}

let counter = 0;
async function addEntry(
	db: Db,
	values: {
		contestId: string;
		studentId: string;
		ageBandId?: string | null;
		age?: number;
		status?: EntryStatus;
		source?: EntrySource;
		title?: string;
		about?: string;
		createdAt?: number;
	}
): Promise<string> {
	const id = newId();
	const createdAt = values.createdAt ?? NOW + counter++;
	await db
		.insertInto('entry')
		.values({
			id,
			contest_id: values.contestId,
			student_id: values.studentId,
			age_band_id: values.ageBandId ?? null,
			age: values.age ?? 7,
			source: values.source ?? 'studio',
			drawing_id: null,
			title: values.title ?? `Tree ${counter}`,
			about: values.about ?? 'A tree by the river',
			status: values.status ?? 'waiting',
			status_message: null,
			idempotency_key: newId(),
			payload_hash: 'x',
			original_key: null,
			media_prefix: 'media/abc/',
			media: MEDIA,
			submitted_by: null,
			reviewed_by: null,
			reviewed_at: null,
			created_at: createdAt,
			updated_at: createdAt
		})
		.execute();
	return id;
}

async function entryRow(db: Db, id: string) {
	return db
		.selectFrom('entry')
		.select(['status', 'status_message', 'reviewed_by', 'reviewed_at'])
		.where('id', '=', id)
		.executeTakeFirstOrThrow();
}

async function auditFor(db: Db, id: string) {
	return db
		.selectFrom('audit_log')
		.select(['action', 'actor_user_id', 'detail'])
		.where('subject_type', '=', 'entry')
		.where('subject_id', '=', id)
		.orderBy('created_at')
		.execute();
}

describe.each(testDatabases())('teacher review and organizer entries on $name', ({ url }) => {
	let db: Db;
	let teacher: SessionUser;
	let otherTeacher: SessionUser;
	let organizer: SessionUser;
	let judge: SessionUser;
	let schoolA: string;
	let schoolB: string;
	let classA: TestClassroom;
	let classB: TestClassroom;
	let contest: { id: string; bands: string[] };

	beforeAll(async () => {
		db = await freshDatabase(url);
		teacher = await addUser(db, 'teacher');
		otherTeacher = await addUser(db, 'teacher');
		organizer = await addUser(db, 'organizer', { isAdmin: true });
		judge = await addUser(db, 'judge');
		schoolA = await addSchool(db, '绿苗希望小学');
		schoolB = await addSchool(db, 'École, "Les Pins"');
		classA = await addClassroom(db, teacher.id, schoolA, 3);
		classB = await addClassroom(db, otherTeacher.id, schoolB, 2);
		contest = await addContest(db);
	});
	afterAll(() => db.destroy());

	it('lists only this class: waiting first, with pseudonym, contest title and consent', async () => {
		const kid = classA.students[0]!;
		await recordConsent(db, teacher, classA.id, kid.id, {
			scope: 'public_pseudonym',
			method: 'paper',
			givenOn: '2026-09-01'
		});
		const mine = await addEntry(db, { contestId: contest.id, studentId: kid.id, title: 'River' });
		const processing = await addEntry(db, {
			contestId: contest.id,
			studentId: kid.id,
			status: 'processing'
		});
		const theirs = await addEntry(db, {
			contestId: contest.id,
			studentId: classB.students[0]!.id
		});

		const queue = await getReviewQueue(db, teacher, classA.id, 'en');
		expect(queue.waiting.map((e) => e.id)).toEqual([mine]);
		expect(queue.processing.map((e) => e.id)).toEqual([processing]);
		const entry = queue.waiting[0]!;
		expect(entry).toMatchObject({
			title: 'River',
			about: 'A tree by the river',
			pseudonym: kid.pseudonym,
			contestTitle: 'My green life',
			consent: 'public_pseudonym',
			image: { width: 1600, height: 1200 }
		});
		// Never the child's first name.
		expect(JSON.stringify(queue.waiting)).not.toContain('Kid1');
		expect(await countWaiting(db, teacher, classA.id)).toBe(1);
		const other = await getReviewQueue(db, otherTeacher, classB.id, 'zh-CN');
		expect(other.waiting.map((e) => e.id)).toEqual([theirs]);
		expect(other.waiting[0]!.contestTitle).toBe('我的绿色生活');
		expect(other.waiting[0]!.consent).toBeNull();
	});

	it('approves a waiting entry, records who and when, and audits it', async () => {
		const id = await addEntry(db, { contestId: contest.id, studentId: classA.students[1]!.id });
		const result = await reviewEntry(db, teacher, classA.id, id, 'approve', '', NOW + 5);
		expect(result).toEqual({ id, status: 'approved' });
		expect(await entryRow(db, id)).toMatchObject({
			status: 'approved',
			reviewed_by: teacher.id,
			status_message: null
		});
		expect(Number((await entryRow(db, id)).reviewed_at)).toBe(NOW + 5);
		const audit = await auditFor(db, id);
		expect(audit.map((a) => [a.action, a.actor_user_id])).toEqual([['entry.approve', teacher.id]]);
		// Deciding twice is refused: the child was already told.
		expect(await codeOf(reviewEntry(db, teacher, classA.id, id, 'return', 'redo'))).toBe(
			'review.error.notWaiting'
		);
		expect((await entryRow(db, id)).status).toBe('approved');
	});

	it('returns with a required message of at most 300 characters, audited', async () => {
		const id = await addEntry(db, { contestId: contest.id, studentId: classA.students[2]!.id });
		expect(await codeOf(reviewEntry(db, teacher, classA.id, id, 'return', '   '))).toBe(
			'review.error.messageRequired'
		);
		expect(await codeOf(reviewEntry(db, teacher, classA.id, id, 'return', '画'.repeat(301)))).toBe(
			'review.error.messageLength'
		);
		expect((await entryRow(db, id)).status).toBe('waiting');
		// 300 characters that are not all single UTF-16 units still fit.
		const message = '🌳'.repeat(10) + ' Please add your name on the back.';
		await reviewEntry(db, teacher, classA.id, id, 'return', `  ${message}  `);
		expect(await entryRow(db, id)).toMatchObject({
			status: 'returned',
			status_message: message,
			reviewed_by: teacher.id
		});
		const audit = await auditFor(db, id);
		expect(audit).toHaveLength(1);
		expect(audit[0]!.action).toBe('entry.return');
		expect(JSON.parse(audit[0]!.detail)).toEqual({ from: 'waiting', message });
		// An already returned work cannot then be approved.
		expect(await codeOf(reviewEntry(db, teacher, classA.id, id, 'approve'))).toBe(
			'review.error.notWaiting'
		);
		expect((await entryRow(db, id)).status).toBe('returned');
	});

	it('refuses entries still processing, other classes and other teachers', async () => {
		const processing = await addEntry(db, {
			contestId: contest.id,
			studentId: classA.students[0]!.id,
			status: 'processing'
		});
		expect(await codeOf(reviewEntry(db, teacher, classA.id, processing, 'approve'))).toBe(
			'review.error.notWaiting'
		);
		const theirs = await addEntry(db, { contestId: contest.id, studentId: classB.students[1]!.id });
		// Through my class's URL, another class's entry does not exist.
		expect(await codeOf(reviewEntry(db, teacher, classA.id, theirs, 'approve'))).toBe(
			'review.error.notFound'
		);
		// Through its own class's URL, I am not its teacher.
		expect(await codeOf(reviewEntry(db, teacher, classB.id, theirs, 'approve'))).toBe(
			'classroom.error.notFound'
		);
		expect(await codeOf(getReviewQueue(db, teacher, classB.id, 'en'))).toBe(
			'classroom.error.notFound'
		);
		expect(await codeOf(reviewEntry(db, judge, classB.id, theirs, 'approve'))).toBe(
			'classroom.error.notFound'
		);
		expect((await entryRow(db, theirs)).status).toBe('waiting');
		expect(await auditFor(db, theirs)).toEqual([]);
		// An organizer admin may review any class.
		await reviewEntry(db, organizer, classB.id, theirs, 'approve');
		expect((await entryRow(db, theirs)).reviewed_by).toBe(organizer.id);
	});

	it('only one of two simultaneous decisions wins', async () => {
		const id = await addEntry(db, { contestId: contest.id, studentId: classA.students[0]!.id });
		const results = await Promise.allSettled([
			reviewEntry(db, teacher, classA.id, id, 'approve'),
			reviewEntry(db, teacher, classA.id, id, 'return', 'Please finish the sky')
		]);
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
		expect(await auditFor(db, id)).toHaveLength(1);
	});

	describe('organizer entries', () => {
		let c2: { id: string; bands: string[] };
		const ids: Record<string, string> = {};

		beforeAll(async () => {
			c2 = await addContest(db, 'Blue planet');
			const [young, middle] = c2.bands;
			ids.a = await addEntry(db, {
				contestId: c2.id,
				studentId: classA.students[0]!.id,
				ageBandId: young!,
				age: 7,
				title: '=HYPERLINK("http://evil.test","click")',
				createdAt: Date.parse('2026-11-20T01:02:03Z')
			});
			ids.b = await addEntry(db, {
				contestId: c2.id,
				studentId: classA.students[1]!.id,
				ageBandId: middle!,
				age: 10,
				status: 'approved',
				source: 'upload',
				title: '我的"绿色",家园\n第二行'
			});
			ids.c = await addEntry(db, {
				contestId: c2.id,
				studentId: classB.students[0]!.id,
				ageBandId: young!,
				age: 8,
				status: 'returned',
				title: '-1+2'
			});
			ids.d = await addEntry(db, {
				contestId: c2.id,
				studentId: classB.students[1]!.id,
				ageBandId: null,
				age: 9,
				status: 'processing',
				title: '@sum'
			});
		});

		it('filters by status, school and age band; never shows first names', async () => {
			const all = await listEntriesForAdmin(db, organizer, c2.id, {}, 'en');
			expect(all!.contest.title).toBe('My green life');
			expect(all!.entries.map((e) => e.id).sort()).toEqual(Object.values(ids).sort());
			expect(all!.schools.map((s) => s.id).sort()).toEqual([schoolA, schoolB].sort());
			expect(all!.ageBands.map((b) => b.label)).toEqual(['6–8', '9–11']);
			expect(JSON.stringify(all)).not.toMatch(/Kid\d/);

			const pick = async (query: string) =>
				(await listEntriesForAdmin(
					db,
					organizer,
					c2.id,
					parseEntryFilter(new URLSearchParams(query)),
					'en'
				))!.entries
					.map((e) => e.id)
					.sort();
			expect(await pick('status=approved')).toEqual([ids.b]);
			expect(await pick(`school=${schoolB}`)).toEqual([ids.c, ids.d].sort());
			expect(await pick(`band=${c2.bands[0]}`)).toEqual([ids.a, ids.c].sort());
			expect(await pick(`band=${c2.bands[0]}&school=${schoolA}`)).toEqual([ids.a]);
			expect(await pick(`status=returned&school=${schoolA}`)).toEqual([]);
			// An unknown status is no filter rather than an error.
			expect(await pick('status=nonsense')).toHaveLength(4);
			// Entries of the other contest never leak in.
			expect(await pick('')).not.toContain(
				(await getReviewQueue(db, teacher, classA.id, 'en')).recent[0]?.id
			);
		});

		it('is for organizers only', async () => {
			const notFound = 'contests.error.notFound';
			expect(await codeOf(listEntriesForAdmin(db, teacher, c2.id, {}, 'en'))).toBe(notFound);
			expect(await codeOf(exportEntriesCsv(db, judge, c2.id, {}))).toBe(notFound);
			expect(await codeOf(getEntryForAdmin(db, teacher, c2.id, ids.a!))).toBe(notFound);
			expect(await codeOf(disqualifyEntry(db, teacher, c2.id, ids.a!, 'copied'))).toBe(
				'review.error.notFound'
			);
			expect(await codeOf(listEntriesForAdmin(db, organizer, 'no-such-contest', {}, 'en'))).toBe(
				'contests.error.notFound'
			);
		});

		it('disqualifies with a required reason, audited, once', async () => {
			expect(await codeOf(disqualifyEntry(db, organizer, c2.id, ids.b!, ' '))).toBe(
				'review.error.reasonRequired'
			);
			expect(await codeOf(disqualifyEntry(db, organizer, c2.id, ids.b!, 'x'.repeat(301)))).toBe(
				'review.error.reasonLength'
			);
			// Wrong contest: not found.
			expect(await codeOf(disqualifyEntry(db, organizer, contest.id, ids.b!, 'copied'))).toBe(
				'review.error.notFound'
			);
			// Still being processed: nothing to judge yet.
			expect(await codeOf(disqualifyEntry(db, organizer, c2.id, ids.d!, 'copied'))).toBe(
				'review.error.cannotDisqualify'
			);
			await disqualifyEntry(db, organizer, c2.id, ids.b!, 'Traced from a book');
			expect(await entryRow(db, ids.b!)).toMatchObject({
				status: 'disqualified',
				status_message: 'Traced from a book'
			});
			const audit = await auditFor(db, ids.b!);
			expect(audit.map((a) => [a.action, a.actor_user_id])).toEqual([
				['entry.disqualify', organizer.id]
			]);
			expect(JSON.parse(audit[0]!.detail)).toEqual({
				from: 'approved',
				reason: 'Traced from a book'
			});
			expect(await codeOf(disqualifyEntry(db, organizer, c2.id, ids.b!, 'again'))).toBe(
				'review.error.cannotDisqualify'
			);
			const opened = await getEntryForAdmin(db, organizer, c2.id, ids.b!);
			expect(opened).toMatchObject({ status: 'disqualified', statusMessage: 'Traced from a book' });
		});

		it('exports CSV with a BOM, quoting and a formula guard', async () => {
			const csv = (await exportEntriesCsv(db, organizer, c2.id, {}))!;
			expect(
				csv.startsWith(
					'\uFEFFid,title,pseudonym,school,age_band,age,source,status,submitted_at\r\n'
				)
			).toBe(true);
			const rowOf = (id: string) => csv.split('\r\n').find((line) => line.startsWith(id))!;
			expect(rowOf(ids.a!)).toBe(
				`${ids.a},"'=HYPERLINK(""http://evil.test"",""click"")",${classA.students[0]!.pseudonym},绿苗希望小学,6–8,7,studio,waiting,2026-11-20T01:02:03.000Z`
			);
			expect(csv).toContain(`${ids.b},"我的""绿色"",家园\n第二行",`);
			expect(rowOf(ids.c!)).toContain(
				`,'-1+2,${classB.students[0]!.pseudonym},"École, ""Les Pins""",6–8,8,studio,returned,`
			);
			expect(rowOf(ids.d!)).toContain(`,'@sum,`);
			expect(rowOf(ids.d!)).toContain(',,9,studio,processing,');
			expect(csv).not.toMatch(/Kid\d/);
			const filtered = (await exportEntriesCsv(db, organizer, c2.id, { schoolId: schoolB }))!;
			expect(filtered.split('\r\n').filter(Boolean)).toHaveLength(3);
		});
	});

	it('offers only open, in-window, photo-accepting contests this school may enter', async () => {
		const onlyB = await addContest(db, 'Only B', [schoolB]);
		const studioOnly = await addContest(db, 'Studio only');
		await db
			.updateTable('contest')
			.set({ allow_upload: 0 })
			.where('id', '=', studioOnly.id)
			.execute();
		const draft = await addContest(db, 'Draft');
		await db.updateTable('contest').set({ status: 'draft' }).where('id', '=', draft.id).execute();
		const forA = (await uploadable(db, schoolA, NOW)).map((c) => c.row.id);
		const forB = (await uploadable(db, schoolB, NOW)).map((c) => c.row.id);
		expect(forA).toContain(contest.id);
		expect(forA).not.toContain(onlyB.id);
		expect(forB).toContain(onlyB.id);
		for (const list of [forA, forB]) {
			expect(list).not.toContain(studioOnly.id);
			expect(list).not.toContain(draft.id);
		}
		expect(await uploadable(db, schoolA, NOW + 2 * 86_400_000)).toEqual([]);
	});
});
