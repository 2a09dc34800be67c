import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../src/lib/server/auth/session.ts';
import {
	consentsForClassroom,
	isPublicScope,
	isValidConsentDate,
	recordConsent,
	withdrawConsent
} from '../../src/lib/server/consent/consent.service.ts';
import type { Db } from '../../src/lib/server/db/database.ts';
import { freshDatabase, testDatabases } from './helpers/databases.ts';
import { codeOf } from './helpers/outcome.ts';
import { addClassroom, addSchool, addUser, type TestClassroom } from './helpers/fixtures.ts';

const NOW = Date.parse('2026-11-21T04:00:00Z');

describe('consent rules', () => {
	it('only the two public scopes allow public display', () => {
		expect(isPublicScope('public_pseudonym')).toBe(true);
		expect(isPublicScope('public_school')).toBe(true);
		expect(isPublicScope('classroom')).toBe(false);
		expect(isPublicScope(null)).toBe(false);
	});

	it('accepts real past dates only', () => {
		expect(isValidConsentDate('2026-09-01', '2026-11-21')).toBe(true);
		expect(isValidConsentDate('2026-02-30', '2026-11-21')).toBe(false);
		expect(isValidConsentDate('2026-12-01', '2026-11-21')).toBe(false);
		expect(isValidConsentDate('01/09/2026', '2026-11-21')).toBe(false);
		expect(isValidConsentDate('1999-12-31', '2026-11-21')).toBe(false);
	});
});

describe.each(testDatabases())('guardian consent on $name', ({ url }) => {
	let db: Db;
	let teacher: SessionUser;
	let classroom: TestClassroom;

	beforeAll(async () => {
		db = await freshDatabase(url);
		teacher = await addUser(db, 'teacher');
		classroom = await addClassroom(db, teacher.id, await addSchool(db), 2);
	});
	afterAll(() => db.destroy());

	it('records consent, replaces it on change and keeps exactly one in force', async () => {
		const kid = classroom.students[0]!;
		await recordConsent(
			db,
			teacher,
			classroom.id,
			kid.id,
			{ scope: 'classroom', method: 'paper', givenOn: '2026-09-01' },
			NOW
		);
		await recordConsent(
			db,
			teacher,
			classroom.id,
			kid.id,
			{ scope: 'public_pseudonym', method: 'in_person', givenOn: '2026-11-20' },
			NOW + 1
		);
		const active = await consentsForClassroom(db, teacher, classroom.id);
		expect(active.get(kid.id)).toMatchObject({
			scope: 'public_pseudonym',
			method: 'in_person',
			given_on: '2026-11-20'
		});
		const rows = await db
			.selectFrom('guardian_consent')
			.select(['scope', 'withdrawn_at'])
			.where('student_id', '=', kid.id)
			.execute();
		expect(rows).toHaveLength(2);
		expect(rows.filter((r) => r.withdrawn_at === null)).toHaveLength(1);
		const audit = await db
			.selectFrom('audit_log')
			.select('action')
			.where('subject_id', '=', kid.id)
			.execute();
		expect(audit.map((a) => a.action)).toEqual(['consent.record', 'consent.record']);
	});

	it('the database itself refuses a second consent in force', async () => {
		const kid = classroom.students[0]!;
		await expect(
			db
				.insertInto('guardian_consent')
				.values({
					id: 'dup-consent',
					student_id: kid.id,
					scope: 'classroom',
					method: 'paper',
					given_on: '2026-11-01',
					recorded_by: teacher.id,
					recorded_at: NOW,
					withdrawn_at: null
				})
				.execute()
		).rejects.toThrow();
	});

	it('withdrawing takes the child out of public at once; withdrawing twice is refused', async () => {
		const kid = classroom.students[0]!;
		await withdrawConsent(db, teacher, classroom.id, kid.id, NOW + 2);
		expect((await consentsForClassroom(db, teacher, classroom.id)).has(kid.id)).toBe(false);
		expect(await codeOf(withdrawConsent(db, teacher, classroom.id, kid.id, NOW + 3))).toBe(
			'consent.error.none'
		);
	});

	it('refuses bad input and changes nothing', async () => {
		const kid = classroom.students[1]!;
		const bad = [
			[{ scope: 'everyone', method: 'paper', givenOn: '2026-11-01' }, 'consent.error.scope'],
			[{ scope: 'classroom', method: 'pigeon', givenOn: '2026-11-01' }, 'consent.error.method'],
			[{ scope: 'classroom', method: 'paper', givenOn: '2030-01-01' }, 'consent.error.date'],
			[{ scope: 'classroom', method: 'paper', givenOn: 'yesterday' }, 'consent.error.date']
		] as const;
		for (const [input, code] of bad) {
			expect(await codeOf(recordConsent(db, teacher, classroom.id, kid.id, input, NOW))).toBe(code);
		}
		expect((await consentsForClassroom(db, teacher, classroom.id)).has(kid.id)).toBe(false);
	});

	it('another teacher cannot record or read consent for this class', async () => {
		const stranger = await addUser(db, 'teacher');
		const kid = classroom.students[1]!;
		expect(
			await codeOf(
				recordConsent(
					db,
					stranger,
					classroom.id,
					kid.id,
					{ scope: 'public_school', method: 'paper', givenOn: '2026-11-01' },
					NOW
				)
			)
		).toBe('classroom.error.notFound');
		expect(await codeOf(consentsForClassroom(db, stranger, classroom.id))).toBe(
			'classroom.error.notFound'
		);
		expect(
			await codeOf(
				recordConsent(
					db,
					teacher,
					classroom.id,
					'not-a-student',
					{ scope: 'classroom', method: 'paper', givenOn: '2026-11-01' },
					NOW
				)
			)
		).toBe('classroom.error.studentNotFound');
	});
});
