// Rows for integration tests, written straight through the repositories so a test pays for
// argon2 only when it signs in with a password (`hashPassword` is deliberately slow).
import type { SessionUser } from '../../../src/lib/server/auth/session.ts';
import type { ContestInput } from '../../../src/lib/server/contests/contest.service.ts';
import {
	insertClassroom,
	insertStudents
} from '../../../src/lib/server/classrooms/classroom.repository.ts';
import { newClassCode, newPicturePassword } from '../../../src/lib/server/classrooms/roster.ts';
import type { Db } from '../../../src/lib/server/db/database.ts';
import type { EntryTable, Role, SecretKind } from '../../../src/lib/server/db/schema.ts';
import { newId } from '../../../src/lib/server/ids.ts';
import { insertSchool } from '../../../src/lib/server/schools/school.repository.ts';
import { insertUser } from '../../../src/lib/server/users/user.repository.ts';

/** Not a valid argon2 hash: verifying any password against it fails. */
export const NO_PASSWORD = 'no-password';

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export async function addUser(
	db: Db,
	role: Role,
	options: { isAdmin?: boolean; email?: string; passwordHash?: string } = {}
): Promise<SessionUser> {
	const id = newId();
	const email = options.email ?? `${role}-${unique()}@school.test`;
	const isAdmin = options.isAdmin ?? false;
	const displayName = `${role} ${email}`;
	await insertUser(db, {
		id,
		email,
		displayName,
		role,
		isAdmin,
		passwordHash: options.passwordHash ?? NO_PASSWORD
	});
	return { id, email, displayName, role, isAdmin };
}

export async function addSchool(db: Db, name = '绿苗希望小学'): Promise<string> {
	const id = newId();
	await insertSchool(db, { id, name, city: '大理' });
	return id;
}

export interface TestStudent {
	id: string;
	pseudonym: string;
	secret: string;
	secretKind: SecretKind;
}

export interface TestClassroom {
	id: string;
	code: string;
	students: TestStudent[];
}

/** A classroom with `size` children, each with their own picture password. */
export async function addClassroom(
	db: Db,
	teacherId: string,
	schoolId: string,
	size: number
): Promise<TestClassroom> {
	const id = newId();
	let code = newClassCode();
	// Codes are unique across the database; a random clash between test classes is possible.
	while (await db.selectFrom('classroom').select('id').where('code', '=', code).executeTakeFirst())
		code = newClassCode();
	await insertClassroom(db, { id, schoolId, teacherId, name: `Class ${code}`, code });
	const students = Array.from({ length: size }, (_, i) => ({
		id: newId(),
		pseudonym: `Kid ${i + 1}`,
		secret: newPicturePassword(),
		secretKind: 'picture' as const
	}));
	await insertStudents(
		db,
		students.map((s, i) => ({
			id: s.id,
			classroomId: id,
			firstName: `Kid${i + 1}`,
			pseudonym: s.pseudonym,
			avatar: `leaf-green`,
			secretKind: s.secretKind,
			secret: s.secret
		}))
	);
	return { id, code, students };
}

/** A picture password that is certainly not `secret`. */
export function wrongSecret(secret: string, n = 0): string {
	const pictures = ['leaf', 'tree', 'flower', 'sun', 'cloud', 'drop', 'fish', 'bird'];
	for (let i = n; ; i++) {
		const guess = [pictures[i % 8], pictures[(i >> 3) % 8], pictures[(i >> 6) % 8]].join('-');
		if (guess !== secret) return guess;
	}
}

export async function countRows(
	db: Db,
	table: 'app_user' | 'session' | 'student' | 'classroom' | 'audit_log' | 'auth_failure' | 'school'
): Promise<number> {
	const row = await db
		.selectFrom(table)
		.select((eb) => eb.fn.countAll<number | string>().as('n'))
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

/** The contest form as an organizer fills it in (a draft from Nov 1 to Dec 31, Shanghai time). */
export function contestInput(over: Partial<ContestInput> = {}): ContestInput {
	return {
		title: { 'zh-CN': '我的绿色生活', en: 'My life in green', fr: '' },
		theme: { 'zh-CN': '节约用水', en: '', fr: '' },
		brief: { 'zh-CN': '画出你身边的绿色。', en: '', fr: '' },
		rules: { 'zh-CN': '每人一幅。', en: '', fr: '' },
		ageBands: '6-8\n9-11 Middle',
		schoolIds: [],
		timeZone: 'Asia/Shanghai',
		opensAt: '2026-11-01T08:00',
		closesAt: '2026-12-31T18:00',
		entriesPerChild: '1',
		boardSize: 'landscape',
		allowStudio: true,
		allowUpload: false,
		...over
	};
}

/** Writes an entry row straight into the table: a child's entry in `status`, no picture yet. */
export async function addEntryRow(
	db: Db,
	row: Pick<EntryTable, 'contest_id' | 'student_id' | 'status'> & Partial<EntryTable>,
	now = Date.now()
): Promise<string> {
	const id = row.id ?? newId();
	await db
		.insertInto('entry')
		.values({
			age_band_id: null,
			age: 7,
			source: 'upload',
			drawing_id: null,
			title: 'My river',
			about: '',
			status_message: null,
			idempotency_key: newId(),
			payload_hash: 'x',
			original_key: null,
			media_prefix: null,
			media: null,
			submitted_by: null,
			reviewed_by: null,
			reviewed_at: null,
			created_at: now,
			updated_at: now,
			...row,
			id
		})
		.execute();
	return id;
}
