// Signed-in browsers without going through the sign-in pages, for tests about something else:
// rows written straight into the e2e database the way src/lib/server/auth/session.ts writes
// them (its module pulls in the server's database code, which the test runner does not load).
import type { BrowserContext } from '@playwright/test';
import Database from 'better-sqlite3';
import { createHash, randomInt } from 'node:crypto';
import { BASE_URL } from './helpers.ts';
import { E2E_DATABASE } from './demo-seed.ts';

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';
const HOUR = 3_600_000;

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
