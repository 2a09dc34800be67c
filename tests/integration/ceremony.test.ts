import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listCertificateRecipients } from '../../src/lib/server/ceremony/ceremony.repository.ts';
import { getCeremonyProgramme } from '../../src/lib/server/ceremony/ceremony.service.ts';
import {
	certificateJobHandler,
	certificateJobHooks,
	findCertificateFile,
	listCertificateBatches,
	startCertificates,
	type CertificateRequest
} from '../../src/lib/server/ceremony/certificate.service.ts';
import type { Db } from '../../src/lib/server/db/database.ts';
import { DomainError } from '../../src/lib/server/errors.ts';
import { newId } from '../../src/lib/server/ids.ts';
import { PermanentJobError, type Job } from '../../src/lib/server/jobs/queue.ts';
import { readPdfText } from '../../src/lib/server/pdf/index.ts';
import { createLocalStore } from '../../src/lib/server/storage/local-store.ts';
import type { ObjectStore } from '../../src/lib/server/storage/index.ts';
import { freshDatabase, testDatabases } from './helpers/databases.ts';
import { addExhibition, type ExhibitionWorld } from './helpers/exhibition-fixtures.ts';
import { addJudgingContest, type JudgingWorld } from './helpers/judging-fixtures.ts';

const NGO = '绿芽儿童艺术基金会';

async function readObject(store: ObjectStore, key: string): Promise<Buffer> {
	const object = await store.get(key);
	if (!object) throw new Error(`missing ${key}`);
	const chunks: Buffer[] = [];
	for await (const chunk of object.body) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}

async function keysUnder(store: ObjectStore, prefix: string): Promise<string[]> {
	const keys: string[] = [];
	for await (const o of store.list(prefix)) keys.push(o.key);
	return keys;
}

/** Runs every queued batch's job the way the worker would; returns each outcome. */
async function runJobs(db: Db, store: ObjectStore) {
	const handler = certificateJobHandler({ db, store, ngoName: NGO });
	const jobs = await db
		.selectFrom('job')
		.select(['id', 'payload'])
		.where('kind', '=', 'ceremony.certificates')
		.where('status', '=', 'queued')
		.execute();
	const outcomes: unknown[] = [];
	for (const row of jobs) {
		const payload = JSON.parse(row.payload) as unknown;
		try {
			outcomes.push(
				await handler(payload, {
					job: { id: row.id, payload } as Job,
					signal: new AbortController().signal
				})
			);
		} catch (error) {
			outcomes.push(error);
		}
		await db.updateTable('job').set({ status: 'done' }).where('id', '=', row.id).execute();
	}
	return outcomes;
}

describe.each(testDatabases())('ceremony certificates on $name', ({ url }) => {
	let db: Db;
	let store: ObjectStore;
	let world: JudgingWorld;
	const now = Date.now();
	const request = (locales: string[]): CertificateRequest => ({
		scope: 'school',
		locales: { [world.schools[0]]: locales[0]!, [world.schools[1]]: locales[1]! },
		date: '2026-12-20',
		signature: '李华 项目主任'
	});

	beforeAll(async () => {
		db = await freshDatabase(url);
		store = createLocalStore(mkdtempSync(path.join(tmpdir(), 'sprout-ceremony-')));
		world = await addJudgingContest(db, 3, now);
		const rows = await listCertificateRecipients(db, world.contestId);
		const names = ['小明', '王小红', 'Léa', 'Zoé', 'Tom', 'Ana'];
		for (const [i, row] of rows.entries())
			await db
				.updateTable('student')
				.set({ first_name: names[i]! })
				.where('id', '=', row.studentId)
				.execute();
	});
	afterAll(() => db.destroy());

	it('refuses a contest without awards, and changes nothing', async () => {
		await expect(
			startCertificates({ db, store }, world.organizer, world.contestId, request(['zh-CN', 'fr']))
		).rejects.toMatchObject({ code: 'ceremony.error.noAwards' });
		expect(await db.selectFrom('certificate_batch').select('id').execute()).toEqual([]);
		expect(await db.selectFrom('job').select('id').execute()).toEqual([]);
	});

	it('refuses bad input with a clear key', async () => {
		await addAwards();
		const bad: [Partial<CertificateRequest>, string][] = [
			[{ scope: 'town' }, 'ceremony.error.scope'],
			[{ date: '2026-02-30' }, 'ceremony.error.date'],
			[{ signature: 'x'.repeat(81) }, 'ceremony.error.signature'],
			[{ locales: { [world.schools[0]]: 'de' } }, 'ceremony.error.language']
		];
		for (const [change, code] of bad) {
			const err = await startCertificates({ db, store }, world.organizer, world.contestId, {
				...request(['zh-CN', 'fr']),
				...change
			}).catch((e: unknown) => e);
			expect(err).toBeInstanceOf(DomainError);
			expect((err as DomainError).code).toBe(code);
		}
		await expect(
			startCertificates({ db, store }, world.teachers[0], world.contestId, request(['zh-CN', 'fr']))
		).rejects.toMatchObject({ status: 403 });
	});

	async function addAwards() {
		const rows = await listCertificateRecipients(db, world.contestId);
		const awarded: [number, 'gold' | 'silver' | 'honourable', string][] = [
			[0, 'gold', '{}'],
			[1, 'silver', '{}'],
			[3, 'honourable', JSON.stringify({ fr: 'Prix spécial du jury' })]
		];
		for (const [i, kind, label] of awarded)
			if (rows[i])
				await db
					.insertInto('award')
					.values({
						id: newId(),
						contest_id: world.contestId,
						age_band_id: null,
						entry_id: rows[i]!.entryId,
						kind,
						label,
						position: i,
						overridden_reason: null,
						created_at: now,
						updated_at: now
					})
					.execute();
	}

	it('prints one page per approved artwork, in each school’s language, small and all-or-nothing', async () => {
		const count = await startCertificates(
			{ db, store },
			world.organizer,
			world.contestId,
			request(['zh-CN', 'fr'])
		);
		expect(count).toBe(2);
		const outcomes = await runJobs(db, store);
		expect(outcomes).toEqual([
			{ pages: 3, files: 4 },
			{ pages: 3, files: 4 }
		]);
		const batches = await listCertificateBatches(db, world.organizer, world.contestId, NGO);
		expect(batches.map((b) => [b.status, b.isStale, b.files.length])).toEqual([
			['done', false, 4],
			['done', false, 4]
		]);
		// Pages show pseudonyms only: the real names stay inside the PDFs.
		expect(JSON.stringify(batches)).not.toMatch(/小明|王小红|Léa|Zoé/);

		const zh = batches.find((b) => b.locale === 'zh-CN')!;
		const zhFile = await findCertificateFile(db, world.organizer, world.contestId, zh.id, 'all');
		const zhBytes = await readObject(store, zhFile.key);
		expect(zhBytes.length).toBeLessThan(300 * 1024);
		const zhPages = await readPdfText(zhBytes);
		expect(zhPages).toHaveLength(3);
		const page1 = zhPages[0]!.replace(/\s/g, '');
		for (const text of [
			'荣誉证书',
			'小明',
			'金奖',
			'绿色家园',
			'2026年12月20日',
			'李华项目主任',
			NGO
		])
			expect(page1).toContain(text);
		expect(zhPages[2]!.replace(/\s/g, '')).toContain('参与证书');

		const fr = batches.find((b) => b.locale === 'fr')!;
		const frFile = await findCertificateFile(db, world.organizer, world.contestId, fr.id, 'all');
		const frPages = (await readPdfText(await readObject(store, frFile.key))).map((p) =>
			p.replace(/\s+/g, ' ')
		);
		expect(frPages[0]).toContain('Diplôme d’honneur');
		expect(frPages[0]).toContain('Prix spécial du jury');
		expect(frPages[1]).toContain('Diplôme de participation');
		expect(frPages.join(' ')).toMatch(/Léa|Zoé|Tom|Ana/);
		expect(frPages[0]).toContain('20 décembre 2026');

		const child = fr.files.find((f) => f.name !== 'all')!;
		const childFile = await findCertificateFile(
			db,
			world.organizer,
			world.contestId,
			fr.id,
			child.name
		);
		expect(childFile.filename).toBe(`${child.label}.pdf`);
		const childBytes = await readObject(store, childFile.key);
		expect(await readPdfText(childBytes)).toHaveLength(1);
		expect(childBytes.length).toBeLessThan(300 * 1024);
	});

	it('regenerates in English, removes the old files, and flags a batch once a child is removed', async () => {
		const before = await keysUnder(store, `private/certificates/${world.contestId}/`);
		await startCertificates({ db, store }, world.organizer, world.contestId, request(['en', 'en']));
		for (const key of before) expect(await store.head(key)).toBeUndefined();
		await runJobs(db, store);
		let batches = await listCertificateBatches(db, world.organizer, world.contestId, NGO);
		const first = batches[0]!;
		const file = await findCertificateFile(db, world.organizer, world.contestId, first.id, 'all');
		const text = (await readPdfText(await readObject(store, file.key))).join('\n');
		expect(text).toContain('Certificate of Achievement');
		expect(text).toContain('Certificate of Participation');
		expect(text).toContain('20 December 2026');

		// A child leaves the school: their certificate must not be printed again.
		const [gone] = await listCertificateRecipients(db, world.contestId, {
			schoolId: world.schools[1]
		});
		await db.deleteFrom('student').where('id', '=', gone!.studentId).execute();
		batches = await listCertificateBatches(db, world.organizer, world.contestId, NGO);
		const stale = batches.filter((b) => b.isStale);
		expect(stale).toHaveLength(1);

		await startCertificates({ db, store }, world.organizer, world.contestId, request(['en', 'en']));
		expect(await runJobs(db, store)).toEqual(
			expect.arrayContaining([
				{ pages: 2, files: 3 },
				{ pages: 3, files: 4 }
			])
		);
	});

	/** Gold for the first artwork of a school that has none yet. */
	async function awardFirstOf(schoolId: string) {
		const [row] = await listCertificateRecipients(db, world.contestId, { schoolId });
		if (row!.awardKind) return;
		await db
			.insertInto('award')
			.values({
				id: newId(),
				contest_id: world.contestId,
				age_band_id: null,
				entry_id: row!.entryId,
				kind: 'gold',
				label: '{}',
				position: 9,
				overridden_reason: null,
				created_at: now,
				updated_at: now
			})
			.execute();
	}

	it('fails a batch alone when its children are gone, or the awards vanished, leaving no file', async () => {
		await awardFirstOf(world.schools[1]);
		await startCertificates({ db, store }, world.organizer, world.contestId, request(['en', 'en']));
		const [school0] = await listCertificateRecipients(db, world.contestId, {
			schoolId: world.schools[0]
		});
		await db.deleteFrom('student').where('classroom_id', '=', school0!.classroomId).execute();
		const outcomes = await runJobs(db, store);
		expect(outcomes.filter((o) => o instanceof PermanentJobError)).toHaveLength(1);
		const batches = await listCertificateBatches(db, world.organizer, world.contestId, NGO);
		const failed = batches.find((b) => b.status === 'failed')!;
		expect(failed.errorKey).toBe('ceremony.error.empty');
		expect(await keysUnder(store, `private/certificates/${world.contestId}/${failed.id}/`)).toEqual(
			[]
		);
		expect(batches.filter((b) => b.status === 'done')).toHaveLength(1);

		await startCertificates({ db, store }, world.organizer, world.contestId, request(['en', 'en']));
		await db.deleteFrom('award').where('contest_id', '=', world.contestId).execute();
		const [outcome] = await runJobs(db, store);
		expect(outcome).toBeInstanceOf(PermanentJobError);
		const [batch] = await listCertificateBatches(db, world.organizer, world.contestId, NGO);
		expect(batch!.errorKey).toBe('ceremony.error.noAwards');
		await awardFirstOf(world.schools[1]);
	});

	it('removes what it wrote when storage fails half-way, and the final failure is recorded', async () => {
		await startCertificates(
			{ db, store },
			world.organizer,
			world.contestId,
			request(['zh-CN', 'en'])
		);
		let puts = 0;
		const flaky: ObjectStore = {
			...store,
			list: (prefix) => store.list(prefix),
			delete: (key) => store.delete(key),
			put: async (key, body, options) => {
				if (++puts === 3) throw new Error('disk full');
				return store.put(key, body, options);
			}
		};
		const [outcome] = await runJobs(db, flaky);
		expect(outcome).toMatchObject({ message: 'disk full' });
		const [batch] = await db.selectFrom('certificate_batch').selectAll().execute();
		expect(await keysUnder(store, `private/certificates/${world.contestId}/${batch!.id}/`)).toEqual(
			[]
		);
		await db
			.transaction()
			.execute((trx) =>
				certificateJobHooks.onFinalFailure!(
					{ batchId: batch!.id },
					{ job: {} as Job, error: 'x', db: trx }
				)
			);
		const [after] = await listCertificateBatches(db, world.organizer, world.contestId, NGO);
		expect(after).toMatchObject({ status: 'failed', errorKey: 'ceremony.error.failed', files: [] });
	});
});

describe.each(testDatabases())('ceremony programme and people’s choice on $name', ({ url }) => {
	let db: Db;
	let store: ObjectStore;
	let world: ExhibitionWorld;
	const now = Date.now();

	beforeAll(async () => {
		db = await freshDatabase(url);
		store = createLocalStore(mkdtempSync(path.join(tmpdir(), 'sprout-ceremony-')));
		// Consents cycle public_school, public_pseudonym, classroom, none over the 8 artworks;
		// bands alternate 0, 1 within each school.
		world = await addExhibition(db, 4, now);
		const award = (i: number, kind: 'gold' | 'silver' | 'bronze' | 'honourable', band: number) =>
			db
				.insertInto('award')
				.values({
					id: newId(),
					contest_id: world.contestId,
					age_band_id: world.bands[band]!,
					entry_id: world.entries[i]!,
					kind,
					label: '{}',
					position: i,
					overridden_reason: null,
					created_at: now,
					updated_at: now
				})
				.execute();
		await award(0, 'gold', 0);
		await award(2, 'silver', 0);
		await award(4, 'honourable', 0);
		await award(1, 'gold', 1);
		await award(5, 'bronze', 1);
		// The vote is over: artwork 4 wins band 0, artwork 1 band 1.
		await db
			.insertInto('peoples_choice')
			.values({
				contest_id: world.contestId,
				enabled: 1,
				opens_at: now - 5 * 86_400_000,
				closes_at: null,
				closed_at: now - 1000,
				updated_by: null,
				updated_at: now
			})
			.execute();
		for (const [i, votes] of [
			[4, 3],
			[1, 2],
			[5, 1]
		] as const)
			for (let v = 0; v < votes; v++)
				await db
					.insertInto('peoples_choice_vote')
					.values({
						id: newId(),
						contest_id: world.contestId,
						age_band_id: world.bands[i % 2]!,
						entry_id: world.entries[i]!,
						voter: `voter-${i}-${v}`,
						vote_day: '2026-11-30',
						flag: null,
						created_at: now - 86_400_000
					})
					.execute();
		// Artwork 0's consent is withdrawn; artwork 5 is taken down from the exhibition.
		await db
			.updateTable('guardian_consent')
			.set({ withdrawn_at: now - 500 })
			.where('student_id', '=', world.students.get(world.entries[0]!)!)
			.execute();
		await db
			.updateTable('exhibition_entry')
			.set({ hidden_at: now - 500, hidden_reason: 'asked by the family', hidden_by: null })
			.where('entry_id', '=', world.entries[5]!)
			.execute();
	});
	afterAll(() => db.destroy());

	it('shows public winners band by band, people’s choice before gold, and leaves out the rest', async () => {
		const programme = await getCeremonyProgramme(db, world.organizer, world.contestId, 'en');
		expect(
			programme.bands.map((b) => b.winners.map((w) => [w.kind, world.entries.indexOf(w.entryId)]))
		).toEqual([
			[
				['honourable', 4],
				['peoples', 4]
			],
			[
				['peoples', 1],
				['gold', 1]
			]
		]);
		// Withdrawn consent (0), classroom only (2), taken down (5).
		expect(programme.hiddenCount).toBe(3);
		expect(programme.bands[0]!.winners[1]!.award).toBe('People’s Choice');
		expect(programme.bands[0]!.winners[0]!.about).toBe('A tree by the river');
		await expect(
			getCeremonyProgramme(db, world.teachers[0], world.contestId, 'en')
		).rejects.toMatchObject({ status: 403 });
	});

	it('prints a people’s choice certificate beside the jury’s, whatever the consent', async () => {
		await startCertificates({ db, store }, world.organizer, world.contestId, {
			scope: 'school',
			locales: { [world.schools[0]]: 'en', [world.schools[1]]: 'zh-CN' },
			date: '2026-12-20',
			signature: ''
		});
		expect(await runJobs(db, store)).toEqual([
			{ pages: 5, files: 5 },
			{ pages: 5, files: 5 }
		]);
		const batches = await listCertificateBatches(db, world.organizer, world.contestId, NGO);
		const en = batches.find((b) => b.locale === 'en')!;
		const file = await findCertificateFile(db, world.organizer, world.contestId, en.id, 'all');
		const pages = await readPdfText(await readObject(store, file.key));
		expect(pages.filter((p) => p.includes('People’s Choice'))).toHaveLength(1);
		expect(pages.filter((p) => p.includes('Certificate of Participation'))).toHaveLength(1);
		const zh = batches.find((b) => b.locale === 'zh-CN')!;
		const zhFile = await findCertificateFile(db, world.organizer, world.contestId, zh.id, 'all');
		const zhText = (await readPdfText(await readObject(store, zhFile.key))).join('\n');
		expect(zhText).toContain('人气奖');
	});
});
