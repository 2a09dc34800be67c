// The public pages are kept per public version (public-version.ts): every write that changes
// what they show must move it — even one made straight in SQL, past every service — and
// writes that change nothing public (votes, sessions) must not.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db/database.ts';
import { DomainError } from '../../src/lib/server/errors.ts';
import { publicVersion } from '../../src/lib/server/exhibition/public-version.ts';
import {
	artworkView,
	exhibitionGrid,
	parseGridQuery
} from '../../src/lib/server/exhibition/public.service.ts';
import { freshDatabase, testDatabases } from './helpers/databases.ts';
import { addExhibition, type ExhibitionWorld } from './helpers/exhibition-fixtures.ts';

const NOW = Date.UTC(2026, 11, 3, 8);
const ALL = parseGridQuery(new URLSearchParams('sort=newest'));

describe.each(testDatabases())('public version on $name', ({ url }) => {
	let db: Db;
	let world: ExhibitionWorld;
	const grid = () => exhibitionGrid(db, world.slug, ALL, 'en');
	const handlesOnGrid = async () => (await grid()).cards.map((c) => c.handle);
	const publicEntry = (n: number) =>
		world.entries.filter((id) => world.scopes.get(id)?.startsWith('public'))[n]!;

	beforeAll(async () => {
		db = await freshDatabase(url);
		world = await addExhibition(db, 6, NOW);
	});
	afterAll(async () => {
		await db?.destroy();
	});

	it('shows every public change on the next request, even one made straight in SQL', async () => {
		const [a, b, c, d] = [publicEntry(0), publicEntry(1), publicEntry(2), publicEntry(3)];
		const handle = (id: string) => world.handles.get(id)!;
		const total = (await grid()).total;
		expect(await handlesOnGrid()).toContain(handle(a));
		// Asked twice under one version: the same kept view.
		expect(await grid()).toBe(await grid());

		await db
			.updateTable('guardian_consent')
			.set({ withdrawn_at: NOW })
			.where('student_id', '=', world.students.get(a)!)
			.execute();
		expect(await handlesOnGrid()).not.toContain(handle(a));
		expect((await grid()).total).toBe(total - 1);
		await expect(artworkView(db, world.slug, handle(a), ALL, 'en')).rejects.toThrow(DomainError);

		const before = await artworkView(db, world.slug, handle(b), ALL, 'en');
		await db
			.updateTable('exhibition_entry')
			.set({ description: 'A red bird on a green roof.' })
			.where('entry_id', '=', b)
			.execute();
		const after = await artworkView(db, world.slug, handle(b), ALL, 'en');
		expect(after.artwork.alt).toBe('A red bird on a green roof.');
		expect(after.artwork.alt).not.toBe(before.artwork.alt);

		// Kept under the current version first, so only a moved version can show the change.
		expect((await grid()).cards.find((x) => x.handle === handle(b))?.pseudonym).not.toBe(
			'Blue Kite'
		);
		await db
			.updateTable('student')
			.set({ pseudonym: 'Blue Kite' })
			.where('id', '=', world.students.get(b)!)
			.execute();
		expect((await grid()).cards.find((x) => x.handle === handle(b))?.pseudonym).toBe('Blue Kite');

		expect(await handlesOnGrid()).toContain(handle(c));
		await db
			.updateTable('exhibition_entry')
			.set({ hidden_at: NOW, hidden_reason: 'asked' })
			.where('entry_id', '=', c)
			.execute();
		expect(await handlesOnGrid()).not.toContain(handle(c));

		expect(await handlesOnGrid()).toContain(handle(d));
		await db.deleteFrom('student').where('id', '=', world.students.get(d)!).execute();
		expect(await handlesOnGrid()).not.toContain(handle(d));
		expect((await grid()).total).toBe(total - 3);

		expect((await grid()).total).toBe(total - 3);
		await db
			.updateTable('exhibition')
			.set({ published_at: null })
			.where('contest_id', '=', world.contestId)
			.execute();
		await expect(grid()).rejects.toThrow(DomainError);
	});

	it('moves with a committed transaction only, and not for votes or sessions', async () => {
		const start = await publicVersion(db);
		await db
			.transaction()
			.execute(async (trx) => {
				await trx.updateTable('school').set({ name: '南湖小学' }).execute();
				throw new Error('rolled back');
			})
			.catch(() => undefined);
		expect(await publicVersion(db)).toBe(start);

		await db.transaction().execute(async (trx) => {
			await trx.updateTable('contest_age_band').set({ label: '6–9' }).execute();
			await trx.updateTable('award').set({ label: '{}' }).execute();
			await trx.updateTable('classroom').set({ name: 'Class A' }).execute();
		});
		const moved = await publicVersion(db);
		expect(moved).not.toBe(start);
		expect(moved.split(':')[0]).toBe(start.split(':')[0]);

		await sql`delete from peoples_choice_vote`.execute(db);
		await sql`delete from session`.execute(db);
		expect(await publicVersion(db)).toBe(moved);
	});
});
