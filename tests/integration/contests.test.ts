// Contests over SQLite and PostgreSQL: validation, lifecycle rules with their reasons, the
// date-driven closing, the public listing and who may do what.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../src/lib/server/auth/session.ts';
import {
	closeExpiredContests,
	createContest as createContestOrThrow,
	getContestForEdit,
	listContestsForAdmin,
	listPublicOpenContests,
	transitionContest as transitionContestOrThrow,
	updateContest as updateContestOrThrow,
	type ContestInput
} from '../../src/lib/server/contests/contest.service.ts';
import { findContest } from '../../src/lib/server/contests/contest.repository.ts';
import type { Db } from '../../src/lib/server/db/database.ts';
import { addSchool, addUser, contestInput, countRows } from './helpers/fixtures.ts';
import { freshDatabase, testDatabases } from './helpers/databases.ts';
import { codeOf, outcome } from './helpers/outcome.ts';

// Refusals are thrown DomainErrors; these compare them as `{ ok: false, error, params? }`.
const createContest = (...a: Parameters<typeof createContestOrThrow>) =>
	outcome(createContestOrThrow(...a));
const updateContest = (...a: Parameters<typeof updateContestOrThrow>) =>
	outcome(updateContestOrThrow(...a));
const transitionContest = (...a: Parameters<typeof transitionContestOrThrow>) =>
	outcome(transitionContestOrThrow(...a));

const DAY = 86_400_000;
/** A fixed "now" (2026-11-21 12:00 UTC = 20:00 in Shanghai) so the window is deterministic. */
const NOW = Date.UTC(2026, 10, 21, 12, 0);

const input = contestInput;

async function create(db: Db, actor: SessionUser, over: Partial<ContestInput> = {}) {
	const result = await createContest(db, actor, input(over), NOW);
	if (!result.ok) throw new Error(`createContest failed: ${result.error}`);
	return result.id;
}

async function auditActions(db: Db, id: string): Promise<string[]> {
	const rows = await db
		.selectFrom('audit_log')
		.select(['action', 'detail'])
		.where('subject_type', '=', 'contest')
		.where('subject_id', '=', id)
		.orderBy('created_at')
		.execute();
	return rows.map((r) => `${r.action} ${r.detail}`);
}

describe.each(testDatabases())('contests on $name', ({ url }) => {
	let db: Db;
	let organizer: SessionUser;
	let teacher: SessionUser;
	let judge: SessionUser;
	let schoolId: string;

	beforeAll(async () => {
		db = await freshDatabase(url);
		organizer = await addUser(db, 'organizer');
		teacher = await addUser(db, 'teacher');
		judge = await addUser(db, 'judge');
		schoolId = await addSchool(db);
	});
	afterAll(async () => {
		await db?.destroy();
	});

	describe('create and edit', () => {
		it('stores texts, window instants in the chosen zone, bands and schools', async () => {
			const id = await create(db, organizer, { schoolIds: [schoolId, schoolId] });
			const row = await findContest(db, id);
			expect(row).toMatchObject({
				status: 'draft',
				time_zone: 'Asia/Shanghai',
				// 08:00 in Shanghai is midnight UTC.
				opens_at: Date.UTC(2026, 10, 1, 0, 0),
				closes_at: Date.UTC(2026, 11, 31, 10, 0),
				entries_per_child: 1,
				board_orientation: 'landscape',
				allow_studio: 1,
				allow_upload: 0
			});
			// Empty languages are not stored; they fall back to Chinese when read.
			expect(JSON.parse(row!.title)).toEqual({ 'zh-CN': '我的绿色生活', en: 'My life in green' });

			const edit = await getContestForEdit(db, organizer, id, NOW);
			expect(edit).toMatchObject({
				status: 'draft',
				nextSteps: ['open'],
				opensAt: '2026-11-01T08:00',
				closesAt: '2026-12-31T18:00',
				schoolIds: [schoolId],
				ageBands: [
					{ label: '6–8', minAge: 6, maxAge: 8 },
					{ label: 'Middle', minAge: 9, maxAge: 11 }
				]
			});
			expect(await auditActions(db, id)).toEqual(['contest.create {}']);
		});

		it('refuses bad input with a reason and writes nothing', async () => {
			const before = await countRows(db, 'audit_log');
			const cases: [Partial<ContestInput>, string, Record<string, number>?][] = [
				[{ title: { 'zh-CN': '  ', en: 'Green', fr: '' } }, 'contests.error.titleRequired'],
				[
					{ title: { 'zh-CN': '绿'.repeat(81), en: '', fr: '' } },
					'contests.error.titleLength',
					{ max: 80 }
				],
				[
					{ rules: { 'zh-CN': '', en: '', fr: 'r'.repeat(4001) } },
					'contests.error.textLength',
					{ max: 4000 }
				],
				[{ ageBands: '6-8\n8-10' }, 'contests.error.ageBand.overlap', { line: 2 }],
				[{ ageBands: '3-5' }, 'contests.error.ageBand.range', { line: 1 }],
				[{ ageBands: '6-8\nbig kids' }, 'contests.error.ageBand.format', { line: 2 }],
				[{ timeZone: 'Mars/Olympus' }, 'contests.error.timeZone'],
				[{ opensAt: '2026-02-30T08:00' }, 'contests.error.date'],
				[{ opensAt: '2026-12-31T18:00' }, 'contests.error.datesOrder'],
				[{ entriesPerChild: '0' }, 'contests.error.entriesPerChild', { max: 10 }],
				[{ entriesPerChild: '1.5' }, 'contests.error.entriesPerChild', { max: 10 }],
				[{ boardSize: '1600x1600' }, 'contests.error.boardSize'],
				[{ boardSize: '' }, 'contests.error.boardSize'],
				[{ allowStudio: false, allowUpload: false }, 'contests.error.sources'],
				[{ schoolIds: ['no-such-school'] }, 'contests.error.school']
			];
			for (const [over, error, params] of cases) {
				const result = await createContest(db, organizer, input(over), NOW);
				expect(result, error).toEqual(params ? { ok: false, error, params } : { ok: false, error });
			}
			expect(await countRows(db, 'audit_log')).toBe(before);
		});

		it('keeps age band ids whose ages did not change when editing', async () => {
			const id = await create(db, organizer);
			const idsOf = async () =>
				db
					.selectFrom('contest_age_band')
					.select(['id', 'label', 'min_age'])
					.where('contest_id', '=', id)
					.orderBy('position')
					.execute();
			const before = await idsOf();
			const result = await updateContest(
				db,
				organizer,
				id,
				input({ ageBands: '6-8 Little sprouts\n12-15', opensAt: '', closesAt: '' }),
				NOW
			);
			expect(result).toEqual({ ok: true, id });
			const after = await idsOf();
			expect(after.map((b) => [b.label, b.min_age])).toEqual([
				['Little sprouts', 6],
				['12–15', 12]
			]);
			expect(after[0]!.id).toBe(before[0]!.id);
			expect(after.map((b) => b.id)).not.toContain(before[1]!.id);
			expect((await findContest(db, id))!.opens_at).toBeNull();
		});
	});

	describe('lifecycle', () => {
		it('walks the whole way with an audit entry per step', async () => {
			const id = await create(db, organizer);
			const steps = [
				'open',
				'closed',
				'open',
				'closed',
				'judging',
				'results',
				'exhibited',
				'archived'
			] as const;
			for (const to of steps) {
				expect(await transitionContest(db, organizer, id, to, NOW), to).toEqual({ ok: true, id });
			}
			expect((await findContest(db, id))!.status).toBe('archived');
			const audit = await auditActions(db, id);
			expect(audit).toHaveLength(steps.length + 1);
			expect(audit.at(-1)).toBe('contest.transition {"from":"exhibited","to":"archived"}');
			expect((await getContestForEdit(db, organizer, id, NOW))!.nextSteps).toEqual([]);
		});

		it('refuses illegal transitions with a reason and changes nothing', async () => {
			const noBands = await create(db, organizer, { ageBands: '' });
			const noDates = await create(db, organizer, { opensAt: '', closesAt: '' });
			const over = await create(db, organizer, {
				opensAt: '2026-10-01T08:00',
				closesAt: '2026-11-01T08:00'
			});
			const ready = await create(db, organizer);
			const cases: [string, Parameters<typeof transitionContest>[3], string][] = [
				[noBands, 'open', 'contests.error.transition.noAgeBands'],
				[noDates, 'open', 'contests.error.transition.datesMissing'],
				[over, 'open', 'contests.error.transition.windowOver'],
				[ready, 'judging', 'contests.error.transition.notAllowed'],
				[ready, 'closed', 'contests.error.transition.notAllowed'],
				[ready, 'archived', 'contests.error.transition.notAllowed']
			];
			const auditBefore = await countRows(db, 'audit_log');
			for (const [id, to, error] of cases) {
				const before = await findContest(db, id);
				expect(await transitionContest(db, organizer, id, to, NOW), `${to}: ${error}`).toEqual({
					ok: false,
					error
				});
				expect(await findContest(db, id)).toEqual(before);
			}
			expect(await countRows(db, 'audit_log')).toBe(auditBefore);
			expect(await transitionContest(db, organizer, 'missing', 'open', NOW)).toEqual({
				ok: false,
				error: 'contests.error.notFound'
			});
		});

		it('freezes settings once judging starts, and an open contest keeps bands and dates', async () => {
			const id = await create(db, organizer);
			await transitionContest(db, organizer, id, 'open', NOW);
			expect(await updateContest(db, organizer, id, input({ ageBands: '' }), NOW)).toEqual({
				ok: false,
				error: 'contests.error.openNeedsBands'
			});
			expect(await updateContest(db, organizer, id, input({ closesAt: '' }), NOW)).toEqual({
				ok: false,
				error: 'contests.error.openNeedsDates'
			});
			await transitionContest(db, organizer, id, 'closed', NOW);
			await transitionContest(db, organizer, id, 'judging', NOW);
			expect(await updateContest(db, organizer, id, input(), NOW)).toEqual({
				ok: false,
				error: 'contests.error.locked'
			});
		});
	});

	describe('date-driven closing', () => {
		it('reads an open contest as closed from its closing instant and persists it once', async () => {
			const id = await create(db, organizer);
			expect(await transitionContest(db, organizer, id, 'open', NOW)).toEqual({ ok: true, id });
			const closesAt = (await findContest(db, id))!.closes_at!;

			const justBefore = await getContestForEdit(db, organizer, id, closesAt - 1);
			expect(justBefore).toMatchObject({ status: 'open', nextSteps: ['closed'] });
			expect((await findContest(db, id))!.status).toBe('open');
			expect((await listPublicOpenContests(db, 'en', closesAt - 1)).map((c) => c.id)).toContain(id);

			// The public listing drops it at the instant, before any organizer looks.
			expect((await listPublicOpenContests(db, 'en', closesAt)).map((c) => c.id)).not.toContain(id);

			const after = await getContestForEdit(db, organizer, id, closesAt);
			expect(after).toMatchObject({ status: 'closed', nextSteps: ['open', 'judging'] });
			expect((await findContest(db, id))!.status).toBe('closed');
			expect((await auditActions(db, id)).at(-1)).toBe(
				'contest.transition {"from":"open","to":"closed","reason":"closes_at"}'
			);
			// Persisted once: a second look closes nothing more.
			expect(await closeExpiredContests(db, closesAt + DAY)).not.toContain(id);

			// Reopening needs a later closing time first.
			expect(await transitionContest(db, organizer, id, 'open', closesAt + 1)).toEqual({
				ok: false,
				error: 'contests.error.transition.windowOver'
			});
		});

		it('refuses to close by hand what the dates already closed, but judging may start', async () => {
			const id = await create(db, organizer);
			await transitionContest(db, organizer, id, 'open', NOW);
			const later = (await findContest(db, id))!.closes_at! + 1;
			expect(await transitionContest(db, organizer, id, 'closed', later)).toEqual({
				ok: false,
				error: 'contests.error.transition.notAllowed'
			});
			expect(await transitionContest(db, organizer, id, 'judging', later)).toEqual({
				ok: true,
				id
			});
		});
	});

	describe('public listing', () => {
		it('shows only open contests, in the reader language with Chinese as the fallback', async () => {
			const open = await create(db, organizer, {
				title: { 'zh-CN': '蓝色星球', en: 'Blue planet', fr: '' },
				theme: { 'zh-CN': '海洋', en: '', fr: 'Les océans' },
				ageBands: '9-11\n6-8 Petits'
			});
			const upcoming = await create(db, organizer, {
				title: { 'zh-CN': '电子垃圾回收', en: '', fr: '' },
				opensAt: '2026-12-01T08:00',
				closesAt: '2027-01-15T18:00'
			});
			const draft = await create(db, organizer, {
				title: { 'zh-CN': '草稿', en: 'Draft', fr: '' }
			});
			const closed = await create(db, organizer);
			for (const id of [open, upcoming, closed])
				await transitionContest(db, organizer, id, 'open', NOW);
			await transitionContest(db, organizer, closed, 'closed', NOW);

			// Other tests in this file left open contests too: look at this test's own.
			const mine = [open, upcoming, draft, closed];
			const ownOf = async (locale: 'fr' | 'en') =>
				(await listPublicOpenContests(db, locale, NOW)).filter((c) => mine.includes(c.id));
			const fr = await ownOf('fr');
			// Soonest closing first; the draft and the closed one are not public.
			expect(fr.map((c) => c.id)).toEqual([open, upcoming]);
			expect(fr[0]).toEqual({
				id: open,
				title: '蓝色星球',
				theme: 'Les océans',
				timeZone: 'Asia/Shanghai',
				opensAt: Date.UTC(2026, 10, 1, 0, 0),
				closesAt: Date.UTC(2026, 11, 31, 10, 0),
				isUpcoming: false,
				ageBands: [
					{ label: 'Petits', minAge: 6, maxAge: 8 },
					{ label: '9–11', minAge: 9, maxAge: 11 }
				],
				board: { width: 1600, height: 1200 }
			});
			expect(fr[1]).toMatchObject({ title: '电子垃圾回收', isUpcoming: true });

			const en = await ownOf('en');
			expect(en[0]).toMatchObject({ title: 'Blue planet', theme: '海洋' });
			expect(en[1]).toMatchObject({ title: '电子垃圾回收' });
		});
	});

	describe('authorization', () => {
		it('refuses teachers and judges in the service itself', async () => {
			const id = await create(db, organizer);
			const before = await findContest(db, id);
			for (const actor of [teacher, judge]) {
				const forbidden = { ok: false, error: 'auth.error.forbidden' };
				expect(await createContest(db, actor, input(), NOW)).toEqual(forbidden);
				expect(await updateContest(db, actor, id, input(), NOW)).toEqual(forbidden);
				expect(await transitionContest(db, actor, id, 'open', NOW)).toEqual(forbidden);
				// Editing a contest one may not manage looks like one that does not exist.
				expect(await codeOf(getContestForEdit(db, actor, id, NOW))).toBe('contests.error.notFound');
				expect(await codeOf(listContestsForAdmin(db, actor, {}, 'en', NOW))).toBe(
					'auth.error.forbidden'
				);
			}
			expect(await findContest(db, id)).toEqual(before);
		});

		it('lists contests for organizers with a status filter', async () => {
			const id = await create(db, organizer, {
				title: { 'zh-CN': '过滤测试', en: 'Filter test', fr: '' }
			});
			const drafts = await listContestsForAdmin(db, organizer, { status: 'draft' }, 'en', NOW);
			expect(drafts!.every((c) => c.status === 'draft')).toBe(true);
			expect(drafts!.find((c) => c.id === id)).toMatchObject({
				title: 'Filter test',
				ageBandCount: 2
			});
			const opened = await listContestsForAdmin(db, organizer, { status: 'open' }, 'zh-CN', NOW);
			expect(opened!.map((c) => c.id)).not.toContain(id);
		});
	});
});
