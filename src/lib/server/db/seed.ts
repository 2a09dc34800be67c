import { hashPassword } from '../auth/password.ts';
import { insertClassroom, insertStudents } from '../classrooms/classroom.repository.ts';
import { replaceSchoolsOfTeacher } from '../schools/teacher-school.repository.ts';
import { newId } from '../ids.ts';
import { insertSchool } from '../schools/school.repository.ts';
import { findUserByEmail, insertUser } from '../users/user.repository.ts';
import type { Db } from './database.ts';
import type { Role, SecretKind } from './schema.ts';
import { padCells } from '../../text/columns.ts';

/** Fixed demo data: the README, the e2e tests and a first look at the app all use it. */
export const DEMO = {
	adults: [
		{
			email: 'organizer@sprout.test',
			password: 'sprout-organizer-2026',
			name: '王芳 Wang Fang',
			role: 'organizer' as Role,
			isAdmin: true
		},
		{
			email: 'teacher@sprout.test',
			password: 'sprout-teacher-2026',
			name: '李老师 Li Na',
			role: 'teacher' as Role,
			isAdmin: false
		},
		{
			email: 'judge@sprout.test',
			password: 'sprout-judge-2026',
			name: 'Claire Martin',
			role: 'judge' as Role,
			isAdmin: false
		}
	],
	school: { name: '绿苗希望小学', city: '云南 大理' },
	classroom: { name: '四年级二班', code: 'GREEN2' },
	students: [
		{
			firstName: '小明',
			pseudonym: '小明 7',
			avatar: 'fish-teal',
			kind: 'picture' as SecretKind,
			secret: 'leaf-sun-fish'
		},
		{
			firstName: '小红',
			pseudonym: '小红 12',
			avatar: 'flower-pink',
			kind: 'picture' as SecretKind,
			secret: 'tree-drop-bee'
		},
		{
			firstName: '阿杰',
			pseudonym: '阿杰 3',
			avatar: 'bike-blue',
			kind: 'picture' as SecretKind,
			secret: 'planet-planet-bird'
		},
		{
			firstName: 'Lina',
			pseudonym: 'Lina 21',
			avatar: 'bird-orange',
			kind: 'picture' as SecretKind,
			secret: 'cloud-leaf-recycle'
		},
		{
			firstName: 'Chloé',
			pseudonym: 'Chloé 5',
			avatar: 'bee-purple',
			kind: 'picture' as SecretKind,
			secret: 'sun-flower-tree'
		},
		{
			firstName: '美美',
			pseudonym: '美美 18',
			avatar: 'sun-green',
			kind: 'pin' as SecretKind,
			secret: '2468'
		}
	]
} as const;

/** Loads the demo data once; running it again changes nothing. */
export async function seedDemo(db: Db): Promise<{ created: boolean }> {
	if (await findUserByEmail(db, DEMO.adults[0].email)) return { created: false };
	const ids: Record<string, string> = {};
	for (const adult of DEMO.adults) {
		ids[adult.role] = newId();
		await insertUser(db, {
			id: ids[adult.role]!,
			email: adult.email,
			displayName: adult.name,
			role: adult.role,
			isAdmin: adult.isAdmin,
			passwordHash: await hashPassword(adult.password)
		});
	}
	const schoolId = newId();
	await insertSchool(db, { id: schoolId, ...DEMO.school });
	await replaceSchoolsOfTeacher(db, ids.teacher!, [schoolId]);
	const classroomId = newId();
	await insertClassroom(db, {
		id: classroomId,
		schoolId,
		teacherId: ids.teacher!,
		name: DEMO.classroom.name,
		code: DEMO.classroom.code
	});
	await insertStudents(
		db,
		DEMO.students.map((s) => ({
			id: newId(),
			classroomId,
			firstName: s.firstName,
			pseudonym: s.pseudonym,
			avatar: s.avatar,
			secretKind: s.kind,
			secret: s.secret
		}))
	);
	return { created: true };
}

export function describeDemo(origin: string): string {
	const lines = [
		'Demo sign-in details',
		'',
		...DEMO.adults.map((a) => `  ${a.role.padEnd(9)} ${a.email.padEnd(24)} ${a.password}`),
		'',
		`  Children: ${origin}/join  →  class code ${DEMO.classroom.code}`,
		...DEMO.students.map(
			(s) =>
				`    ${padCells(s.pseudonym, 10)} ${s.kind === 'pin' ? `PIN ${s.secret}` : `pictures ${s.secret}`}`
		)
	];
	return lines.join('\n');
}
