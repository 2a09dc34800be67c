/**
 * Demo: the panel round, twice, so a newcomer meets both sides of it at once.
 *
 * - "城市里的小森林" is in judging: its rubric round was scored by the three demo judges and
 *   closed (top 4 per band advance), and the panel round that ranks that shortlist is open —
 *   the demo judge signs in and ranks.
 * - "我和小动物" is a past contest: the same two rounds, the panel's ballots in and closed by
 *   Schulze, awards proposed from the panel's places and published.
 *
 * Everything goes through the real services (assignment, score and ranking saves, closing,
 * awards), so the results pages show true numbers. The entries are the judging demo's drawn
 * pictures (their renditions are shared), so that demo must be seeded first.
 *
 *   await seedPanelDemo(db)     // idempotent: a second call changes nothing
 */
import type { SessionUser } from '../auth/session.ts';
import type { Db } from '../db/database.ts';
import { proposeAwards, publishResults } from '../judging/award.service.ts';
import { closeRound } from '../judging/close.service.ts';
import * as repo from '../judging/judging.repository.ts';
import { getPanelBallots, saveRanking } from '../judging/panel.service.ts';
import { createRandom } from '../judging/random.ts';
import { addJudgeAccount, assignRound, createRound, openRound } from '../judging/round.service.ts';
import { saveScore } from '../judging/scoring.service.ts';
import { seedDrawnContest, type DrawnContest } from './drawn-contest.ts';
import { contestExists } from './past-contest.ts';
import { adult } from './seed-demo.ts';
import { DEMO_JUDGES } from './seed-judging.ts';

export const DEMO_PANEL_CONTEST_ID = 'demopanelcontest';
export const DEMO_PANEL_PAST_CONTEST_ID = 'demopanelpastcontest';

const DAY = 86_400_000;
/** How many of each band the rubric round shortlists. */
const SHORTLIST = '4';
/** How far apart two panel judges' eyes are, on the 3–9 quality scale. */
const NOISE = 2.5;
const ABOUT = ['我画的是我家附近的小公园。', '树上住着小鸟，我每天都去看它们。', ''];

interface Staff {
	organizer: SessionUser;
	judges: SessionUser[];
}

interface PanelContest extends DrawnContest {
	/** Days before now the contest's judging happened. */
	judgedDaysAgo: number;
}

/** The open contest the demo judge ranks in, and the past one with its results published. */
const OPEN: PanelContest = {
	id: DEMO_PANEL_CONTEST_ID,
	title: {
		'zh-CN': '城市里的小森林',
		en: 'A little forest in my town',
		fr: 'Une petite forêt dans ma ville'
	},
	theme: { 'zh-CN': '城市与自然', en: 'Town and nature', fr: 'La ville et la nature' },
	brief: '画出你想在城市里种下的小森林。',
	openedDaysAgo: 40,
	closedDaysAgo: 10,
	judgedDaysAgo: 7
};
const PAST: PanelContest = {
	id: DEMO_PANEL_PAST_CONTEST_ID,
	title: { 'zh-CN': '我和小动物', en: 'The animals and me', fr: 'Les animaux et moi' },
	theme: { 'zh-CN': '保护小动物', en: 'Caring for animals', fr: 'Protéger les animaux' },
	brief: '画出你和小动物在一起的样子。',
	openedDaysAgo: 110,
	closedDaysAgo: 80,
	judgedDaysAgo: 75
};

/** Creates a round, adds the three judges, assigns and opens it. */
async function staffRound(
	db: Db,
	staff: Staff,
	contestId: string,
	input: Parameters<typeof createRound>[3],
	at: number
): Promise<string> {
	const roundId = await createRound(db, staff.organizer, contestId, input, at);
	for (const judge of staff.judges)
		await addJudgeAccount(db, staff.organizer, contestId, roundId, judge.id, at);
	await assignRound(db, staff.organizer, contestId, roundId, at);
	await openRound(db, staff.organizer, contestId, roundId, at);
	return roundId;
}

/** The judge's handles → entry ids in one round. */
async function entriesOfHandles(db: Db, roundId: string, judge: SessionUser) {
	const seat = await repo.findRoundJudgeByUser(db, roundId, judge.id);
	const work = seat ? await repo.listJudgeWork(db, roundId, seat.id) : [];
	return new Map(work.map((w) => [w.handle, w.entry_id]));
}

/**
 * The contest in judging with its rubric round scored and closed, and the panel round on its
 * shortlist open. Each artwork has a hidden "quality" every judge sees through their own
 * leniency and a little noise, so the shortlist and the ballots look like a real jury's.
 */
async function shortlistedContest(
	db: Db,
	staff: Staff,
	contest: PanelContest,
	pictures: { first: number; count: number; now: number },
	quality: Map<string, number>
): Promise<string> {
	const at = pictures.now - contest.judgedDaysAgo * DAY;
	const entries = await seedDrawnContest(db, contest, {
		createdBy: staff.organizer.id,
		status: 'judging',
		first: pictures.first,
		count: pictures.count,
		at: (i) => at - 5 * DAY + i * 60_000,
		about: (i) => ABOUT[i % ABOUT.length]!
	});
	const random = createRandom(pictures.first + 17);
	for (const e of entries) quality.set(e.id, 3 + random() * 6);

	const rubric = await staffRound(
		db,
		staff,
		contest.id,
		{
			perEntry: '3',
			advanceKind: 'top_n',
			advanceValue: SHORTLIST,
			disagreement: '1.5',
			scope: 'all',
			perBand: true
		},
		at
	);
	const criteria = await repo.listCriteria(db, rubric);
	// In the entries' own order, not the judge's (random) one, so every run gives the same results.
	for (const [j, judge] of staff.judges.entries()) {
		const handleOf = new Map(
			[...(await entriesOfHandles(db, rubric, judge))].map(([handle, id]) => [id, handle])
		);
		for (const e of entries)
			for (const c of criteria) {
				const value = quality.get(e.id)! + (j - 1) * 0.8 + (random() - 0.5) * 2;
				await saveScore(
					db,
					judge,
					rubric,
					{
						handle: handleOf.get(e.id),
						criterionId: c.id,
						value: Math.max(c.min_value, Math.min(c.max_value, Math.round(value))),
						base: 0
					},
					at + DAY
				);
			}
	}
	await closeRound(
		db,
		staff.organizer,
		contest.id,
		rubric,
		{ force: false, reason: '' },
		at + 2 * DAY
	);
	return staffRound(
		db,
		staff,
		contest.id,
		{
			method: 'panel',
			perEntry: '',
			advanceKind: 'top_n',
			advanceValue: '1',
			disagreement: '1.5',
			scope: 'advanced',
			perBand: true
		},
		at + 2 * DAY
	);
}

/** Every judge ranks each band of the shortlist: by quality as they see it, and they differ. */
async function rankShortlist(
	db: Db,
	staff: Staff,
	roundId: string,
	quality: Map<string, number>,
	at: number
): Promise<void> {
	for (const [j, judge] of staff.judges.entries()) {
		const random = createRandom(j + 7);
		const seen = new Map([...quality].map(([id, q]) => [id, q + random() * NOISE]));
		const entryOf = await entriesOfHandles(db, roundId, judge);
		for (const group of await getPanelBallots(db, judge, roundId)) {
			const score = (handle: string) => seen.get(entryOf.get(handle)!)!;
			const handles = [...group.handles].sort((a, b) => score(b) - score(a));
			await saveRanking(db, judge, roundId, { group: group.key, handles, base: 0 }, at);
		}
	}
}

export interface PanelDemo {
	created: boolean;
	/** The open panel round the demo judges rank, and the closed one with published results. */
	open: { contestId: string; roundId: string | null };
	closed: { contestId: string; roundId: string | null };
}

async function lastRoundOf(db: Db, contestId: string): Promise<string | null> {
	return (await repo.listRounds(db, contestId)).at(-1)?.id ?? null;
}

/** `entries` per contest (default 12, half per band), taken from the judging demo's pictures. */
export async function seedPanelDemo(
	db: Db,
	options: { entries?: number; now?: number } = {}
): Promise<PanelDemo> {
	const { entries = 12, now = Date.now() } = options;
	let created = false;
	const missing = [];
	for (const contest of [OPEN, PAST])
		if (!(await contestExists(db, contest.id))) missing.push(contest);
	if (missing.length > 0) {
		const staff: Staff = {
			organizer: await adult(db, 'organizer@sprout.test'),
			judges: await Promise.all(DEMO_JUDGES.map((j) => adult(db, j.email)))
		};
		if (missing.includes(OPEN))
			await shortlistedContest(db, staff, OPEN, { first: 0, count: entries, now }, new Map());
		if (missing.includes(PAST)) {
			const judgedAt = now - PAST.judgedDaysAgo * DAY;
			const quality = new Map<string, number>();
			const roundId = await shortlistedContest(
				db,
				staff,
				PAST,
				{ first: entries, count: entries, now },
				quality
			);
			await rankShortlist(db, staff, roundId, quality, judgedAt + 3 * DAY);
			const close = { force: false, reason: '' };
			await closeRound(db, staff.organizer, PAST.id, roundId, close, judgedAt + 4 * DAY);
			await proposeAwards(db, staff.organizer, PAST.id, judgedAt + 4 * DAY);
			await publishResults(db, staff.organizer, PAST.id);
		}
		created = true;
	}
	return {
		created,
		open: {
			contestId: DEMO_PANEL_CONTEST_ID,
			roundId: await lastRoundOf(db, DEMO_PANEL_CONTEST_ID)
		},
		closed: {
			contestId: DEMO_PANEL_PAST_CONTEST_ID,
			roundId: await lastRoundOf(db, DEMO_PANEL_PAST_CONTEST_ID)
		}
	};
}
