/**
 * Demo: a past contest whose exhibition is published, so `/` shows a real exhibition at once.
 * Children in one school and two age bands "drew" pictures (the judging demo's seeded stroke
 * documents, rendered and sent through the real image pipeline), guardians gave every kind of
 * consent, the jury's awards are in, and the organizer wrote an introduction and picked a cover.
 *
 * Real first names, the class and the teacher are chosen so they cannot be mistaken for a
 * pseudonym or a title: the e2e crawler looks for them on every public page.
 *
 *   await seedExhibitionDemo({ db, store })   // idempotent: a second call changes nothing
 */
import { insertClassroom, insertStudents } from '../classrooms/classroom.repository.ts';
import { newClassCode } from '../classrooms/roster.ts';
import type { Db } from '../db/database.ts';
import type { AwardKind, ConsentScope } from '../db/schema.ts';
import {
	ensureHandles,
	insertExhibition,
	updateExhibition
} from '../exhibition/exhibition.repository.ts';
import { newId } from '../ids.ts';
import { insertSchool } from '../schools/school.repository.ts';
import type { ObjectStore } from '../storage/object-store.ts';
import { findUserByEmail, insertUser } from '../users/user.repository.ts';
import { contestExists, seedPastContest } from './past-contest.ts';
import { addDrawnEntry } from './seed-judging.ts';

export const DEMO_EXHIBITION_CONTEST_ID = 'demoexhibitioncontest';
export const DEMO_EXHIBITION_SLUG = 'blue-planet-2026';

/** Private facts the public must never see (the e2e crawler asserts it). */
export const DEMO_EXHIBITION_PRIVATE = {
	firstNames: ['祝晓梅', '欧阳子涵', '司马浩然', '诸葛欣怡', 'Ophélie', 'Gwendal'],
	classroom: '四年级七班（展览示范）',
	teacher: '端木老师 Duanmu Qing'
} as const;

const NICKNAMES = ['蓝鲸', '向日葵', '萤火虫', '小海豚', '蒲公英', '啄木鸟', '彩虹', '小松果'];
const TITLES = [
	['海边的日出', '小鱼回家了', '我的雨水桶', '一起捡垃圾', '花园里的蜜蜂', '风筝和大树'],
	['会发电的风车', '屋顶上的花园', '清清的小河', '骑车去上学', '森林音乐会', '地球在微笑']
];
const WORDS = [
	'我画的是我和朋友在海边。大海很蓝，我们要保护它。',
	'我们家用雨水浇花，妈妈说这样可以节约水。',
	'我希望城市里到处都有大树和小鸟。',
	''
];
/** Consent per child, cycling: most public, one only for the class, one never given. */
const CONSENTS: (ConsentScope | null)[] = [
	'public_school',
	'public_pseudonym',
	'public_pseudonym',
	'classroom',
	'public_school',
	null
];
const AWARDS: AwardKind[] = ['gold', 'silver', 'bronze', 'honourable'];

export async function seedExhibitionDemo(
	deps: { db: Db; store: ObjectStore },
	options: { entries?: number } = {}
): Promise<{ created: boolean; slug: string }> {
	const { db } = deps;
	if (await contestExists(db, DEMO_EXHIBITION_CONTEST_ID))
		return { created: false, slug: DEMO_EXHIBITION_SLUG };
	const organizer = await findUserByEmail(db, 'organizer@sprout.test');
	if (!organizer)
		throw new Error('the exhibition demo needs the demo organizer: run the main seed');
	const now = Date.now();
	const count = options.entries ?? 24;

	const schoolId = newId();
	await insertSchool(db, { id: schoolId, name: '南湖实验小学', city: '浙江 嘉兴' });
	const teacherId = newId();
	await insertUser(db, {
		id: teacherId,
		email: 'teacher.nanhu@sprout.test',
		displayName: DEMO_EXHIBITION_PRIVATE.teacher,
		role: 'teacher',
		isAdmin: false,
		// Not a valid hash: this demo teacher never signs in.
		passwordHash: 'no-password'
	});
	await db
		.insertInto('teacher_school')
		.values({ teacher_id: teacherId, school_id: schoolId })
		.execute();

	const bands = (
		await seedPastContest(
			db,
			{
				id: DEMO_EXHIBITION_CONTEST_ID,
				createdBy: organizer.id,
				status: 'exhibited',
				title: {
					'zh-CN': '蓝色星球，我们的家',
					en: 'Blue planet, our home',
					fr: 'Planète bleue, notre maison'
				},
				theme: {
					'zh-CN': '保护海洋和河流',
					en: 'Caring for seas and rivers',
					fr: 'Prendre soin des mers et des rivières'
				},
				brief: '画出你心中的蓝色星球。',
				rules: '每人一幅作品。',
				openedDaysAgo: 90,
				closedDaysAgo: 60,
				bandLabels: ['6–8', '9–11']
			},
			now
		)
	).map((b) => b.id);

	const classroomId = newId();
	await insertClassroom(db, {
		id: classroomId,
		schoolId,
		teacherId,
		name: DEMO_EXHIBITION_PRIVATE.classroom,
		code: newClassCode()
	});
	const students = Array.from({ length: count }, (_, i) => ({
		id: newId(),
		classroomId,
		firstName: DEMO_EXHIBITION_PRIVATE.firstNames[i % DEMO_EXHIBITION_PRIVATE.firstNames.length]!,
		pseudonym: `${NICKNAMES[i % NICKNAMES.length]} ${i + 1}`,
		avatar: 'leaf-green',
		secretKind: 'pin' as const,
		secret: String(3000 + i)
	}));
	await insertStudents(db, students);

	const awarded = new Map<number, string[]>();
	for (const [i, student] of students.entries()) {
		const band = i % 2;
		const consent = CONSENTS[i % CONSENTS.length];
		if (consent)
			await db
				.insertInto('guardian_consent')
				.values({
					id: newId(),
					student_id: student.id,
					scope: consent,
					method: 'paper',
					given_on: '2026-09-01',
					recorded_by: teacherId,
					recorded_at: now - 80 * 86_400_000,
					withdrawn_at: null
				})
				.execute();
		const entryId = await addDrawnEntry(deps, {
			contestId: DEMO_EXHIBITION_CONTEST_ID,
			studentId: student.id,
			ageBandId: bands[band]!,
			age: band ? 9 + (i % 3) : 6 + (i % 3),
			seed: 500 + i,
			title: TITLES[band]![(i >> 1) % TITLES[band]!.length]!,
			about: WORDS[i % WORDS.length]!,
			reviewedBy: teacherId,
			at: now - 70 * 86_400_000 + i * 3_600_000
		});
		// The first public works of each band win, so the winners are visible.
		const list = awarded.get(band) ?? [];
		if (consent && consent !== 'classroom' && list.length < AWARDS.length) {
			list.push(entryId);
			awarded.set(band, list);
		}
	}
	for (const [band, entryIds] of awarded)
		await db
			.insertInto('award')
			.values(
				entryIds.map((entryId, position) => ({
					id: newId(),
					contest_id: DEMO_EXHIBITION_CONTEST_ID,
					age_band_id: bands[band]!,
					entry_id: entryId,
					kind: AWARDS[position]!,
					label: '{}',
					position: position + 1,
					overridden_reason: null,
					created_at: now,
					updated_at: now
				}))
			)
			.execute();

	await insertExhibition(db, {
		contestId: DEMO_EXHIBITION_CONTEST_ID,
		slug: DEMO_EXHIBITION_SLUG,
		intro: JSON.stringify({
			'zh-CN': '孩子们用画笔守护大海和河流。这里展出的每一幅作品都得到了监护人的同意。',
			en: 'Children guard the seas and rivers with their brushes. Every artwork here is shown with parental consent.',
			fr: 'Les enfants protègent les mers et les rivières avec leurs pinceaux. Chaque œuvre est montrée avec l’autorisation des parents.'
		}),
		now
	});
	await ensureHandles(db, DEMO_EXHIBITION_CONTEST_ID, now);
	const cover = awarded.get(1)?.[0] ?? awarded.get(0)?.[0];
	await updateExhibition(
		db,
		DEMO_EXHIBITION_CONTEST_ID,
		{ published_at: now, published_by: organizer.id, cover_entry_id: cover ?? null },
		now
	);
	return { created: true, slug: DEMO_EXHIBITION_SLUG };
}
