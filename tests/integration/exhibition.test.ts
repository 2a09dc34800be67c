// The public rule on both databases: consent gating, withdrawal, hiding, deletion, filters and
// pagination — everything a visitor may see goes through public-entry.repository.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db/database.ts';
import { setHidden } from '../../src/lib/server/exhibition/exhibition.repository.ts';
import {
	countPublicFacets,
	findPublicEntry,
	isEntryPublic,
	listPublicEntries,
	listPublicExhibitions
} from '../../src/lib/server/exhibition/public-entry.repository.ts';
import { newId } from '../../src/lib/server/ids.ts';
import { freshDatabase, testDatabases } from './helpers/databases.ts';
import { addConsent, addExhibition, type ExhibitionWorld } from './helpers/exhibition-fixtures.ts';

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
		await db
			.insertInto('award')
			.values([
				{
					id: newId(),
					contest_id: world.contestId,
					age_band_id: world.bands[0]!,
					entry_id: first!,
					kind: 'gold',
					label: '{}',
					position: 1,
					overridden_reason: null,
					created_at: NOW,
					updated_at: NOW
				},
				{
					id: newId(),
					contest_id: world.contestId,
					age_band_id: world.bands[1]!,
					entry_id: second!,
					kind: 'silver',
					label: '{}',
					position: 2,
					overridden_reason: null,
					created_at: NOW,
					updated_at: NOW
				}
			])
			.execute();
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
