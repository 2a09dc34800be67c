// People's choice on both databases: one vote per browser per band per day, un-vote, closed
// votes, forged and replayed challenges, floods, and that nothing personal is stored.
import type { Cookies } from '@sveltejs/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import type { Db } from '../../src/lib/server/db/database.ts';
import { DomainError } from '../../src/lib/server/errors.ts';
import { findPublicEntryById } from '../../src/lib/server/exhibition/public-entry.repository.ts';
import { createVoteChallenge } from '../../src/lib/server/voting/challenge.ts';
import { newVoterCookie } from '../../src/lib/server/voting/crypto.ts';
import {
	BURST_FLAG_PER_MINUTE,
	FRESH_LIMIT,
	FRESH_WINDOW_MS
} from '../../src/lib/server/voting/rules.ts';
import { saveVoteSettings } from '../../src/lib/server/voting/voting.repository.ts';
import { peoplesChoiceHandles, voteForArtwork } from '../../src/lib/server/voting/vote-http.ts';
import {
	castVote,
	closeVoteNow,
	getVoteAdmin,
	getVoteStatus,
	listPeoplesChoiceWinners,
	purgeVoteTraces,
	updateVoteSettings,
	withdrawVote,
	type VotableEntry
} from '../../src/lib/server/voting/voting.service.ts';
import { freshDatabase, testDatabases } from './helpers/databases.ts';
import { addExhibition, type ExhibitionWorld } from './helpers/exhibition-fixtures.ts';
import { codeOf } from './helpers/outcome.ts';

const SECRET = 'vote-secret-for-tests-'.padEnd(40, 'x');
const EASY = { cost: 1, counterMin: 10, counterMax: 300 };
const DAY = 86_400_000;
// Real time: the proof-of-work library checks expiry against the real clock.
const NOW = Date.now();

async function payload(now = NOW, secret = SECRET): Promise<string> {
	const challenge = await createVoteChallenge(secret, now, EASY);
	const solution = await solveChallenge({ challenge, deriveKey });
	return Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
}

describe.each(testDatabases())("people's choice on $name", ({ url }) => {
	let db: Db;
	let world: ExhibitionWorld;
	/** Public works: [band 0, band 1, band 0, band 1, …] */
	let works: (VotableEntry & { handle: string })[];
	const ctx = (now = NOW) => ({ secret: SECRET, now });
	const votes = async () =>
		(await db.selectFrom('peoples_choice_vote').selectAll().execute()).length;

	beforeAll(async () => {
		db = await freshDatabase(url);
		world = await addExhibition(db, 8, NOW);
		works = [];
		for (const id of world.entries) {
			const entry = await findPublicEntryById(db, id);
			if (entry) works.push(entry);
		}
		await saveVoteSettings(
			db,
			world.contestId,
			{ enabled: true, opensAt: NOW - DAY, closesAt: NOW + 10 * DAY, closedAt: null },
			world.organizer.id,
			NOW
		);
	});
	afterAll(() => db.destroy());

	const inBand = (band: number) => works.filter((w) => w.ageBandId === world.bands[band]);

	it('one vote per browser per age band per day, in the contest time zone', async () => {
		const [a, b] = inBand(0);
		const [c] = inBand(1);
		const ip = '198.51.100.1';
		const first = await castVote(db, a!, { cookie: undefined, ip }, await payload(NOW), ctx());
		expect(first.newCookie).toMatch(/\./);
		const cookie = first.newCookie!;
		expect(await getVoteStatus(db, a!, { cookie }, ctx())).toEqual({ state: 'open', mine: 'here' });
		expect(await getVoteStatus(db, b!, { cookie }, ctx())).toEqual({
			state: 'open',
			mine: 'other'
		});
		expect(
			await codeOf(castVote(db, b!, { cookie, ip }, await payload(NOW + 1000), ctx(NOW + 1000)))
		).toBe('vote.error.alreadyVoted');
		// Another band the same day is its own vote.
		const other = await castVote(
			db,
			c!,
			{ cookie, ip },
			await payload(NOW + 2000),
			ctx(NOW + 2000)
		);
		expect(other.newCookie).toBeNull();
		// The next day in Shanghai the browser may vote again in band 0.
		await castVote(db, b!, { cookie, ip }, await payload(NOW + DAY), ctx(NOW + DAY));
		expect(await votes()).toBe(3);
		const rows = await db.selectFrom('peoples_choice_vote').select('vote_day').execute();
		expect(new Set(rows.map((r) => r.vote_day)).size).toBe(2);
	});

	it('un-vote while open, then vote again', async () => {
		const [, , d] = inBand(0);
		const ip = '198.51.100.2';
		const { newCookie } = await castVote(
			db,
			d!,
			{ cookie: undefined, ip },
			await payload(NOW),
			ctx()
		);
		const cookie = newCookie!;
		const before = await votes();
		await withdrawVote(db, d!, { cookie }, ctx());
		expect(await votes()).toBe(before - 1);
		expect(await codeOf(withdrawVote(db, d!, { cookie }, ctx()))).toBe('vote.error.nothingToUndo');
		expect(await codeOf(withdrawVote(db, d!, { cookie: undefined }, ctx()))).toBe(
			'vote.error.nothingToUndo'
		);
		await castVote(db, d!, { cookie, ip }, await payload(NOW + 10), ctx(NOW + 10));
		expect(await votes()).toBe(before);
	});

	it('refuses forged, garbled, expired and replayed challenges, counting nothing', async () => {
		const [a] = inBand(1);
		const ip = '198.51.100.3';
		const before = await votes();
		const refuse = async (p: unknown, now = NOW) => {
			try {
				await castVote(db, a!, { cookie: undefined, ip }, p, ctx(now));
				return 'no error';
			} catch (err) {
				if (!(err instanceof DomainError)) throw err;
				return `${err.status} ${err.code}`;
			}
		};
		expect(await refuse(await payload(NOW, 'another-secret'.padEnd(40, 'y')))).toBe(
			'403 vote.error.challengeRefused'
		);
		expect(await refuse("' or 1=1 --")).toBe('403 vote.error.challengeRefused');
		expect(await refuse(undefined)).toBe('400 vote.error.challengeMissing');
		expect(await refuse(await payload(NOW - 3600_000))).toBe('400 vote.error.challengeExpired');
		const once = await payload();
		expect(await refuse(once)).toBe('no error');
		expect(await refuse(once)).toBe('409 vote.error.challengeUsed');
		expect(await votes()).toBe(before + 1);
	});

	it('a flood from one cookie counts once; fresh cookies from one network are refused', async () => {
		const [a] = inBand(0);
		const [b] = inBand(1);
		const ip = '203.0.113.50';
		const t0 = NOW + 2 * DAY;
		const first = await castVote(db, a!, { cookie: undefined, ip }, await payload(t0), ctx(t0));
		const before = await votes();
		for (let i = 1; i <= 5; i++) {
			expect(
				await codeOf(
					castVote(db, a!, { cookie: first.newCookie!, ip }, await payload(t0 + i), ctx(t0 + i))
				)
			).toBe('vote.error.alreadyVoted');
		}
		expect(await votes()).toBe(before);

		// Many cookie-less browsers from one address within a few seconds.
		const outcomes: string[] = [];
		for (let i = 0; i < FRESH_LIMIT + 4; i++) {
			const at = t0 + 100 + i * 10;
			try {
				const r = await castVote(db, b!, { cookie: undefined, ip }, await payload(at), ctx(at));
				outcomes.push(r.newCookie ? 'counted' : 'no cookie?');
			} catch (err) {
				outcomes.push((err as DomainError).code);
			}
		}
		// The first vote above was fresh too.
		expect(outcomes.filter((o) => o === 'counted')).toHaveLength(FRESH_LIMIT - 1);
		expect(outcomes.filter((o) => o === 'vote.error.busy')).toHaveLength(5);
		expect(await votes()).toBe(before + FRESH_LIMIT - 1);
		// Another school is not affected, and the same network can go on after the window.
		await castVote(
			db,
			b!,
			{ cookie: undefined, ip: '192.0.2.9' },
			await payload(t0 + 200),
			ctx(t0 + 200)
		);
		await castVote(
			db,
			b!,
			{ cookie: undefined, ip },
			await payload(t0 + 200 + FRESH_WINDOW_MS),
			ctx(t0 + 200 + FRESH_WINDOW_MS)
		);
		const admin = await getVoteAdmin(
			db,
			world.organizer,
			world.contestId,
			t0 + 300 + FRESH_WINDOW_MS
		);
		const flood = admin.networks[0]!;
		expect(flood.refused).toBe(5 + 5);
		expect(admin.totals).toBeNull();
	});

	it('flags a burst of returning browsers from one network', async () => {
		const [a] = inBand(1);
		const ip = '203.0.113.77';
		const t0 = NOW + 3 * DAY;
		const n = BURST_FLAG_PER_MINUTE + 3;
		const results: boolean[] = [];
		for (let i = 0; i < n; i++) {
			const cookie = newVoterCookie(SECRET).value;
			const r = await castVote(
				db,
				a!,
				{ cookie, ip },
				await payload(t0 + i * 500),
				ctx(t0 + i * 500)
			);
			results.push(r.flagged);
		}
		expect(results.filter(Boolean)).toHaveLength(3);
		const admin = await getVoteAdmin(db, world.organizer, world.contestId, t0 + n * 500);
		expect(admin.flaggedVotes).toBe(3);
	});

	it('stores nothing personal, and forgets networks after a day', async () => {
		const cols = await db.selectFrom('peoples_choice_vote').selectAll().execute();
		const events = await db.selectFrom('vote_network_event').selectAll().execute();
		expect(events.length).toBeGreaterThan(0);
		const dump = JSON.stringify([cols, events]);
		for (const ip of ['198.51.100', '203.0.113', '192.0.2']) expect(dump).not.toContain(ip);
		for (const e of events) expect(e.network).toMatch(/^[0-9a-f]{10}$/);
		for (const v of cols) expect(v.voter).toMatch(/^[0-9a-f]{32}$/);
		await purgeVoteTraces(db, NOW + 5 * DAY);
		expect(await db.selectFrom('vote_network_event').selectAll().execute()).toHaveLength(0);
	});

	it('settings need an organizer and a sane window; closing shows the result, once', async () => {
		const teacher = world.teachers[0];
		const input = { enabled: true, opensAt: '2026-12-01T09:00', closesAt: '2026-11-01T09:00' };
		expect(await codeOf(updateVoteSettings(db, teacher, world.contestId, input))).toBe(
			'error.forbidden'
		);
		expect(await codeOf(updateVoteSettings(db, world.organizer, world.contestId, input))).toBe(
			'vote.error.window'
		);
		expect(
			await codeOf(
				updateVoteSettings(db, world.organizer, world.contestId, { ...input, opensAt: 'soon' })
			)
		).toBe('vote.error.opensAt');
		expect(await listPeoplesChoiceWinners(db, world.contestId, NOW)).toEqual([]);

		// A withdrawn work loses its votes: give one work the most votes, then withdraw consent.
		const [top] = inBand(0);
		for (let i = 0; i < 6; i++) {
			await castVote(
				db,
				top!,
				{ cookie: newVoterCookie(SECRET).value, ip: `10.0.${i}.1` },
				await payload(NOW + 4 * DAY),
				ctx(NOW + 4 * DAY)
			);
		}
		const later = NOW + 4 * DAY + 1000;
		await closeVoteNow(db, world.organizer, world.contestId, later);
		expect(
			await codeOf(
				castVote(db, top!, { cookie: undefined, ip: '10.9.9.9' }, await payload(later), ctx(later))
			)
		).toBe('vote.error.closed');
		expect(await codeOf(withdrawVote(db, top!, { cookie: undefined }, ctx(later)))).toBe(
			'vote.error.closed'
		);
		expect(
			await codeOf(
				updateVoteSettings(
					db,
					world.organizer,
					world.contestId,
					{
						enabled: true,
						opensAt: '',
						closesAt: ''
					},
					later
				)
			)
		).toBe('vote.error.closedForGood');
		const winners = await listPeoplesChoiceWinners(db, world.contestId, later);
		expect(winners.find((w) => w.ageBandId === world.bands[0])).toEqual({
			ageBandId: world.bands[0],
			entryId: top!.entryId,
			votes: (
				await db
					.selectFrom('peoples_choice_vote')
					.select('id')
					.where('entry_id', '=', top!.entryId)
					.execute()
			).length
		});
		expect(winners.find((w) => w.ageBandId === world.bands[1])).toBeDefined();
		const admin = await getVoteAdmin(db, world.organizer, world.contestId, later);
		expect(admin.totals?.find((t) => t.entryId === top!.entryId)).toMatchObject({
			handle: top!.handle,
			isWinner: true
		});
		expect(admin.totals?.filter((t) => t.isWinner)).toHaveLength(2);
		// The exhibition's badges: the grid's winners and the artwork page's badge.
		expect(await peoplesChoiceHandles(db, world.slug, later)).toContain(top!.handle);
		expect(await peoplesChoiceHandles(db, world.slug, NOW)).toEqual([]);
		const cookies = { get: () => undefined } as unknown as Cookies;
		const page = await voteForArtwork(db, world.slug, top!.handle, cookies, later);
		expect(page.vote?.state).toBe('closed');
		// Its dates are read on the contest's clock, the zone named beside them.
		expect(page.vote?.timeZone).toBe('Asia/Shanghai');
		expect(page.peoplesChoice?.votes).toBeGreaterThan(6);
		// Jury awards are untouched.
		expect(await db.selectFrom('award').selectAll().execute()).toHaveLength(0);

		await db
			.updateTable('guardian_consent')
			.set({ withdrawn_at: later })
			.where('student_id', '=', world.students.get(top!.entryId)!)
			.execute();
		const after = await listPeoplesChoiceWinners(db, world.contestId, later);
		expect(after.map((w) => w.entryId)).not.toContain(top!.entryId);
		expect(after.find((w) => w.ageBandId === world.bands[0])).toBeDefined();
	});
});
