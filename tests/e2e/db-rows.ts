// Rows written straight into the e2e database, for tests about something else than how they
// are made through the UI: children, signed-in sessions (as src/lib/server/auth/session.ts
// writes them), open contests. The server's own modules pull in its database code, which the
// test runner does not load, hence plain SQL here.
import type { BrowserContext } from '@playwright/test';
import Database from 'better-sqlite3';
import { createHash, randomInt } from 'node:crypto';
import { BASE_URL } from './helpers.ts';
import { E2E_DATABASE } from './demo-seed.ts';

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A random lower-case base32 string, like the app's ids and session tokens. */
export function base32(length: number): string {
	let out = '';
	for (let i = 0; i < length; i++) out += BASE32[randomInt(BASE32.length)];
	return out;
}

function withDatabase<T>(use: (db: Database.Database) => T): T {
	const db = new Database(E2E_DATABASE);
	db.pragma('busy_timeout = 5000');
	try {
		return use(db);
	} finally {
		db.close();
	}
}

/** A new child in the class with this join code; returns their id. */
export function addChild(classCode: string, pseudonym: string): string {
	return withDatabase((db) => {
		const classroom = db.prepare('select id from classroom where code = ?').get(classCode) as
			{ id: string } | undefined;
		if (!classroom) throw new Error(`no class ${classCode} in the e2e database`);
		const id = base32(16);
		db.prepare(
			`insert into student (id, classroom_id, first_name, pseudonym, avatar, secret_kind, secret, created_at)
			 values (?, ?, ?, ?, 'leaf-green', 'pin', ?, ?)`
		).run(
			id,
			classroom.id,
			`E2E ${pseudonym}`,
			pseudonym,
			String(1000 + randomInt(9000)),
			Date.now()
		);
		return id;
	});
}

/** The id of the child with this pseudonym in the class with this join code. */
export function childId(classCode: string, pseudonym: string): string {
	return withDatabase((db) => {
		const row = db
			.prepare(
				`select student.id from student join classroom on classroom.id = student.classroom_id
				 where classroom.code = ? and student.pseudonym = ?`
			)
			.get(classCode, pseudonym) as { id: string } | undefined;
		if (!row) throw new Error(`no child ${pseudonym} in class ${classCode}`);
		return row.id;
	});
}

/** Signs this browser context in as the child, with a fresh session row and cookie. */
export async function signInChildByDatabase(
	context: BrowserContext,
	studentId: string
): Promise<void> {
	const id = base32(16);
	const secret = base32(32);
	const now = Date.now();
	withDatabase((db) =>
		db
			.prepare(
				`insert into session (id, secret_hash, user_id, student_id, expires_at, absolute_expires_at, created_at)
				 values (?, ?, null, ?, ?, ?, ?)`
			)
			.run(
				id,
				createHash('sha256').update(secret).digest('hex'),
				studentId,
				now + HOUR,
				now + 2 * HOUR,
				now
			)
	);
	await context.addCookies([
		{
			name: 'sprout_session',
			value: `${id}.${secret}`,
			url: BASE_URL,
			httpOnly: true,
			sameSite: 'Lax'
		}
	]);
}

/**
 * An open contest taking artworks (opened yesterday, closing in 30 days) with the bands 6–8 and
 * 9–11, created by the demo organizer; what helpers.ts openContest makes through the pages.
 * Returns its id.
 */
export function addOpenContest(title: string, theme = '保护森林'): string {
	return withDatabase((db) => {
		const organizer = db
			.prepare('select id from app_user where email = ?')
			.get('organizer@sprout.test') as { id: string };
		const id = base32(16);
		const now = Date.now();
		db.prepare(
			`insert into contest (id, status, title, theme, brief, rules, time_zone, opens_at, closes_at,
			   entries_per_child, board_orientation, board_width, board_height, allow_studio, allow_upload,
			   created_by, created_at, updated_at)
			 values (?, 'open', ?, ?, '{}', '{}', 'Asia/Shanghai', ?, ?, 1, 'landscape', 1600, 1200, 1, 1, ?, ?, ?)`
		).run(
			id,
			JSON.stringify({ 'zh-CN': title }),
			JSON.stringify({ 'zh-CN': theme }),
			now - DAY,
			now + 30 * DAY,
			organizer.id,
			now,
			now
		);
		const band = db.prepare(
			'insert into contest_age_band (id, contest_id, label, min_age, max_age, position) values (?, ?, ?, ?, ?, ?)'
		);
		band.run(base32(16), id, '6–8', 6, 8, 0);
		band.run(base32(16), id, '9–11', 9, 11, 1);
		return id;
	});
}

/**
 * Puts every hidden work of this contest's exhibition back on show, as the organizer's "Show"
 * would: a retry of a test that hid one starts from the demo's full exhibition. The database's
 * triggers bump the public version, so the public pages recompute at once.
 */
export function showHiddenWorks(contestId: string): void {
	withDatabase((db) =>
		db
			.prepare(
				`update exhibition_entry set hidden_at = null, hidden_reason = null, hidden_by = null
				 where contest_id = ? and hidden_at is not null`
			)
			.run(contestId)
	);
}

/**
 * Leaves this teacher only the school of this name, as an admin unticking the others on
 * Admin → Users would: a retry of a test that gave them another school starts as the demo did.
 */
export function keepOnlySchool(teacherEmail: string, schoolName: string): void {
	withDatabase((db) =>
		db
			.prepare(
				`delete from teacher_school
				 where teacher_id = (select id from app_user where email = ?)
				   and school_id not in (select id from school where name = ?)`
			)
			.run(teacherEmail, schoolName)
	);
}
