// A large public exhibition for the gallery bench: one contest, two bands, 10,000 approved
// entries (one child each, 90 % with public consent, a third of those naming the school), the
// jury's awards, handles, all sharing a handful of real rendition sets. Works on both dialects.
import type { Db } from '../../src/lib/server/db/database.ts';
import { newHandle } from '../../src/lib/server/exhibition/exhibition.repository.ts';
import { newId } from '../../src/lib/server/ids.ts';

export const BENCH_SLUG = 'bench-gallery';

async function insertChunks<T>(rows: T[], write: (chunk: T[]) => Promise<unknown>, size = 500) {
	for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
}

export async function seedLargeExhibition(
	db: Db,
	media: string[],
	count: number,
	now = Date.now()
): Promise<{ contestId: string; handles: string[] }> {
	const contestId = newId();
	const schoolIds = [newId(), newId(), newId()];
	const teacherId = newId();
	await db
		.insertInto('app_user')
		.values({
			id: teacherId,
			email: `bench-${teacherId}@sprout.test`,
			display_name: 'Bench teacher',
			role: 'teacher',
			is_admin: 0,
			password_hash: 'no-password',
			locale: null,
			disabled_at: null,
			created_at: now
		})
		.execute();
	await db
		.insertInto('school')
		.values(
			schoolIds.map((id, i) => ({ id, name: `Bench school ${i + 1}`, city: '', created_at: now }))
		)
		.execute();
	const classroomIds = schoolIds.map(() => newId());
	await db
		.insertInto('classroom')
		.values(
			classroomIds.map((id, i) => ({
				id,
				school_id: schoolIds[i]!,
				teacher_id: teacherId,
				name: `Bench class ${i + 1}`,
				code: `B${newId().slice(0, 7).toUpperCase()}`,
				created_at: now,
				archived_at: null
			}))
		)
		.execute();
	await db
		.insertInto('contest')
		.values({
			id: contestId,
			status: 'exhibited',
			title: JSON.stringify({ 'zh-CN': '万幅作品展', en: 'Ten thousand artworks' }),
			theme: '{}',
			brief: '{}',
			rules: '{}',
			time_zone: 'Asia/Shanghai',
			opens_at: now - 90 * 86_400_000,
			closes_at: now - 60 * 86_400_000,
			entries_per_child: 1,
			board_orientation: 'landscape',
			board_width: 1600,
			board_height: 1200,
			allow_studio: 1,
			allow_upload: 1,
			created_by: null,
			created_at: now,
			updated_at: now
		})
		.execute();
	const bands = [newId(), newId()];
	await db
		.insertInto('contest_age_band')
		.values(
			bands.map((id, i) => ({
				id,
				contest_id: contestId,
				label: i ? '9–11' : '6–8',
				min_age: i ? 9 : 6,
				max_age: i ? 11 : 8,
				position: i
			}))
		)
		.execute();

	const students = [];
	const consents = [];
	const entries = [];
	const handles = [];
	for (let i = 0; i < count; i++) {
		const studentId = newId();
		const entryId = newId();
		students.push({
			id: studentId,
			classroom_id: classroomIds[i % classroomIds.length]!,
			first_name: `Bench${i}`,
			pseudonym: `Star ${i + 1}`,
			avatar: 'leaf-green',
			secret_kind: 'pin' as const,
			secret: String(1000 + (i % 9000)),
			created_at: now
		});
		if (i % 10 !== 9)
			consents.push({
				id: newId(),
				student_id: studentId,
				scope: i % 3 === 0 ? ('public_school' as const) : ('public_pseudonym' as const),
				method: 'paper' as const,
				given_on: '2026-09-01',
				recorded_by: null,
				recorded_at: now,
				withdrawn_at: null
			});
		const at = now - 70 * 86_400_000 + i * 60_000;
		const picture = media[i % media.length]!;
		entries.push({
			id: entryId,
			contest_id: contestId,
			student_id: studentId,
			age_band_id: bands[i % 2]!,
			age: i % 2 ? 10 : 7,
			source: 'upload' as const,
			drawing_id: null,
			title: `Artwork ${i + 1}`,
			about: 'A green city with trees on every roof.',
			status: 'approved' as const,
			status_message: null,
			idempotency_key: newId(),
			payload_hash: 'bench',
			original_key: null,
			media_prefix: (JSON.parse(picture) as { keyPrefix: string }).keyPrefix,
			media: picture,
			submitted_by: null,
			reviewed_by: teacherId,
			reviewed_at: at,
			created_at: at,
			updated_at: at
		});
		const handle = newHandle();
		handles.push({
			entry_id: entryId,
			contest_id: contestId,
			handle,
			description: null,
			description_by: null,
			description_at: null,
			hidden_at: null,
			hidden_reason: null,
			hidden_by: null,
			created_at: now
		});
	}
	await insertChunks(students, (c) => db.insertInto('student').values(c).execute());
	await insertChunks(consents, (c) => db.insertInto('guardian_consent').values(c).execute());
	await insertChunks(entries, (c) => db.insertInto('entry').values(c).execute(), 200);
	await insertChunks(handles, (c) => db.insertInto('exhibition_entry').values(c).execute());
	// Six awards per band, on public works.
	const awards = [];
	for (const [b, band] of bands.entries()) {
		const winners = entries.filter((e, i) => e.age_band_id === band && i % 10 !== 9).slice(0, 6);
		for (const [k, e] of winners.entries())
			awards.push({
				id: newId(),
				contest_id: contestId,
				age_band_id: bands[b]!,
				entry_id: e.id,
				kind: (['gold', 'silver', 'bronze', 'honourable', 'honourable', 'honourable'] as const)[k]!,
				label: '{}',
				position: k + 1,
				overridden_reason: null,
				created_at: now,
				updated_at: now
			});
	}
	await db.insertInto('award').values(awards).execute();
	await db
		.insertInto('exhibition')
		.values({
			contest_id: contestId,
			slug: BENCH_SLUG,
			intro: JSON.stringify({ 'zh-CN': '一万幅孩子们的画。' }),
			cover_entry_id: awards[0]!.entry_id,
			published_at: now,
			published_by: null,
			created_at: now,
			updated_at: now
		})
		.execute();
	return { contestId, handles: handles.map((h) => h.handle) };
}
