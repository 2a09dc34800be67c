// The public rule on both databases: consent gating, withdrawal, hiding, deletion, filters and
// pagination — everything a visitor may see goes through public-entry.repository.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db/database.ts';
import { canAccessEntry } from '../../src/lib/server/entries/entry-access.ts';
import { DomainError } from '../../src/lib/server/errors.ts';
import { classGalleryForStudent } from '../../src/lib/server/exhibition/class-gallery.ts';
import '../../src/lib/server/exhibition/public-access.ts';
import { setHidden } from '../../src/lib/server/exhibition/exhibition.repository.ts';
import {
	publishExhibition,
	saveExhibitionSettings,
	setClassWorkDescription,
	setWorkDescription,
	setWorkHidden
} from '../../src/lib/server/exhibition/exhibition.service.ts';
import {
	artworkView,
	exhibitionGrid,
	parseGridQuery
} from '../../src/lib/server/exhibition/public.service.ts';
import {
	altTextOf,
	countPublicFacets,
	findPublicEntry,
	isEntryPublic,
	listPublicEntries,
	listPublicExhibitions
} from '../../src/lib/server/exhibition/public-entry.repository.ts';
import { freshDatabase, testDatabases } from './helpers/databases.ts';
import {
	addAward,
	addConsent,
	addExhibition,
	type ExhibitionWorld
} from './helpers/exhibition-fixtures.ts';

const NOW = Date.UTC(2026, 11, 3, 8);

describe.each(testDatabases())('public exhibition rule on $name', ({ url }) => {
	let db: Db;
	let world: ExhibitionWorld;
	const publicIds = () =>
		world.entries.filter((id) => {
			const scope = world.scopes.get(id);
			return scope === 'public_school' || scope === 'public_pseudonym';
		});

	beforeAll(async () => {
		db = await freshDatabase(url);
		world = await addExhibition(db, 8, NOW);
		// Two awards in the first band, one in the second; only public works should count.
		const [first, second] = publicIds();
		const award = { contestId: world.contestId, kind: 'gold', position: 1 } as const;
		await addAward(db, { ...award, bandId: world.bands[0]!, entryId: first! }, NOW);
		await addAward(
			db,
			{ ...award, bandId: world.bands[1]!, entryId: second!, kind: 'silver', position: 2 },
			NOW
		);
	});
	afterAll(async () => {
		await db?.destroy();
	});

	it('shows only works with public consent, school only with public_school', async () => {
		const page = await listPublicEntries(db, world.contestId, { pageSize: 60 });
		expect(page.total).toBe(publicIds().length);
		expect(page.entries.map((e) => e.entryId).sort()).toEqual(publicIds().sort());
		for (const entry of page.entries) {
			const scope = world.scopes.get(entry.entryId);
			expect(entry.schoolName !== null).toBe(scope === 'public_school');
			expect(entry.handle).toMatch(/^[a-z0-9]{10}$/);
			expect(entry.handle).not.toBe(entry.entryId);
		}
		for (const id of world.entries)
			expect(await isEntryPublic(db, id)).toBe(publicIds().includes(id));
		expect((await listPublicExhibitions(db)).map((x) => x.slug)).toContain(world.slug);
	});

	it('puts winners first by band and award, and filters by band, award and school', async () => {
		const page = await listPublicEntries(db, world.contestId, { sort: 'award' });
		expect(page.entries[0]!.award?.kind).toBe('gold');
		expect(page.entries[1]!.award?.kind).toBe('silver');
		expect(page.entries[2]!.award).toBeNull();

		const gold = await listPublicEntries(db, world.contestId, { award: 'gold' });
		expect(gold.entries.map((e) => e.award?.kind)).toEqual(['gold']);

		const band = await listPublicEntries(db, world.contestId, { band: world.bands[1] });
		expect(band.total).toBeGreaterThan(0);
		expect(band.entries.every((e) => e.ageBandId === world.bands[1])).toBe(true);

		const school = await listPublicEntries(db, world.contestId, { school: world.schools[0] });
		expect(school.entries.every((e) => e.schoolName === '东山小学')).toBe(true);
		expect(school.total).toBe(
			publicIds().filter(
				(id) =>
					world.scopes.get(id) === 'public_school' && world.entrySchool.get(id) === world.schools[0]
			).length
		);

		const facets = await countPublicFacets(db, world.contestId);
		expect(facets.total).toBe(publicIds().length);
		expect(facets.awards).toEqual([
			{ kind: 'gold', count: 1 },
			{ kind: 'silver', count: 1 }
		]);
		expect(facets.schools.map((s) => s.name).sort()).toEqual(['东山小学', '西湖小学']);
	});

	it('paginates without overlap and clamps huge or silly pages', async () => {
		const seen: string[] = [];
		for (let page = 1; page <= 3; page++) {
			const result = await listPublicEntries(db, world.contestId, { page, pageSize: 3 });
			seen.push(...result.entries.map((e) => e.handle));
		}
		expect(new Set(seen).size).toBe(seen.length);
		expect(seen.length).toBe(publicIds().length);
		const huge = await listPublicEntries(db, world.contestId, { pageSize: 1e9, page: 1e12 });
		expect(huge.pageSize).toBe(60);
		expect(huge.entries).toEqual([]);
		const nan = await listPublicEntries(db, world.contestId, { pageSize: NaN, page: -4 });
		expect(nan.page).toBe(1);
		expect(nan.entries.length).toBeGreaterThan(0);
	});

	it('hides a hidden work, a withdrawn consent and a deleted child at once', async () => {
		const [a, b, c] = publicIds().slice(2);
		const handleA = world.handles.get(a!)!;
		expect(await findPublicEntry(db, world.slug, handleA)).toBeDefined();
		await setHidden(db, a!, { reason: 'Asked by the school', by: world.organizer.id, at: NOW });
		expect(await findPublicEntry(db, world.slug, handleA)).toBeUndefined();
		await setHidden(db, a!, null);
		expect(await findPublicEntry(db, world.slug, handleA)).toBeDefined();

		const before = (await countPublicFacets(db, world.contestId)).total;
		await db
			.updateTable('guardian_consent')
			.set({ withdrawn_at: NOW })
			.where('student_id', '=', world.students.get(b!)!)
			.execute();
		expect(await isEntryPublic(db, b!)).toBe(false);
		expect((await countPublicFacets(db, world.contestId)).total).toBe(before - 1);
		// A new classroom-only consent does not bring it back.
		await addConsent(db, world.students.get(b!)!, 'classroom', NOW);
		expect(await isEntryPublic(db, b!)).toBe(false);

		await db.deleteFrom('student').where('id', '=', world.students.get(c!)!).execute();
		expect(await findPublicEntry(db, world.slug, world.handles.get(c!)!)).toBeUndefined();
		expect((await countPublicFacets(db, world.contestId)).total).toBe(before - 2);
	});

	it('shows nothing of an unpublished exhibition or a contest not exhibited', async () => {
		const [a] = publicIds();
		await db
			.updateTable('exhibition')
			.set({ published_at: null })
			.where('contest_id', '=', world.contestId)
			.execute();
		expect(await isEntryPublic(db, a!)).toBe(false);
		expect((await listPublicEntries(db, world.contestId)).total).toBe(0);
		await db
			.updateTable('exhibition')
			.set({ published_at: NOW })
			.where('contest_id', '=', world.contestId)
			.execute();
		await db
			.updateTable('contest')
			.set({ status: 'results' })
			.where('id', '=', world.contestId)
			.execute();
		expect(await isEntryPublic(db, a!)).toBe(false);
		expect(await findPublicEntry(db, 'no-such-slug', 'aaaaaaaaaa')).toBeUndefined();
		await db
			.updateTable('contest')
			.set({ status: 'exhibited' })
			.where('id', '=', world.contestId)
			.execute();
		expect(await isEntryPublic(db, a!)).toBe(true);
	});
});

describe.each(testDatabases())('exhibition services on $name', ({ url }) => {
	let db: Db;
	let world: ExhibitionWorld;

	beforeAll(async () => {
		db = await freshDatabase(url);
		world = await addExhibition(db, 10, NOW, 'spring-show');
	});
	afterAll(async () => {
		await db?.destroy();
	});

	it('refuses malformed query strings with a 400 and unknown filters with a 404', async () => {
		const bad = [
			'page=0',
			'page=-1',
			'page=abc',
			"page=1' or 1=1",
			'page=99999999999',
			'award=platinum',
			'sort=random',
			'band=x',
			'school=<script>',
			'page=1&page=2'
		];
		for (const q of bad) {
			const err = await Promise.resolve()
				.then(() => parseGridQuery(new URLSearchParams(q)))
				.catch((e: unknown) => e);
			expect(err, q).toBeInstanceOf(DomainError);
			expect((err as DomainError).status, q).toBe(400);
		}
		const notFound = async (slug: string, q: string) => {
			const err = await exhibitionGrid(
				db,
				slug,
				parseGridQuery(new URLSearchParams(q)),
				'en'
			).catch((e: unknown) => e);
			expect(err, `${slug}?${q}`).toBeInstanceOf(DomainError);
			expect((err as DomainError).status).toBe(404);
		};
		await notFound('spring-show', 'band=9');
		await notFound('spring-show', 'page=50');
		await notFound('spring-show', 'school=0123456789');
		await notFound('no-such-show', '');
		await notFound('../etc/passwd', '');
		await notFound("x' or 1=1 --", '');
	});

	it('builds the grid with public words only, and prev/next inside the filter', async () => {
		const grid = await exhibitionGrid(
			db,
			'spring-show',
			parseGridQuery(new URLSearchParams()),
			'en'
		);
		expect(grid.total).toBeGreaterThan(0);
		const json = JSON.stringify(grid);
		for (const id of [
			...world.entries,
			...world.students.values(),
			...world.schools,
			world.contestId
		])
			expect(json).not.toContain(id);
		const school = grid.filters.schools[0]!;
		const bySchool = await exhibitionGrid(
			db,
			'spring-show',
			parseGridQuery(new URLSearchParams(`school=${school.value}`)),
			'en'
		);
		expect(bySchool.total).toBe(school.count);
		expect(bySchool.cards.every((c) => c.school === school.label)).toBe(true);

		const query = parseGridQuery(new URLSearchParams('band=1&sort=newest'));
		const band = await exhibitionGrid(db, 'spring-show', query, 'en');
		const [first, second] = band.cards;
		const view = await artworkView(db, 'spring-show', first!.handle, query, 'en');
		expect(view.prevHref).toBeNull();
		expect(view.nextHref).toBe(`/exhibitions/spring-show/${second!.handle}?band=1&sort=newest`);
		expect(JSON.stringify(view)).not.toContain(world.contestId);
	});

	it('publishes through the lifecycle, hides with a reason and takes descriptions', async () => {
		const organizer = world.organizer;
		await db
			.updateTable('contest')
			.set({ status: 'results' })
			.where('id', '=', world.contestId)
			.execute();
		await db
			.updateTable('exhibition')
			.set({ published_at: null })
			.where('contest_id', '=', world.contestId)
			.execute();
		await expect(publishExhibition(db, organizer, world.contestId, NOW)).rejects.toMatchObject({
			code: 'exhibition.error.introRequired'
		});
		await saveExhibitionSettings(
			db,
			organizer,
			world.contestId,
			{ slug: 'spring-show', intro: { 'zh-CN': '春天的画', en: '', fr: '' }, cover: '' },
			NOW
		);
		await expect(
			saveExhibitionSettings(
				db,
				organizer,
				world.contestId,
				{ slug: 'Bad Slug!', intro: { 'zh-CN': 'x', en: '', fr: '' }, cover: '' },
				NOW
			)
		).rejects.toMatchObject({ status: 400, code: 'exhibition.error.slug' });
		await publishExhibition(db, organizer, world.contestId, NOW);
		const contest = await db
			.selectFrom('contest')
			.select('status')
			.where('id', '=', world.contestId)
			.executeTakeFirstOrThrow();
		expect(contest.status).toBe('exhibited');

		const [target] = world.entries.filter((id) => world.scopes.get(id) === 'public_pseudonym');
		const handle = world.handles.get(target!)!;
		await expect(
			setWorkHidden(db, organizer, world.contestId, handle, true, '   ', NOW)
		).rejects.toMatchObject({ code: 'exhibition.error.reasonRequired' });
		await setWorkHidden(db, organizer, world.contestId, handle, true, 'Parents asked', NOW);
		expect(await findPublicEntry(db, 'spring-show', handle)).toBeUndefined();
		const row = await db
			.selectFrom('exhibition_entry')
			.select(['hidden_reason'])
			.where('entry_id', '=', target!)
			.executeTakeFirstOrThrow();
		expect(row.hidden_reason).toBe('Parents asked');
		await setWorkHidden(db, organizer, world.contestId, handle, false, '', NOW);

		await setWorkDescription(
			db,
			organizer,
			world.contestId,
			handle,
			'A blue whale under a sun',
			NOW
		);
		const shown = await findPublicEntry(db, 'spring-show', handle);
		expect(altTextOf(shown!)).toBe('A blue whale under a sun');
		await expect(
			setWorkDescription(db, organizer, world.contestId, handle, 'x'.repeat(301), NOW)
		).rejects.toMatchObject({ status: 400 });

		// The teacher of the class may describe; another teacher may not even see it.
		const classroomId = (
			await db
				.selectFrom('student')
				.select('classroom_id')
				.where('id', '=', world.students.get(target!)!)
				.executeTakeFirstOrThrow()
		).classroom_id;
		const teacher = world.teachers[world.schools.indexOf(world.entrySchool.get(target!)!)]!;
		await setClassWorkDescription(db, teacher, classroomId, target!, 'Drawn with crayons', NOW);
		expect(altTextOf((await findPublicEntry(db, 'spring-show', handle))!)).toBe(
			'Drawn with crayons'
		);
		const other = world.teachers.find((t) => t !== teacher)!;
		await expect(
			setClassWorkDescription(db, other, classroomId, target!, 'nope', NOW)
		).rejects.toMatchObject({ status: 404 });
		await expect(
			setWorkHidden(db, teacher, world.contestId, handle, true, 'no', NOW)
		).rejects.toMatchObject({ status: 403 });
	});
});

describe.each(testDatabases())('class gallery and picture access on $name', ({ url }) => {
	let db: Db;
	let world: ExhibitionWorld;

	beforeAll(async () => {
		db = await freshDatabase(url);
		world = await addExhibition(db, 8, NOW);
	});
	afterAll(async () => {
		await db?.destroy();
	});

	it('shows a class its works with any consent, and lets classmates see only those', async () => {
		const [first] = world.entries;
		const studentId = world.students.get(first!)!;
		const { classroom_id: classroomId } = await db
			.selectFrom('student')
			.select('classroom_id')
			.where('id', '=', studentId)
			.executeTakeFirstOrThrow();
		const me = { id: studentId, classroomId, pseudonym: 'Kid 1', avatar: 'leaf-green' };
		const works = await classGalleryForStudent(db, me);
		const mine = world.entries.filter(
			(id) => world.entrySchool.get(id) === world.entrySchool.get(first!)
		);
		expect(works.map((w) => w.id).sort()).toEqual(mine.filter((id) => world.scopes.has(id)).sort());

		const noConsent = mine.find((id) => !world.scopes.has(id))!;
		const classroomOnly = mine.find((id) => world.scopes.get(id) === 'classroom')!;
		const viewer = { student: me };
		expect(await canAccessEntry(db, viewer, classroomOnly, 'rendition')).toBe(true);
		expect(await canAccessEntry(db, viewer, classroomOnly, 'document')).toBe(false);
		expect(await canAccessEntry(db, viewer, noConsent, 'rendition')).toBe(false);
		const otherSchool = world.entries.find(
			(id) =>
				world.entrySchool.get(id) !== world.entrySchool.get(first!) &&
				world.scopes.get(id) === 'classroom'
		)!;
		expect(await canAccessEntry(db, viewer, otherSchool, 'rendition')).toBe(false);

		const anonymous = { anonymous: true } as const;
		const publicOne = world.entries.find((id) => world.scopes.get(id) === 'public_pseudonym')!;
		expect(await canAccessEntry(db, anonymous, publicOne, 'rendition')).toBe(true);
		expect(await canAccessEntry(db, anonymous, publicOne, 'document')).toBe(false);
		expect(await canAccessEntry(db, anonymous, classroomOnly, 'rendition')).toBe(false);
	});
});
