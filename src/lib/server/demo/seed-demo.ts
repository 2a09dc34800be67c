/**
 * The demo's contest and entries, on top of the accounts and class of `db/seed.ts`: an open
 * contest with entries in each state a teacher meets (waiting, approved with guardian consent,
 * returned), each drawn from a real stroke document saved as the child's drawing and sent
 * through the same submission and image pipeline as the studio. Idempotent: every step looks
 * for what an earlier run made (fixed drawing ids, fixed idempotency keys) before making it.
 *
 * To extend it (judging, the exhibition), add rows to DEMO_ENTRIES or a step after
 * `seedDemoContest` that starts from its result.
 */
import type { SessionStudent, SessionUser } from '../auth/session.ts';
import { findClassroomByCode, listStudentsForJoin } from '../classrooms/classroom.repository.ts';
import { consentsForClassroom, recordConsent } from '../consent/consent.service.ts';
import { createContest, transitionContest } from '../contests/contest.service.ts';
import { epochToLocal } from '../contests/time-zone.ts';
import { DEMO } from '../db/seed.ts';
import type { Db } from '../db/database.ts';
import { findDrawing } from '../drawings/drawing.repository.ts';
import { saveDrawing } from '../drawings/drawing.service.ts';
import { findEntryByKey } from '../entries/entry.repository.ts';
import { reviewEntry } from '../entries/review.service.ts';
import { ENTRY_PROCESS_JOB, entryJobHandler, submitEntry } from '../entries/submission.service.ts';
import { claimNext, complete } from '../jobs/queue.ts';
import { encodeRgbaPng } from '../media/image.ts';
import type { ObjectStore } from '../storage/object-store.ts';
import { findUserByEmail } from '../users/user.repository.ts';
import { drawScene, type DemoScene } from './demo-drawings.ts';
import { rasterizeDocument } from './rasterize.ts';

const DAY = 86_400_000;
const ZONE = 'Asia/Shanghai';

export const DEMO_CONTEST_TITLE = '我身边的绿色家园';

type Outcome =
	{ state: 'waiting' } | { state: 'approved' } | { state: 'returned'; message: string };

export interface DemoEntry {
	/** Pseudonym of a child of DEMO.students. */
	child: string;
	/** Fixed, so a second run finds the drawing instead of making another. */
	drawingId: string;
	title: string;
	about: string;
	age: number;
	scene: DemoScene;
	outcome: Outcome;
}

const HOUSE = { x: 980, w: 360, wall: '#ffcc80', roof: '#c62828' };

export const DEMO_ENTRIES: readonly DemoEntry[] = [
	{
		child: '小明 7',
		drawingId: 'demoxiaoming1',
		title: '我家门前的小河',
		about: '小河很干净，小鱼在游泳。',
		age: 9,
		scene: {
			sky: '#b3e5fc',
			sun: { x: 240, y: 200, r: 90 },
			house: HOUSE,
			trees: [600],
			river: true,
			flowers: 5
		},
		outcome: { state: 'approved' }
	},
	{
		child: '小红 12',
		drawingId: 'demoxiaohong1',
		title: '春天的花园',
		about: '我和妈妈一起种的花开了。',
		age: 10,
		scene: { sky: '#e1f5fe', sun: { x: 1350, y: 180, r: 80 }, trees: [300, 700], flowers: 12 },
		outcome: { state: 'approved' }
	},
	{
		child: 'Lina 21',
		drawingId: 'demolina00001',
		title: 'La maison verte',
		about: 'Une maison avec des arbres tout autour.',
		age: 9,
		scene: {
			sky: '#c8e6c9',
			sun: { x: 200, y: 160, r: 70 },
			house: { ...HOUSE, x: 600, wall: '#aed581' },
			trees: [250, 1300],
			flowers: 4
		},
		outcome: { state: 'approved' }
	},
	{
		child: '阿杰 3',
		drawingId: 'demoajie00001',
		title: '种树的一天',
		about: '我们在山坡上种了很多小树。',
		age: 11,
		scene: {
			sky: '#fff9c4',
			sun: { x: 800, y: 180, r: 100 },
			trees: [200, 500, 1100, 1400],
			flowers: 3
		},
		outcome: { state: 'waiting' }
	},
	{
		child: 'Lina 21',
		drawingId: 'demolina00002',
		title: 'Le soleil et la rivière',
		about: '',
		age: 9,
		scene: {
			sky: '#b2ebf2',
			sun: { x: 1300, y: 220, r: 110 },
			trees: [400],
			river: true,
			flowers: 6
		},
		outcome: { state: 'waiting' }
	},
	{
		child: '美美 18',
		drawingId: 'demomeimei001',
		title: '小房子和大太阳',
		about: '太阳照着我的小房子。',
		age: 8,
		scene: {
			sky: '#ffe0b2',
			sun: { x: 300, y: 240, r: 120 },
			house: { ...HOUSE, x: 800 },
			trees: [],
			flowers: 8
		},
		outcome: { state: 'waiting' }
	},
	{
		child: 'Chloé 5',
		drawingId: 'demochloe0001',
		title: 'Dessin',
		about: '',
		age: 10,
		scene: { sky: '#d1c4e9', sun: { x: 700, y: 200, r: 80 }, trees: [1200], flowers: 2 },
		outcome: {
			state: 'returned',
			message: '画得很好！请给作品起一个能说出画了什么的名字，再写一两句话介绍它。'
		}
	},
	{
		child: '阿杰 3',
		drawingId: 'demoajie00002',
		title: '房子',
		about: '',
		age: 11,
		scene: {
			sky: '#cfd8dc',
			sun: { x: 1400, y: 150, r: 60 },
			house: { ...HOUSE, x: 300 },
			trees: [900],
			flowers: 0
		},
		outcome: { state: 'returned', message: '天空可以再画完整一点，改好后再交给我。' }
	}
];

/** A demo adult as the services see them (organizer, teacher, judge). */
export async function adult(db: Db, email: string): Promise<SessionUser> {
	const row = await findUserByEmail(db, email);
	if (!row) throw new Error(`demo account ${email} is missing: run the demo seed first`);
	return {
		id: row.id,
		email: row.email,
		displayName: row.display_name,
		role: row.role,
		isAdmin: row.is_admin === 1
	};
}

/** The demo contest, found by its title or made (and opened) once. */
async function ensureContest(db: Db, organizer: SessionUser, schoolId: string, now: number) {
	const rows = await db.selectFrom('contest').select(['id', 'title', 'status']).execute();
	const found = rows.find((r) => JSON.parse(r.title)['zh-CN'] === DEMO_CONTEST_TITLE);
	if (found) return found.id;
	const created = await createContest(
		db,
		organizer,
		{
			title: {
				'zh-CN': DEMO_CONTEST_TITLE,
				en: 'The green home around me',
				fr: 'La maison verte autour de moi'
			},
			theme: {
				'zh-CN': '画出你身边的自然',
				en: 'Draw the nature around you',
				fr: 'Dessine la nature autour de toi'
			},
			brief: {
				'zh-CN': '用画笔告诉大家，你想怎样保护身边的绿色。',
				en: 'Show with your pencils how you want to protect the green around you.',
				fr: 'Montre avec tes crayons comment tu veux protéger la nature autour de toi.'
			},
			rules: {
				'zh-CN': '每人最多交两幅作品，必须是自己画的。',
				en: 'At most two artworks each, made by yourself.',
				fr: 'Deux dessins au plus par enfant, faits par toi-même.'
			},
			ageBands: '6-8 小苗组\n9-12 大树组',
			schoolIds: [schoolId],
			timeZone: ZONE,
			opensAt: epochToLocal(now - 2 * DAY, ZONE),
			closesAt: epochToLocal(now + 60 * DAY, ZONE),
			entriesPerChild: '2',
			boardSize: 'landscape',
			allowStudio: true,
			allowUpload: true
		},
		now
	);
	// Both throw a DomainError naming the refusal, which stops the demo with its message.
	await transitionContest(db, organizer, created, 'open', now);
	return created;
}

/** Runs the image jobs the submissions queued, here and now, so states are final at once. */
async function processQueuedEntries(deps: { db: Db; store: ObjectStore }): Promise<void> {
	const handler = entryJobHandler(deps);
	for (;;) {
		const job = await claimNext(deps.db, [ENTRY_PROCESS_JOB], 120_000);
		if (!job) return;
		const result = await handler(job.payload, { job, signal: new AbortController().signal });
		await complete(deps.db, job, result);
	}
}

export interface DemoContestResult {
	contestId: string;
	/** Entry ids by drawing id, in DEMO_ENTRIES order. */
	entries: Map<string, string>;
	createdEntries: number;
}

export async function seedDemoContest(
	deps: { db: Db; store: ObjectStore },
	now = Date.now()
): Promise<DemoContestResult> {
	const { db, store } = deps;
	const organizer = await adult(db, DEMO.adults[0].email);
	const teacher = await adult(db, DEMO.adults[1].email);
	const classroom = await findClassroomByCode(db, DEMO.classroom.code);
	if (!classroom) throw new Error('the demo class is missing: run the demo seed first');
	const classRow = await db
		.selectFrom('classroom')
		.select('school_id')
		.where('id', '=', classroom.id)
		.executeTakeFirstOrThrow();
	const contestId = await ensureContest(db, organizer, classRow.school_id, now);
	const children = new Map(
		(await listStudentsForJoin(db, classroom.id)).map((s) => [s.pseudonym, s])
	);

	const entries = new Map<string, string>();
	let createdEntries = 0;
	for (const [i, demo] of DEMO_ENTRIES.entries()) {
		const child = children.get(demo.child);
		if (!child) throw new Error(`demo child ${demo.child} is missing`);
		const student: SessionStudent = {
			id: child.id,
			classroomId: classroom.id,
			pseudonym: child.pseudonym,
			avatar: child.avatar
		};
		const doc = drawScene(demo.scene, i + 1);
		const pixels = rasterizeDocument(doc);
		if (!(await findDrawing(db, demo.drawingId))) {
			await saveDrawing(
				db,
				store,
				student,
				demo.drawingId,
				{
					baseRevision: null,
					title: demo.title,
					docText: JSON.stringify(doc),
					thumb: await encodeRgbaPng(pixels, { width: 320 })
				},
				now
			);
		}
		const key = `demo-seed-${demo.drawingId}`;
		const existing = await findEntryByKey(db, key);
		if (existing) {
			entries.set(demo.drawingId, existing.id);
			continue;
		}
		const png = await encodeRgbaPng(pixels);
		const { entry } = await submitEntry(
			{ db, store },
			{ kind: 'student', student },
			{
				contestId,
				age: demo.age,
				title: demo.title,
				about: demo.about,
				drawingId: demo.drawingId,
				idempotencyKey: key,
				image: png
			},
			now
		);
		entries.set(demo.drawingId, entry.id);
		createdEntries++;
	}
	await processQueuedEntries(deps);

	// Decisions and consent, each only once.
	const consents = await consentsForClassroom(db, teacher, classroom.id);
	for (const demo of DEMO_ENTRIES) {
		const entryId = entries.get(demo.drawingId)!;
		const child = children.get(demo.child)!;
		const row = await db
			.selectFrom('entry')
			.select('status')
			.where('id', '=', entryId)
			.executeTakeFirstOrThrow();
		if (demo.outcome.state === 'approved' && !consents.has(child.id)) {
			await recordConsent(
				db,
				teacher,
				classroom.id,
				child.id,
				{
					scope: 'public_pseudonym',
					method: 'paper',
					givenOn: epochToLocal(now - DAY, ZONE).slice(0, 10)
				},
				now
			);
			consents.set(child.id, { scope: 'public_pseudonym' } as never);
		}
		if (row.status !== 'waiting' || demo.outcome.state === 'waiting') continue;
		const decision = demo.outcome.state === 'approved' ? 'approve' : 'return';
		const message = demo.outcome.state === 'returned' ? demo.outcome.message : '';
		await reviewEntry(db, teacher, classroom.id, entryId, decision, message, now);
	}
	return { contestId, entries, createdEntries };
}
