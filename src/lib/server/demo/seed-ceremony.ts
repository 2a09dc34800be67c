/**
 * Demo: last spring's contest, judged and with results published, so an organizer can try the
 * ceremony page (certificates, slideshow, presenter's script) at once. It reuses the judging
 * demo's children and their real drawn pictures (renditions are content-addressed, so two entries
 * may share them), records public consent for most of them — two stay classroom-only, to show
 * that the big screen leaves them out — and gives each age band its four awards.
 *
 *   await seedCeremonyDemo(db)          // after seedJudgingDemo; a second call changes nothing
 */
import type { Db } from '../db/database.ts';
import type { AwardKind } from '../db/schema.ts';
import { newId } from '../ids.ts';
import { seedDrawnContest } from './drawn-contest.ts';
import { contestExists } from './past-contest.ts';

export const DEMO_CEREMONY_CONTEST_ID = 'democeremonycontest';

const AWARDS: AwardKind[] = ['gold', 'silver', 'bronze', 'honourable'];
const ABOUT = [
	'我画的是春天的公园，小朋友们在树下放风筝。',
	'J’ai dessiné notre jardin sur le toit, avec des tomates et des abeilles.',
	'My grandpa and I planted this tree when I was five.',
	'河水变干净了，小鱼都回来了。'
];

export async function seedCeremonyDemo(db: Db, now = Date.now()): Promise<boolean> {
	if (await contestExists(db, DEMO_CEREMONY_CONTEST_ID)) return false;
	const copies = await seedDrawnContest(
		db,
		{
			id: DEMO_CEREMONY_CONTEST_ID,
			title: {
				'zh-CN': '春天的颜色',
				en: 'The colours of spring',
				fr: 'Les couleurs du printemps'
			},
			theme: { 'zh-CN': '春天', en: 'Spring', fr: 'Le printemps' },
			brief: '画出你看到的春天。',
			openedDaysAgo: 120,
			closedDaysAgo: 90
		},
		{
			createdBy: null,
			status: 'results',
			at: (i) => now - 100 * 86_400_000 + i * 60_000,
			about: (i) => ABOUT[i % ABOUT.length]!
		},
		now
	);
	const perBand = new Map<string, string[]>();
	for (const [i, { id, bandId, studentId, reviewedBy, at }] of copies.entries()) {
		perBand.set(bandId, [...(perBand.get(bandId) ?? []), id]);
		const consent = await db
			.selectFrom('guardian_consent')
			.select('id')
			.where('student_id', '=', studentId)
			.where('withdrawn_at', 'is', null)
			.executeTakeFirst();
		if (!consent)
			await db
				.insertInto('guardian_consent')
				.values({
					id: newId(),
					student_id: studentId,
					// Two children are shown in class only: the ceremony page says they are left out.
					scope: i === 2 || i === 7 ? 'classroom' : i % 2 ? 'public_school' : 'public_pseudonym',
					method: 'paper',
					given_on: new Date(at).toISOString().slice(0, 10),
					recorded_by: reviewedBy,
					recorded_at: at,
					withdrawn_at: null
				})
				.execute();
	}
	for (const [bandId, entries] of perBand) {
		for (const [position, kind] of AWARDS.entries()) {
			const entryId = entries[position];
			if (!entryId) continue;
			await db
				.insertInto('award')
				.values({
					id: newId(),
					contest_id: DEMO_CEREMONY_CONTEST_ID,
					age_band_id: bandId,
					entry_id: entryId,
					kind,
					label: '{}',
					position,
					overridden_reason: null,
					created_at: now,
					updated_at: now
				})
				.execute();
		}
	}
	return true;
}
