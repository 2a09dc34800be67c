/**
 * Demo: a contest already in judging, so a newcomer can judge at once. About forty children in
 * two schools and two age bands each "drew" a picture: a seeded script writes a real stroke
 * document (kept as the child's studio drawing, so the replay works), renders it to PNG, and
 * sends the PNG through the same pipeline as any upload (renditions, content-addressed keys).
 * Then one rubric round, three judges with known passwords, assigned and open.
 *
 *   await seedJudgingDemo({ db, store })            // idempotent: a second call changes nothing
 */
import { encodeRgbaPng } from '../media/image.ts';
import { hashPassword } from '../auth/password.ts';
import type { SessionUser } from '../auth/session.ts';
import {
	insertClassroom,
	insertStudents,
	listSchoolIdsOfTeacherClasses
} from '../classrooms/classroom.repository.ts';
import { newClassCode } from '../classrooms/roster.ts';
import { findContest, setContestStatus } from '../contests/contest.repository.ts';
import { epochToLocal } from '../contests/time-zone.ts';
import { contestExists, seedPastContest } from './past-contest.ts';
import type { Db } from '../db/database.ts';
import { DOCUMENT_VERSION, type DrawDocument, type StrokeOp } from '../../draw/document.ts';
import { studentDrawingsPrefix } from '../storage/keys.ts';
import { uploadKey } from '../entries/submission.service.ts';
import { newId } from '../ids.ts';
import { deleteJudgingOfContest } from '../judging/judging.repository.ts';
import { createRandom } from '../judging/random.ts';
import {
	addJudgeAccount,
	assignRound,
	createRubricRound,
	openRound
} from '../judging/round.service.ts';
import { processUpload } from '../media/media.service.ts';
import { insertSchool } from '../schools/school.repository.ts';
import {
	listSchoolsOfTeacher,
	replaceSchoolsOfTeacher
} from '../schools/teacher-school.repository.ts';
import type { ObjectStore } from '../storage/object-store.ts';
import { findUserByEmail, insertUser } from '../users/user.repository.ts';

/** Fixed id: how the seed recognises that it already ran. */
export const DEMO_JUDGING_CONTEST_ID = 'demojudgingcontest';

export const DEMO_JUDGES = [
	{ email: 'judge@sprout.test', password: 'sprout-judge-2026', name: 'Claire Martin' },
	{ email: 'judge2@sprout.test', password: 'sprout-judge2-2026', name: '张伟 Zhang Wei' },
	{ email: 'judge3@sprout.test', password: 'sprout-judge3-2026', name: 'Amina Diallo' }
] as const;

/** The two schools' teachers: each leads one class and approved its entries. */
export const DEMO_JUDGING_TEACHERS = [
	{
		email: 'teacher.dongshan@sprout.test',
		password: 'sprout-teacher-dongshan-2026',
		name: '赵老师 Zhao Min'
	},
	{
		email: 'teacher.xihu@sprout.test',
		password: 'sprout-teacher-xihu-2026',
		name: '陈老师 Chen Jing'
	}
] as const;

const ORGANIZER_EMAIL = 'organizer@sprout.test';
const NAMES = ['小雨', '天天', '乐乐', '朵朵', '豆豆', '安安', '果果', '星星', 'Léo', 'Maya'];
const TITLES = [
	['我家门前的大树', '我爱种花', '小河变清了', '太阳和小鸟', '一起去植树', '节约每一滴水'],
	['绿色的城市', '森林里的家', '骑车去上学', '屋顶上的菜园', '会唱歌的风车', '干净的海滩']
];
const PALETTES = [
	['#2e7d32', '#66bb6a', '#8d6e63', '#fdd835', '#42a5f5', '#ef5350'],
	['#1b5e20', '#9ccc65', '#6d4c41', '#ffb300', '#29b6f6', '#ec407a'],
	['#388e3c', '#aed581', '#795548', '#ffca28', '#5c6bc0', '#ff7043']
];

/**
 * A child's picture as strokes: ground, a sun with rays, a tree or two, flowers, clouds, and a
 * wobbly hand — every point carries pressure and time like the studio records them.
 */
export function demoDocument(seed: number): DrawDocument {
	const next = createRandom(seed * 7919 + 13);
	const palette = PALETTES[seed % PALETTES.length]!;
	const [green, light, brown, yellow, blue, accent] = palette as [
		string,
		string,
		string,
		string,
		string,
		string
	];
	const width = 1600;
	const height = 1200;
	const ops: StrokeOp[] = [];
	let clock = 0;
	const stroke = (
		points: [number, number][],
		color: string,
		size: number,
		tool: StrokeOp['tool'] = 'brush'
	) => {
		const flat: number[] = [];
		for (const [x, y] of points) {
			clock += 16;
			flat.push(
				Math.round((x + (next() - 0.5) * 4) * 10) / 10,
				Math.round((y + (next() - 0.5) * 4) * 10) / 10,
				0.4 + next() * 0.4,
				clock
			);
		}
		ops.push({
			type: 'stroke',
			id: `d${seed.toString(36)}s${ops.length}`,
			tool,
			color,
			size,
			opacity: 1,
			points: flat
		});
		clock += 200;
	};
	const circle = (cx: number, cy: number, r: number, turns = 1, n = 40) =>
		Array.from({ length: Math.round(n * turns) + 1 }, (_, i) => {
			const a = (i / n) * Math.PI * 2;
			const rr = r * (1 + (next() - 0.5) * 0.08);
			return [cx + Math.cos(a) * rr, cy + Math.sin(a) * rr] as [number, number];
		});
	const horizon = 820 + next() * 120;
	// Sky and ground first, as children do.
	for (let row = 0; row < 5; row++)
		stroke(
			Array.from(
				{ length: 30 },
				(_, i) => [i * 56, horizon + row * 70 + Math.sin(i / 3 + row) * 12] as [number, number]
			),
			row === 0 ? green : light,
			34,
			'crayon'
		);
	const sunX = 200 + next() * 1200;
	const sunR = 70 + next() * 40;
	stroke(circle(sunX, 170, sunR, 2.2), yellow, 22, 'marker');
	for (let i = 0; i < 9; i++) {
		const a = (i / 9) * Math.PI * 2;
		stroke(
			[
				[sunX + Math.cos(a) * (sunR + 20), 170 + Math.sin(a) * (sunR + 20)],
				[sunX + Math.cos(a) * (sunR + 70), 170 + Math.sin(a) * (sunR + 70)]
			],
			yellow,
			12
		);
	}
	for (let c = 0; c < 1 + Math.floor(next() * 3); c++) {
		const cx = 150 + next() * 1300;
		const cy = 120 + next() * 200;
		stroke(
			circle(cx, cy, 50, 1, 20).concat(circle(cx + 60, cy - 10, 60, 1, 20)),
			blue,
			10,
			'pencil'
		);
	}
	const trees = 1 + Math.floor(next() * 3);
	for (let t = 0; t < trees; t++) {
		const x = 200 + ((t + next()) / trees) * 1150;
		const h = 260 + next() * 200;
		for (let k = -1; k <= 1; k++)
			stroke(
				[
					[x + k * 14, horizon + 30],
					[x + k * 10, horizon - h * 0.55]
				],
				brown,
				18
			);
		const crown = 110 + next() * 50;
		// Coloured in ring by ring, the way a child fills a shape.
		for (const k of [1, 0.72, 0.45, 0.2])
			stroke(
				circle(x, horizon - h * 0.75, crown * k, 1.05, 28),
				k === 1 ? green : light,
				30,
				'crayon'
			);
		for (let f = 0; f < 4; f++)
			stroke(
				circle(x + (next() - 0.5) * 160, horizon - h * 0.75 + (next() - 0.5) * 120, 10, 1, 8),
				accent,
				14
			);
	}
	for (let f = 0; f < 4 + Math.floor(next() * 6); f++) {
		const x = 60 + next() * 1480;
		const y = horizon + 90 + next() * 180;
		stroke(
			[
				[x, y],
				[x + (next() - 0.5) * 20, y - 70]
			],
			green,
			8,
			'pencil'
		);
		stroke(circle(x, y - 85, 18, 1.5, 12), f % 2 ? accent : yellow, 16, 'marker');
	}
	return { version: DOCUMENT_VERSION, width, height, background: '#fffdf6', ops };
}

/**
 * Paints the document's strokes into raw RGBA pixels (round brush stamped along each segment) and
 * encodes a PNG through the one image module. Not SVG: the app's sharp refuses to load SVG.
 */
export async function renderPng(doc: DrawDocument, scale: number): Promise<Buffer> {
	const width = Math.round(doc.width * scale);
	const height = Math.round(doc.height * scale);
	const pixels = new Uint8ClampedArray(width * height * 4).fill(255);
	const hex = (color: string) => [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16) || 0);
	const [br, bg, bb] = hex(doc.background);
	for (let i = 0; i < width * height; i++) {
		pixels[i * 4] = br!;
		pixels[i * 4 + 1] = bg!;
		pixels[i * 4 + 2] = bb!;
	}
	for (const op of doc.ops) {
		if (op.type !== 'stroke') continue;
		const [r, g, b] = hex(op.color) as [number, number, number];
		const radius = Math.max(1, (op.size * scale) / 2);
		const dab = (cx: number, cy: number) => {
			const x0 = Math.max(0, Math.floor(cx - radius));
			const x1 = Math.min(width - 1, Math.ceil(cx + radius));
			const y0 = Math.max(0, Math.floor(cy - radius));
			const y1 = Math.min(height - 1, Math.ceil(cy + radius));
			for (let y = y0; y <= y1; y++)
				for (let x = x0; x <= x1; x++) {
					if ((x - cx) ** 2 + (y - cy) ** 2 > radius * radius) continue;
					const at = (y * width + x) * 4;
					pixels[at] = r;
					pixels[at + 1] = g;
					pixels[at + 2] = b;
				}
		};
		const p = op.points;
		for (let i = 0; i + 5 < p.length; i += 4) {
			const ax = p[i]! * scale;
			const ay = p[i + 1]! * scale;
			const bx = p[i + 4]! * scale;
			const by = p[i + 5]! * scale;
			const steps = Math.max(1, Math.ceil(Math.hypot(bx - ax, by - ay) / (radius / 2)));
			for (let k = 0; k <= steps; k++)
				dab(ax + ((bx - ax) * k) / steps, ay + ((by - ay) * k) / steps);
		}
	}
	return encodeRgbaPng({ data: pixels, width, height });
}

/**
 * One child's drawn, approved entry: the stroke document kept as their studio drawing (so the
 * replay works), its PNG sent through the real pipeline (renditions, content-addressed keys).
 */
export async function addDrawnEntry(
	deps: { db: Db; store: ObjectStore },
	e: {
		contestId: string;
		studentId: string;
		ageBandId: string;
		age: number;
		seed: number;
		title: string;
		about: string;
		reviewedBy: string;
		at: number;
	}
): Promise<string> {
	const { db, store } = deps;
	const doc = demoDocument(e.seed);
	const json = JSON.stringify(doc);
	const drawingId = newId();
	const entryId = newId();
	const docKey = `${studentDrawingsPrefix(e.studentId)}${drawingId}/r1-demo.json`;
	await store.put(docKey, Buffer.from(json), {
		contentType: 'application/json',
		contentLength: Buffer.byteLength(json)
	});
	const png = await renderPng(doc, 0.625);
	const original = uploadKey(entryId);
	await store.put(original, png, { contentType: 'image/png', contentLength: png.length });
	const media = await processUpload(store, original);
	await store.delete(original).catch(() => {});
	await db
		.insertInto('drawing')
		.values({
			id: drawingId,
			student_id: e.studentId,
			title: e.title,
			width: doc.width,
			height: doc.height,
			op_count: doc.ops.length,
			revision: 1,
			doc_key: docKey,
			doc_bytes: Buffer.byteLength(json),
			thumb_key: null,
			created_at: e.at,
			updated_at: e.at
		})
		.execute();
	await db
		.insertInto('entry')
		.values({
			id: entryId,
			contest_id: e.contestId,
			student_id: e.studentId,
			age_band_id: e.ageBandId,
			age: e.age,
			source: 'studio',
			drawing_id: drawingId,
			title: e.title,
			about: e.about,
			status: 'approved',
			status_message: null,
			idempotency_key: newId(),
			payload_hash: 'demo',
			original_key: media.variants.find((v) => v.name === 'original')?.key ?? null,
			media_prefix: media.keyPrefix,
			media: JSON.stringify(media),
			submitted_by: null,
			reviewed_by: e.reviewedBy,
			reviewed_at: e.at + 3_600_000,
			created_at: e.at,
			updated_at: e.at
		})
		.execute();
	return entryId;
}

async function ensureAdult(
	db: Db,
	email: string,
	password: string,
	name: string,
	role: 'judge' | 'teacher'
): Promise<string> {
	const existing = await findUserByEmail(db, email);
	if (existing) return existing.id;
	const id = newId();
	await insertUser(db, {
		id,
		email,
		displayName: name,
		role,
		isAdmin: false,
		passwordHash: await hashPassword(password)
	});
	return id;
}

async function demoOrganizer(db: Db): Promise<SessionUser> {
	const organizer = await findUserByEmail(db, ORGANIZER_EMAIL);
	if (!organizer)
		throw new Error(
			`the judging demo needs the demo organizer (${ORGANIZER_EMAIL}): run the main seed first`
		);
	return {
		id: organizer.id,
		email: organizer.email,
		displayName: organizer.display_name,
		role: 'organizer',
		isAdmin: organizer.is_admin === 1
	};
}

/** The demo's open rubric round, staffed by the three demo judges; returns its id. */
async function seedDemoRound(db: Db, actor: SessionUser, now: number): Promise<string> {
	const judgeIds = [];
	for (const j of DEMO_JUDGES)
		judgeIds.push(await ensureAdult(db, j.email, j.password, j.name, 'judge'));
	const roundId = await createRubricRound(db, actor, DEMO_JUDGING_CONTEST_ID, {
		perEntry: '3',
		advanceKind: 'top_n',
		advanceValue: '5',
		disagreement: '1.5',
		scope: 'all',
		perBand: true,
		// A closing date two weeks out, so judges see "closes on …" (and can still save).
		closesAt: epochToLocal(now + 14 * 86_400_000, 'Asia/Shanghai')
	});
	for (const id of judgeIds) await addJudgeAccount(db, actor, DEMO_JUDGING_CONTEST_ID, roundId, id);
	await assignRound(db, actor, DEMO_JUDGING_CONTEST_ID, roundId);
	await openRound(db, actor, DEMO_JUDGING_CONTEST_ID, roundId);
	return roundId;
}

/**
 * Puts the judging demo back to its first day: every round, score and award of the demo contest
 * goes, and a fresh open round takes their place (the entries and judges stay). For anyone who
 * wants to judge the demo again, and for the browser tests' retry of their judging story.
 */
export async function restartJudgingDemo(db: Db): Promise<string | null> {
	const contest = await findContest(db, DEMO_JUDGING_CONTEST_ID);
	if (!contest) return null;
	const now = Date.now();
	// Published awards moved it on to 'results'.
	await setContestStatus(db, contest.id, contest.status, 'judging', now);
	await deleteJudgingOfContest(db, contest.id);
	return seedDemoRound(db, await demoOrganizer(db), now);
}

export interface SeedJudgingOptions {
	/** Approved entries to create (half per school, alternating bands). Default 40. */
	entries?: number;
}

export async function seedJudgingDemo(
	deps: { db: Db; store: ObjectStore },
	options: SeedJudgingOptions = {}
): Promise<{ created: boolean; contestId: string; roundId: string | null }> {
	const { db } = deps;
	if (await contestExists(db, DEMO_JUDGING_CONTEST_ID)) {
		await ensureTeachersAtClassSchools(db);
		return { created: false, contestId: DEMO_JUDGING_CONTEST_ID, roundId: null };
	}
	const actor = await demoOrganizer(db);
	const now = Date.now();
	const count = options.entries ?? 40;

	const schools = [
		{ id: newId(), name: '东山小学', city: '云南 昆明' },
		{ id: newId(), name: '西湖小学', city: '浙江 杭州' }
	];
	for (const s of schools) await insertSchool(db, s);
	const teachers = [];
	for (const t of DEMO_JUDGING_TEACHERS)
		teachers.push(await ensureAdult(db, t.email, t.password, t.name, 'teacher'));

	const bands = (
		await seedPastContest(
			db,
			{
				id: DEMO_JUDGING_CONTEST_ID,
				createdBy: actor.id,
				status: 'judging',
				title: {
					'zh-CN': '我心中的绿色家园',
					en: 'The green home I dream of',
					fr: 'La maison verte dont je rêve'
				},
				theme: {
					'zh-CN': '人与自然和谐相处',
					en: 'Living in harmony with nature',
					fr: 'Vivre en harmonie avec la nature'
				},
				brief: '画出你心中的绿色家园。',
				rules: '每人一幅作品。',
				openedDaysAgo: 30,
				closedDaysAgo: 2,
				bandLabels: ['6–8 岁', '9–11 岁'],
				schoolIds: schools.map((s) => s.id)
			},
			now
		)
	).map((b) => b.id);

	for (const [s, school] of schools.entries()) {
		const classroomId = newId();
		await insertClassroom(db, {
			id: classroomId,
			schoolId: school.id,
			teacherId: teachers[s]!,
			name: s ? '三年级一班' : '五年级三班',
			code: newClassCode()
		});
		const size = Math.ceil(count / 2) - (s === 1 && count % 2 ? 1 : 0);
		const students = Array.from({ length: size }, (_, i) => ({
			id: newId(),
			classroomId,
			firstName: NAMES[(i + s * 3) % NAMES.length]!,
			pseudonym: `${NAMES[(i + s * 3) % NAMES.length]} ${s * 50 + i + 1}`,
			avatar: 'leaf-green',
			secretKind: 'pin' as const,
			secret: String(1000 + s * 100 + i)
		}));
		await insertStudents(db, students);
		for (const [i, student] of students.entries()) {
			const seed = s * 100 + i;
			const band = i % 2;
			await addDrawnEntry(deps, {
				contestId: DEMO_JUDGING_CONTEST_ID,
				studentId: student.id,
				ageBandId: bands[band]!,
				age: band ? 9 + (i % 3) : 6 + (i % 3),
				seed,
				title: TITLES[band]![(i >> 1) % TITLES[band]!.length]!,
				about: band ? '我希望我们的城市到处都是树和花。' : '我和爸爸妈妈一起种了一棵树。',
				reviewedBy: teachers[s]!,
				at: now - 10 * 86_400_000 + seed * 60_000
			});
		}
	}

	await ensureTeachersAtClassSchools(db);
	const roundId = await seedDemoRound(db, actor, now);
	return { created: true, contestId: DEMO_JUDGING_CONTEST_ID, roundId };
}

/**
 * The demo teachers work at the schools of the classes they lead, as a real teacher does: their
 * class pages and the organizer's lists of teachers and schools then read true. Adds only what is
 * missing, so it also mends a demo database seeded before they had a school, and changes nothing
 * the second time.
 */
async function ensureTeachersAtClassSchools(db: Db): Promise<void> {
	for (const t of DEMO_JUDGING_TEACHERS) {
		const teacher = await findUserByEmail(db, t.email);
		if (!teacher) continue;
		const current = (await listSchoolsOfTeacher(db, teacher.id)).map((s) => s.id);
		const missing = (await listSchoolIdsOfTeacherClasses(db, teacher.id)).filter(
			(id) => !current.includes(id)
		);
		if (missing.length > 0) await replaceSchoolsOfTeacher(db, teacher.id, [...current, ...missing]);
	}
}
