// A published exhibition over the judging world: consents of every kind, awards, handles.
import type { Db } from '../../../src/lib/server/db/database.ts';
import type { AwardKind, ConsentScope } from '../../../src/lib/server/db/schema.ts';
import {
	ensureHandles,
	insertExhibition,
	updateExhibition
} from '../../../src/lib/server/exhibition/exhibition.repository.ts';
import { newId } from '../../../src/lib/server/ids.ts';
import { addJudgingContest, type JudgingWorld } from './judging-fixtures.ts';

export interface ExhibitionWorld extends JudgingWorld {
	slug: string;
	/** entry id → consent scope in force (absent: none) */
	scopes: Map<string, ConsentScope>;
	/** entry id → handle */
	handles: Map<string, string>;
	/** entry id → student id */
	students: Map<string, string>;
}

/** Cycles consent over the entries: public_school, public_pseudonym, classroom, none. */
const CYCLE: (ConsentScope | null)[] = ['public_school', 'public_pseudonym', 'classroom', null];

export async function addConsent(db: Db, studentId: string, scope: ConsentScope, now: number) {
	await db
		.insertInto('guardian_consent')
		.values({
			id: newId(),
			student_id: studentId,
			scope,
			method: 'paper',
			given_on: '2026-11-01',
			recorded_by: null,
			recorded_at: now,
			withdrawn_at: null
		})
		.execute();
}

/** A jury award on an entry of the contest. */
export async function addAward(
	db: Db,
	award: { contestId: string; bandId: string; entryId: string; kind: AwardKind; position: number },
	now: number
) {
	await db
		.insertInto('award')
		.values({
			id: newId(),
			contest_id: award.contestId,
			age_band_id: award.bandId,
			entry_id: award.entryId,
			kind: award.kind,
			label: '{}',
			position: award.position,
			overridden_reason: null,
			created_at: now,
			updated_at: now
		})
		.execute();
}

export async function addExhibition(
	db: Db,
	perSchool: number,
	now: number,
	slug = `green-${newId().slice(0, 6)}`
): Promise<ExhibitionWorld> {
	const world = await addJudgingContest(db, perSchool, now);
	const scopes = new Map<string, ConsentScope>();
	const students = new Map<string, string>();
	const rows = await db
		.selectFrom('entry')
		.select(['id', 'student_id'])
		.where('contest_id', '=', world.contestId)
		.execute();
	for (const row of rows) students.set(row.id, row.student_id);
	for (const [i, entryId] of world.entries.entries()) {
		const scope = CYCLE[i % CYCLE.length];
		if (!scope) continue;
		await addConsent(db, students.get(entryId)!, scope, now);
		scopes.set(entryId, scope);
	}
	await db
		.updateTable('contest')
		.set({ status: 'exhibited' })
		.where('id', '=', world.contestId)
		.execute();
	await insertExhibition(db, { contestId: world.contestId, slug, intro: '{}', now });
	await updateExhibition(db, world.contestId, { published_at: now }, now);
	await ensureHandles(db, world.contestId, now);
	const handles = new Map(
		(
			await db
				.selectFrom('exhibition_entry')
				.select(['entry_id', 'handle'])
				.where('contest_id', '=', world.contestId)
				.execute()
		).map((r) => [r.entry_id, r.handle])
	);
	return { ...world, slug, scopes, handles, students };
}
