// The art board size of a contest on every supported database: only presets are accepted, the
// stored orientation follows the size, and the migration gives existing contests a board.
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../src/lib/server/auth/session.ts';
import { findContest } from '../../src/lib/server/contests/contest.repository.ts';
import {
	createContest as createContestOrThrow,
	getContestForEdit,
	listPublicOpenContests,
	transitionContest,
	updateContest as updateContestOrThrow,
	type ContestInput
} from '../../src/lib/server/contests/contest.service.ts';
import type { Db } from '../../src/lib/server/db/database.ts';
import { createMigrator } from '../../src/lib/server/db/migrate.ts';
import { freshDatabase, testDatabases } from './helpers/databases.ts';
import { addUser, contestInput } from './helpers/fixtures.ts';
import { outcome } from './helpers/outcome.ts';

// Refusals are thrown DomainErrors; these compare them as `{ ok: false, error }`.
const createContest = (...a: Parameters<typeof createContestOrThrow>) =>
	outcome(createContestOrThrow(...a));
const updateContest = (...a: Parameters<typeof updateContestOrThrow>) =>
	outcome(updateContestOrThrow(...a));

const NOW = Date.UTC(2026, 10, 21, 12, 0);

/** The columns these tests touch, before and after the board migration. */
interface OldSchema {
	entry: { id: string };
	contest: {
		id: string;
		title: string;
		board_orientation: string;
		board_width?: number;
		board_height?: number;
		created_at: number;
		updated_at: number;
	};
}

function input(boardSize: string): ContestInput {
	return contestInput({ boardSize });
}

describe.each(testDatabases())('contest art board on $name', ({ url }) => {
	let db: Db;
	let organizer: SessionUser;

	beforeAll(async () => {
		db = await freshDatabase(url);
		organizer = await addUser(db, 'organizer');
	});
	afterAll(async () => {
		await db?.destroy();
	});

	it('stores each preset with its derived orientation and reads it back', async () => {
		const expected = {
			landscape: [1600, 1200, 'landscape'],
			portrait: [1200, 1600, 'portrait'],
			square: [1400, 1400, 'any'],
			'a4-landscape': [1697, 1200, 'landscape'],
			'a4-portrait': [1200, 1697, 'portrait']
		} as const;
		for (const [preset, [width, height, orientation]] of Object.entries(expected)) {
			const result = await createContest(db, organizer, input(preset), NOW);
			if (!result.ok) throw new Error(result.error);
			expect(await findContest(db, result.id), preset).toMatchObject({
				board_width: width,
				board_height: height,
				board_orientation: orientation
			});
			expect(await getContestForEdit(db, organizer, result.id, NOW)).toMatchObject({
				board: { width, height },
				boardSize: preset
			});
		}
	});

	it('refuses anything but a preset on create and edit, changing nothing', async () => {
		const created = await createContest(db, organizer, input('a4-portrait'), NOW);
		if (!created.ok) throw new Error(created.error);
		const before = await findContest(db, created.id);
		for (const bad of ['', 'any', '1600x1600', 'A4-PORTRAIT', 'landscape ']) {
			const refusal = { ok: false, error: 'contests.error.boardSize' };
			expect(await createContest(db, organizer, input(bad), NOW), bad).toEqual(refusal);
			expect(await updateContest(db, organizer, created.id, input(bad), NOW + 1), bad).toEqual(
				refusal
			);
		}
		expect(await findContest(db, created.id)).toEqual(before);

		expect(await updateContest(db, organizer, created.id, input('square'), NOW + 2)).toEqual({
			ok: true,
			id: created.id
		});
		expect(await findContest(db, created.id)).toMatchObject({
			board_width: 1400,
			board_height: 1400,
			board_orientation: 'any'
		});
		await transitionContest(db, organizer, created.id, 'open', NOW);
		const open = (await listPublicOpenContests(db, 'en', NOW)).find((c) => c.id === created.id);
		expect(open?.board).toEqual({ width: 1400, height: 1400 });
	});

	it('gives existing contests a board: portrait ones 1200×1600, the others 1600×1200', async () => {
		const migrator = createMigrator(db);
		// Back to just before the board columns (and the templates table after them).
		const down = await migrator.migrateTo('20261121150000_create_entry');
		expect(down.error).toBeUndefined();
		const raw = db as unknown as Kysely<OldSchema>;
		await raw.deleteFrom('entry').execute();
		await raw.deleteFrom('contest').execute();
		for (const orientation of ['landscape', 'portrait', 'any']) {
			await raw
				.insertInto('contest')
				.values({
					id: `old-${orientation}`,
					title: '{"zh-CN":"旧比赛"}',
					board_orientation: orientation,
					created_at: NOW,
					updated_at: NOW
				})
				.execute();
		}
		const up = await migrator.migrateToLatest();
		expect(up.error).toBeUndefined();
		const rows = await raw
			.selectFrom('contest')
			.select(['id', 'board_width', 'board_height', 'board_orientation'])
			.orderBy('id')
			.execute();
		expect(rows).toEqual([
			{ id: 'old-any', board_width: 1600, board_height: 1200, board_orientation: 'landscape' },
			{
				id: 'old-landscape',
				board_width: 1600,
				board_height: 1200,
				board_orientation: 'landscape'
			},
			{ id: 'old-portrait', board_width: 1200, board_height: 1600, board_orientation: 'portrait' }
		]);
	});
});
