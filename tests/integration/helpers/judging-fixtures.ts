// A contest in judging with approved entries from two schools and two age bands, plus judges:
// the ground every judging integration test (and the bench) stands on.
import type { SessionUser } from '../../../src/lib/server/auth/session.ts';
import {
	insertContest,
	listAgeBands,
	replaceAgeBands
} from '../../../src/lib/server/contests/contest.repository.ts';
import type { Db } from '../../../src/lib/server/db/database.ts';
import { newId } from '../../../src/lib/server/ids.ts';
import { addClassroom, addSchool, addUser } from './fixtures.ts';

export const MEDIA = JSON.stringify({
	keyPrefix: 'media/abc/',
	width: 1600,
	height: 1200,
	thumbhash: '',
	dominantColor: '#2e7d32',
	variants: [
		{
			name: 'display',
			key: 'media/abc/display.webp',
			width: 1600,
			height: 1200,
			contentType: 'image/webp',
			bytes: 10
		},
		{
			name: 'thumb',
			key: 'media/abc/thumb.webp',
			width: 400,
			height: 300,
			contentType: 'image/webp',
			bytes: 5
		}
	]
});

export interface JudgingWorld {
	organizer: SessionUser;
	contestId: string;
	bands: string[];
	schools: [string, string];
	teachers: [SessionUser, SessionUser];
	/** entry id → school id */
	entrySchool: Map<string, string>;
	entries: string[];
}

/** `perSchool` approved entries in each of two schools, alternating between the two bands. */
export async function addJudgingContest(
	db: Db,
	perSchool: number,
	now: number
): Promise<JudgingWorld> {
	const organizer = await addUser(db, 'organizer');
	const schools: [string, string] = [
		await addSchool(db, '东山小学'),
		await addSchool(db, '西湖小学')
	];
	const teachers: [SessionUser, SessionUser] = [
		await addUser(db, 'teacher'),
		await addUser(db, 'teacher')
	];
	const contestId = newId();
	await insertContest(db, {
		id: contestId,
		createdBy: null,
		now,
		values: {
			title: JSON.stringify({ 'zh-CN': '绿色家园', en: 'Green home' }),
			theme: '{}',
			brief: '{}',
			rules: '{}',
			timeZone: 'Asia/Shanghai',
			opensAt: now - 10 * 86_400_000,
			closesAt: now - 86_400_000,
			entriesPerChild: 1,
			boardWidth: 1600,
			boardHeight: 1200,
			allowStudio: true,
			allowUpload: true
		}
	});
	await db.updateTable('contest').set({ status: 'judging' }).where('id', '=', contestId).execute();
	await replaceAgeBands(db, contestId, [
		{ label: '6–8', minAge: 6, maxAge: 8 },
		{ label: '9–11', minAge: 9, maxAge: 11 }
	]);
	const bands = (await listAgeBands(db, [contestId])).map((b) => b.id);
	const entrySchool = new Map<string, string>();
	const entries: string[] = [];
	for (const [s, schoolId] of schools.entries()) {
		const teacher = teachers[s]!;
		const classroom = await addClassroom(db, teacher.id, schoolId, perSchool);
		for (const [i, student] of classroom.students.entries()) {
			const id = newId();
			const at = now - 5 * 86_400_000 + entries.length;
			await db
				.insertInto('entry')
				.values({
					id,
					contest_id: contestId,
					student_id: student.id,
					age_band_id: bands[i % 2]!,
					age: i % 2 ? 10 : 7,
					source: 'upload',
					drawing_id: null,
					title: `Tree ${entries.length + 1}`,
					about: 'A tree by the river',
					status: 'approved',
					status_message: null,
					idempotency_key: newId(),
					payload_hash: 'x',
					original_key: null,
					media_prefix: 'media/abc/',
					media: MEDIA,
					submitted_by: null,
					reviewed_by: teacher.id,
					reviewed_at: at,
					created_at: at,
					updated_at: at
				})
				.execute();
			entrySchool.set(id, schoolId);
			entries.push(id);
		}
	}
	return { organizer, contestId, bands, schools, teachers, entrySchool, entries };
}

export const ROUND_INPUT = {
	perEntry: '2',
	advanceKind: 'top_n',
	advanceValue: '2',
	disagreement: '1.5',
	scope: 'all',
	perBand: true
};
