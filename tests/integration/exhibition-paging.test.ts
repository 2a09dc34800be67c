// Deep pages on both databases: a page starts from a remembered seek point instead of a deep
// OFFSET (public-entry.repository.ts newestSlice). Whatever the seek step, every filter, sort
// and page must show exactly the works a plain OFFSET shows, ties on the date included.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db/database.ts';
import type { AwardKind } from '../../src/lib/server/db/schema.ts';
import {
	listPublicEntries,
	type PublicFilter
} from '../../src/lib/server/exhibition/public-entry.repository.ts';
import { freshDatabase, testDatabases } from './helpers/databases.ts';
import { addAward, addExhibition, type ExhibitionWorld } from './helpers/exhibition-fixtures.ts';

const NOW = Date.UTC(2026, 11, 3, 8);
/** Far beyond the number of works: never seeks, so it is plain OFFSET paging. */
const NO_SEEK = 1_000_000;

describe.each(testDatabases())('deep public pages on $name', ({ url }) => {
	let db: Db;
	let world: ExhibitionWorld;

	beforeAll(async () => {
		db = await freshDatabase(url);
		world = await addExhibition(db, 12, NOW);
		// Runs of works sharing one date, so the id alone orders them across a seek point.
		for (const [i, id] of world.entries.entries())
			await db
				.updateTable('entry')
				.set({ created_at: NOW - 86_400_000 + Math.floor(i / 3) })
				.where('id', '=', id)
				.execute();
		const publicIds = world.entries.filter((id) => /^public/.test(world.scopes.get(id) ?? ''));
		const kinds: AwardKind[] = ['gold', 'silver', 'honourable'];
		for (const [i, kind] of kinds.entries())
			await addAward(
				db,
				{
					contestId: world.contestId,
					bandId: world.bands[i % 2]!,
					entryId: publicIds[i * 3]!,
					kind,
					position: i + 1
				},
				NOW
			);
	});
	afterAll(async () => {
		await db?.destroy();
	});

	async function allPages(filter: PublicFilter, pageSize: number, seekStep: number) {
		const pages: string[][] = [];
		for (let page = 1; ; page++) {
			const result = await listPublicEntries(
				db,
				world.contestId,
				{ ...filter, page, pageSize },
				{ seekStep }
			);
			// Every page up to the count is full but the last; the one after it is empty.
			if (page > result.pageCount) {
				expect(result.entries).toEqual([]);
				break;
			}
			const left = result.total - (page - 1) * pageSize;
			expect(result.entries).toHaveLength(Math.max(0, Math.min(pageSize, left)));
			pages.push(result.entries.map((e) => e.handle));
		}
		return pages;
	}

	it('shows the same works on every page as plain OFFSET paging, for every filter and sort', async () => {
		const filters: PublicFilter[] = [
			{},
			{ sort: 'newest' },
			{ band: world.bands[1] },
			{ band: world.bands[0], sort: 'newest' },
			{ school: world.schools[0] },
			{ school: world.schools[1], sort: 'newest' },
			{ award: 'gold' },
			{ award: 'bronze' }
		];
		for (const filter of filters) {
			const whole = await listPublicEntries(db, world.contestId, { ...filter, pageSize: 60 });
			const plain = await allPages(filter, 2, NO_SEEK);
			expect(plain.flat()).toEqual(whole.entries.map((e) => e.handle));
			for (const [pageSize, seekStep] of [
				[2, 2],
				[2, 4],
				[3, 2],
				[5, 3]
			] as const) {
				const seeking = await allPages(filter, pageSize, seekStep);
				expect(seeking.flat(), JSON.stringify({ filter, pageSize, seekStep })).toEqual(
					whole.entries.map((e) => e.handle)
				);
			}
		}
	});

	it('answers a page past the end, or a huge page or size, with no works', async () => {
		const total = (await listPublicEntries(db, world.contestId, { pageSize: 60 })).total;
		expect(total).toBeGreaterThan(6);
		for (const sort of ['award', 'newest'] as const) {
			const past = await listPublicEntries(
				db,
				world.contestId,
				{ sort, page: total + 1, pageSize: 1 },
				{ seekStep: 2 }
			);
			expect(past).toMatchObject({ entries: [], total, pageCount: total });
			const huge = await listPublicEntries(db, world.contestId, {
				sort,
				page: Number.MAX_SAFE_INTEGER,
				pageSize: 1e12
			});
			expect(huge).toMatchObject({ entries: [], pageSize: 60 });
		}
		const last = await listPublicEntries(
			db,
			world.contestId,
			{ sort: 'newest', page: total, pageSize: 1 },
			{ seekStep: 2 }
		);
		expect(last.entries).toHaveLength(1);
	});
});
