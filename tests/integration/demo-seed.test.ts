// `npm run demo`'s contest seed on both dialects: an open contest whose entries cover every
// state a teacher meets, each from a real stroke document, and a second run that changes nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/lib/draw/parse-document.ts';
import type { Db } from '../../src/lib/server/db/database.ts';
import { seedDemo } from '../../src/lib/server/db/seed.ts';
import { DEMO_ENTRIES, seedDemoContest } from '../../src/lib/server/demo/seed-demo.ts';
import { createLocalStore } from '../../src/lib/server/storage/local-store.ts';
import type { ObjectStore } from '../../src/lib/server/storage/object-store.ts';
import { freshDatabase, testDatabases } from './helpers/databases.ts';

// Eight drawings painted, encoded and processed through the image pipeline: slow on 2 cores.
const SEED_TIMEOUT = 180_000;

describe.each(testDatabases())('demo contest seed on $name', ({ url }) => {
	let db: Db;
	let store: ObjectStore;
	let dir: string;

	beforeAll(async () => {
		db = await freshDatabase(url);
		dir = mkdtempSync(path.join(tmpdir(), 'sprout-demo-'));
		store = createLocalStore(dir);
		await seedDemo(db);
	}, SEED_TIMEOUT);
	afterAll(async () => {
		await db.destroy();
		rmSync(dir, { recursive: true, force: true });
	});

	const snapshot = async () => ({
		contests: await db.selectFrom('contest').select(['id', 'status']).execute(),
		entries: await db
			.selectFrom('entry')
			.select(['id', 'status', 'drawing_id', 'student_id', 'media'])
			.orderBy('id')
			.execute(),
		drawings: await db.selectFrom('drawing').select(['id', 'doc_key']).orderBy('id').execute(),
		consents: await db.selectFrom('guardian_consent').select('id').orderBy('id').execute()
	});

	it(
		'makes an open contest with several entries waiting, approved with consent and returned',
		async () => {
			const result = await seedDemoContest({ db, store });
			expect(result.createdEntries).toBe(DEMO_ENTRIES.length);
			const { contests, entries, drawings } = await snapshot();
			expect(contests).toEqual([{ id: result.contestId, status: 'open' }]);
			const count = (status: string) => entries.filter((e) => e.status === status).length;
			expect(count('waiting')).toBeGreaterThanOrEqual(2);
			expect(count('approved')).toBeGreaterThanOrEqual(2);
			expect(count('returned')).toBeGreaterThanOrEqual(2);
			expect(entries).toHaveLength(DEMO_ENTRIES.length);
			// Every entry has its pictures and comes from a saved drawing whose document is valid.
			for (const entry of entries) {
				expect(entry.media).not.toBeNull();
				const drawing = drawings.find((d) => d.id === entry.drawing_id)!;
				const object = await store.get(drawing.doc_key);
				const chunks: Buffer[] = [];
				for await (const chunk of object!.body) chunks.push(chunk as Buffer);
				const parsed = parseDocument(JSON.parse(Buffer.concat(chunks).toString('utf8')));
				expect(parsed.ok && parsed.doc.ops.length).toBeGreaterThan(50);
			}
			// Approved work is only shown with a guardian's consent.
			const approvedChildren = entries
				.filter((e) => e.status === 'approved')
				.map((e) => e.student_id);
			const consented = await db
				.selectFrom('guardian_consent')
				.select('student_id')
				.where('withdrawn_at', 'is', null)
				.execute();
			for (const child of approvedChildren)
				expect(consented.map((c) => c.student_id)).toContain(child);
			const returned = await db
				.selectFrom('entry')
				.select('status_message')
				.where('status', '=', 'returned')
				.execute();
			for (const r of returned) expect(r.status_message).toBeTruthy();
		},
		SEED_TIMEOUT
	);

	it(
		'changes nothing when run again',
		async () => {
			const before = await snapshot();
			const again = await seedDemoContest({ db, store });
			expect(again.createdEntries).toBe(0);
			expect(await snapshot()).toEqual(before);
		},
		SEED_TIMEOUT
	);
});
