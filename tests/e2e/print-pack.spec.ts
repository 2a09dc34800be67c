// The organizer makes and downloads the wall labels and the print pack from the contest page.
// Works come from the judging demo seed (real drawn entries) with parental consent added for
// two children straight in the database; both are re-drawn at A3 by the pack job.
import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { mkdirSync, readFileSync } from 'node:fs';
import { E2E_DATABASE, seedJudgingDemo } from './demo-seed.ts';
import { open, useAdult, shotsDir } from './helpers.ts';

const CONTEST = 'demojudgingcontest';
const SHOTS = shotsDir('h-print');

test.beforeAll(() => {
	seedJudgingDemo(8);
	const db = new Database(E2E_DATABASE);
	try {
		const students = db
			.prepare(
				`select e.student_id from entry e where e.contest_id = ? and e.status = 'approved'
				 and not exists (select 1 from guardian_consent g where g.student_id = e.student_id)
				 order by e.created_at limit 2`
			)
			.all(CONTEST) as { student_id: string }[];
		const insert = db.prepare(
			`insert into guardian_consent (id, student_id, scope, method, given_on, recorded_by, recorded_at, withdrawn_at)
			 values (?, ?, 'classroom', 'paper', '2026-11-01', null, ?, null)`
		);
		for (const s of students)
			insert.run(`e2eprint${s.student_id}`.slice(0, 40), s.student_id, Date.now());
	} finally {
		db.close();
	}
	mkdirSync(SHOTS, { recursive: true });
});

function zipNames(zip: Buffer): string[] {
	const names: string[] = [];
	for (let i = zip.indexOf('PK\u0001\u0002', 0, 'latin1'); i !== -1;) {
		const length = zip.readUInt16LE(i + 28);
		names.push(zip.toString('utf8', i + 46, i + 46 + length));
		const next = i + 46 + length + zip.readUInt16LE(i + 30) + zip.readUInt16LE(i + 32);
		i = zip.readUInt32LE(next) === 0x02014b50 ? next : -1;
	}
	return names;
}

test('organizer makes and downloads the labels and the print pack from the contest page', async ({
	browser,
	context,
	page
}) => {
	test.setTimeout(240_000);
	await useAdult(browser, context, 'organizer');
	await open(page, `/admin/contests/${CONTEST}`);
	await page.getByRole('link', { name: 'Print: wall labels and print pack' }).click();
	await expect(page).toHaveURL(new RegExp(`/admin/contests/${CONTEST}/print$`));
	await expect(page.getByText(/^Artworks to print: \d+$/)).toBeVisible();

	const labels = page.getByRole('region', { name: 'Wall labels (PDF)' });
	await labels.getByLabel('Label language').selectOption('zh-CN');
	await labels.getByRole('button', { name: 'Make the labels' }).click();
	const labelsLink = labels.getByRole('link', { name: /^Download the labels PDF/ });
	await expect(labelsLink).toBeVisible({ timeout: 60_000 });
	const [pdf] = await Promise.all([page.waitForEvent('download'), labelsLink.click()]);
	expect(
		readFileSync((await pdf.path())!)
			.subarray(0, 5)
			.toString()
	).toBe('%PDF-');

	const pack = page.getByRole('region', { name: 'Print pack (ZIP)' });
	await pack.getByRole('button', { name: 'Make the print pack' }).click();
	// Progress is shown while the works are re-drawn.
	await expect(pack.getByText(/Waiting to start…|Making it: \d+ of \d+|Ready/)).toBeVisible();
	const packLink = pack.getByRole('link', { name: /^Download the print pack ZIP/ });
	await expect(packLink).toBeVisible({ timeout: 200_000 });
	const [zip] = await Promise.all([page.waitForEvent('download'), packLink.click()]);
	expect(zip.suggestedFilename()).toMatch(/print-pack\.zip$/);
	const names = zipNames(readFileSync((await zip.path())!));
	expect(names).toEqual(expect.arrayContaining(['artworks/001.png', 'labels.pdf', 'index.csv']));

	// Screenshots in Chinese, wide and narrow.
	await context.addCookies([{ name: 'sprout_lang', value: 'zh-CN', url: page.url() }]);
	await open(page, `/admin/contests/${CONTEST}/print`);
	await page.screenshot({ path: `${SHOTS}/print-1366.png`, fullPage: true });
	await page.setViewportSize({ width: 390, height: 844 });
	await page.screenshot({ path: `${SHOTS}/print-390.png`, fullPage: true });
});
