// Judging end to end: three judges score an open rubric round with the keyboard (one on a phone,
// one going offline half way), one changes a score, then the organizer closes the round and sees
// advancement, charts and awards; a pairwise round, a screening round judged by keyboard and a
// panel (ranked by keyboard and on a phone, closed by Schulze) follow on the shortlist. The
// first round comes from the judging demo seed, loaded into the e2e database beside the server.
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { seedJudgingDemo } from './demo-seed.ts';
import { BASE_URL, DEMO, expectNoSeriousAxeViolations, open, shotsDir } from './helpers.ts';

const ENTRIES = 8;
const SHOTS = shotsDir('h-judge');
const PANEL_SHOTS = shotsDir('h-jpanel');
const JUDGES = [
	{ email: 'judge@sprout.test', password: 'sprout-judge-2026' },
	{ email: 'judge2@sprout.test', password: 'sprout-judge2-2026' },
	{ email: 'judge3@sprout.test', password: 'sprout-judge3-2026' }
];
const CONTEST = 'demojudgingcontest';

// Whole rounds of keyboard scoring on a shared, loaded machine: more than the default 30 s.
test.describe.configure({ mode: 'serial', timeout: 120_000 });

// A retry runs the whole story again, so it starts from a fresh round.
// eslint-disable-next-line no-empty-pattern -- Playwright wants the fixtures argument destructured
test.beforeAll(({}, testInfo) => {
	seedJudgingDemo(ENTRIES, testInfo.retry > 0);
	mkdirSync(SHOTS, { recursive: true });
	mkdirSync(PANEL_SHOTS, { recursive: true });
});

/** Creates a round on the previous round's shortlist, adds judges, assigns and opens it. */
async function createStaffedRound(
	page: Page,
	method: 'screening' | 'panel',
	judges: (typeof JUDGES)[number][],
	advance: string
): Promise<string> {
	await open(page, `/admin/contests/${CONTEST}/judging`);
	await page.getByLabel('Kind of round').selectOption(method);
	await page.getByLabel('Judges per artwork').fill('1');
	await page.getByLabel('Which artworks').selectOption('advanced');
	await page.getByLabel('N or percent').fill(advance);
	await page.getByRole('button', { name: 'Create the round' }).click();
	await expect(page).toHaveURL(/\/judging\/[a-z0-9]+\?created/);
	const url = page.url().split('?')[0]!;
	for (const judge of judges) {
		const option = page.locator('#add-judge option', { hasText: `(${judge.email})` });
		await page
			.getByLabel('Add an existing account')
			.selectOption((await option.getAttribute('value'))!);
		await page.getByRole('button', { name: 'Add', exact: true }).click();
		await expect(page.getByText('Judge added.')).toBeVisible();
	}
	await page.getByRole('button', { name: 'Assign automatically' }).click();
	await page.getByRole('button', { name: 'Open the round' }).click();
	await expect(page.getByText(/The round is open/)).toBeVisible();
	return url;
}

/** The organizer's page in Chinese at 1366×768 and 390×844, for the screenshots. */
async function zhShots(browser: Browser, path: string, name: string): Promise<void> {
	const { context, page } = await organizerContext(browser);
	await context.addCookies([{ name: 'sprout_lang', value: 'zh-CN', url: BASE_URL }]);
	await open(page, path);
	await page.screenshot({ path: `${PANEL_SHOTS}/${name}-1366-zh.png`, fullPage: true });
	await page.setViewportSize({ width: 390, height: 844 });
	await page.screenshot({ path: `${PANEL_SHOTS}/${name}-390-zh.png`, fullPage: true });
	await context.close();
}

async function closeRound(page: Page, url: string): Promise<void> {
	await open(page, url);
	await page.getByRole('button', { name: 'Close and compute results' }).click();
	await expect(page.getByText(/Round closed: \d+ artworks advance/)).toBeVisible();
}

async function judgeContext(
	browser: Browser,
	judge: (typeof JUDGES)[number],
	viewport = { width: 1366, height: 768 }
): Promise<{ context: BrowserContext; page: Page }> {
	const context = await browser.newContext({ viewport, locale: 'en-US', baseURL: BASE_URL });
	const page = await context.newPage();
	await open(page, '/login?next=/judge');
	await page.getByLabel('Email').fill(judge.email);
	await page.getByLabel('Password').fill(judge.password);
	await page.getByRole('button', { name: 'Sign in', exact: true }).click();
	// The path, not the URL: "/login?next=/judge" ends with "/judge" too, before the sign-in lands.
	await expect(page).toHaveURL((url) => url.pathname === '/judge');
	return { context, page };
}

async function organizerContext(
	browser: Browser
): Promise<{ context: BrowserContext; page: Page }> {
	const context = await browser.newContext({
		viewport: { width: 1366, height: 768 },
		locale: 'en-US',
		baseURL: BASE_URL
	});
	const page = await context.newPage();
	await open(page, '/login');
	await page.getByLabel('Email').fill(DEMO.organizer.email);
	await page.getByLabel('Password').fill(DEMO.organizer.password);
	await page.getByRole('button', { name: 'Sign in', exact: true }).click();
	await expect(page).not.toHaveURL(/\/login/);
	return { context, page };
}

async function startRound(page: Page): Promise<void> {
	await page.getByRole('link', { name: 'Start judging' }).click();
	await expect(page.getByTestId('done-count')).toContainText(`0 of ${ENTRIES} done`);
}

/** Scores the entry on screen with three number keys; the screen moves on by itself. */
async function scoreWithKeys(page: Page, keys: [string, string, string], n: number) {
	const handle = await page.locator('.handle').innerText();
	for (const key of keys) await page.keyboard.press(key);
	if (n < ENTRIES) await expect(page.locator('.handle')).not.toHaveText(handle);
}

test('a judge scores every entry with the keyboard, anonymously, and changes a score', async ({
	browser
}) => {
	const { context, page } = await judgeContext(browser, JUDGES[0]!);
	const consoleErrors: string[] = [];
	page.on('console', (m) => void (m.type() === 'error' && consoleErrors.push(m.text())));
	await startRound(page);
	// Anonymous: no entry id, school or child anywhere in the page or its image URLs.
	const html = await page.content();
	expect(html).not.toMatch(/东山小学|西湖小学|小雨 \d|media\/entries/);
	const src = await page.locator('.viewer img').getAttribute('src');
	expect(src).toMatch(/^\/judge\/rounds\/[a-z0-9]+\/media\/[A-Z0-9]{4}\/display\.webp$/);
	await expect(page.getByText('1–9, 0 = 10: score the current line')).toBeVisible();
	for (let i = 1; i <= ENTRIES; i++) await scoreWithKeys(page, ['7', '8', String(i % 10)], i);
	await expect(page.getByTestId('done-count')).toContainText(`${ENTRIES} of ${ENTRIES} done`);
	await expect(page.getByTestId('save-state')).toContainText('Saved');
	// Back one entry and change its first score; the change survives a reload.
	await page.keyboard.press('ArrowLeft');
	const handle = await page.locator('.handle').innerText();
	await page.keyboard.press('3');
	await expect(page.getByTestId('save-state')).toContainText('Saved');
	await page.reload();
	await page
		.getByRole('button', { name: new RegExp(`^${handle.replace('Artwork ', '')} `) })
		.click();
	await expect(page.getByRole('radio', { name: 'Artistic merit: 3', exact: true })).toHaveAttribute(
		'aria-checked',
		'true'
	);
	// A normal visit leaves the console clean (an inline onerror once broke the CSP here).
	expect(consoleErrors).toEqual([]);
	await context.addCookies([{ name: 'sprout_lang', value: 'zh-CN', url: BASE_URL }]);
	await page.reload();
	await page.screenshot({ path: `${SHOTS}/judge-1366-zh.png` });
	await context.close();
});

test('a judge on a phone goes offline half way: scores wait in the browser, then are sent', async ({
	browser
}) => {
	const { context, page } = await judgeContext(browser, JUDGES[1]!, { width: 390, height: 844 });
	await startRound(page);
	for (let i = 1; i <= 3; i++) await scoreWithKeys(page, ['6', '6', '5'], i);
	await context.setOffline(true);
	for (let i = 4; i <= 5; i++) await scoreWithKeys(page, ['9', '8', '9'], i);
	await expect(page.getByTestId('save-state')).toContainText('waiting to send');
	await expect(page.getByTestId('done-count')).toContainText(`5 of ${ENTRIES} done`);
	// Stepping aside needs the server: offline, the judge is told so and the artwork stays.
	const here = await page.locator('.handle').innerText();
	page.once('dialog', (dialog) => void dialog.accept());
	await page.getByRole('button', { name: /^Step aside/ }).click();
	await expect(page.getByTestId('recuse-problem')).toContainText(
		'Not stepped aside: There is no network right now.'
	);
	await expect(page.getByTestId('recuse-problem')).toBeInViewport();
	await expect(page.locator('.handle')).toHaveText(here);
	await page.getByTestId('recuse-problem').getByRole('button', { name: 'Dismiss' }).click();
	await expect(page.getByTestId('recuse-problem')).toBeHidden();
	await context.setOffline(false);
	await expect(page.getByTestId('save-state')).toContainText('Saved', { timeout: 15_000 });
	// A slow link from here on: each save takes a moment to leave, and the reload's page takes
	// a second to arrive after the server has read the judge's work for it, while the old page
	// is still sending. Whatever that page had not sent by then must still count after the reload.
	await page.route('**/scores', async (route) => {
		await new Promise((resolve) => setTimeout(resolve, 150));
		await route.continue();
	});
	for (let i = 6; i <= ENTRIES; i++) await scoreWithKeys(page, ['4', '5', '6'], i);
	await expect(page.getByTestId('done-count')).toContainText(`${ENTRIES} of ${ENTRIES} done`);
	await expect(page.getByTestId('save-state')).toContainText('waiting to send');
	await page.route(
		(url) => url.pathname === new URL(page.url()).pathname,
		async (route) => {
			const response = await route.fetch();
			await new Promise((resolve) => setTimeout(resolve, 1000));
			await route.fulfill({ response });
		},
		{ times: 1 }
	);
	await page.reload();
	await expect(page.getByTestId('done-count')).toContainText(`${ENTRIES} of ${ENTRIES} done`);
	await expect(page.getByTestId('save-state')).toContainText('Saved');
	await page.unrouteAll();
	await context.addCookies([{ name: 'sprout_lang', value: 'zh-CN', url: BASE_URL }]);
	await page.reload();
	await page.screenshot({ path: `${SHOTS}/judge-390-zh.png`, fullPage: true });
	await context.close();
});

test('the third judge scores too; another judge cannot reach a handle that is not theirs', async ({
	browser
}) => {
	const { context, page } = await judgeContext(browser, JUDGES[2]!);
	await startRound(page);
	for (let i = 1; i <= ENTRIES; i++) await scoreWithKeys(page, ['5', '7', '8'], i);
	await expect(page.getByTestId('done-count')).toContainText(`${ENTRIES} of ${ENTRIES} done`);
	const round = page.url().split('/').pop()!;
	const bad = await page.request.post(`/judge/rounds/${round}/scores`, {
		data: { handle: 'ZZZZ', criterionId: 'x', value: 5, base: 0 },
		headers: { origin: BASE_URL }
	});
	expect([400, 404]).toContain(bad.status());
	const outOfRange = await page.request.post(`/judge/rounds/${round}/scores`, {
		data: {
			handle: (await page.locator('.handle').innerText()).slice(-4),
			criterionId: 'x',
			value: 11,
			base: 0
		},
		headers: { origin: BASE_URL }
	});
	expect(outOfRange.status()).toBe(400);
	expect((await outOfRange.json()).message).toBeTruthy();
	expect((await page.request.get(`/judge/rounds/${round}/media/ZZZZ/display.webp`)).status()).toBe(
		404
	);
	await context.close();
});

test('a volunteer joins through a one-time invitation link; the link does not work twice', async ({
	browser
}) => {
	const { context, page } = await organizerContext(browser);
	await open(page, `/admin/contests/${CONTEST}/judging`);
	await page.getByRole('link', { name: /Round 1/ }).click();
	await page.getByRole('button', { name: 'Create an invitation link' }).click();
	const link = await page.locator('input.link').inputValue();
	expect(link).toMatch(/\/invite\/[a-z2-7]{32}$/);
	await expect(page.locator('.qr svg')).toBeVisible();
	await page.screenshot({ path: `${SHOTS}/round-open-1366-en.png`, fullPage: true });

	const volunteer = await browser.newContext({
		viewport: { width: 390, height: 844 },
		locale: 'zh-CN',
		baseURL: BASE_URL
	});
	const phone = await volunteer.newPage();
	await open(phone, new URL(link).pathname);
	await expect(phone.getByRole('heading', { name: '成为评委' })).toBeVisible();
	await phone.screenshot({ path: `${SHOTS}/invite-390-zh.png`, fullPage: true });
	await phone.getByLabel('你的名字（组织者会看到）').fill('刘阳');
	await phone.getByLabel(/东山小学/).check();
	await phone.getByRole('button', { name: '开始评审' }).click();
	await expect(phone).toHaveURL(/\/judge\/rounds\/[a-z0-9]+$/);
	const again = await browser.newContext({ locale: 'en-US', baseURL: BASE_URL });
	const second = await again.newPage();
	await open(second, new URL(link).pathname);
	await expect(second.getByText('This invitation link has already been used.')).toBeVisible();
	await Promise.all([context.close(), volunteer.close(), again.close()]);
});

test('the organizer closes the round, runs a pairwise round on the shortlist by keyboard, and awards', async ({
	browser
}) => {
	const { context, page } = await organizerContext(browser);
	await open(page, `/admin/contests/${CONTEST}`);
	await page.getByRole('link', { name: 'Judging rounds', exact: true }).click();
	await page.getByRole('link', { name: /Round 1/ }).click();
	await expect(page.locator('#progress-chart, svg[role="img"]').first()).toBeVisible();
	await expect(page.getByText('Each judge’s score distribution').first()).toBeVisible();
	// Round dates and triage while the round runs (the demo round closes in two weeks).
	await expect(
		page.getByText(/Closes on \d{4}-\d\d-\d\d \d\d:\d\d · China time \(Shanghai\)/)
	).toBeVisible();
	await expect(page.getByTestId('triage')).toContainText('Artworks the judges disagree on');
	await zhShots(browser, new URL(page.url()).pathname, 'rubric-round');
	// The volunteer who just joined took over the entries the judges disagreed on (triage) and
	// has not scored them: closing needs the "close anyway" box and a reason.
	await page.getByRole('button', { name: 'Close and compute results' }).click();
	await expect(page.getByText(/scorings are not finished/)).toBeVisible();
	await page.getByLabel('Close even if unfinished').check();
	await page.getByLabel(/Reason to close early/).fill('The volunteer could not come back');
	await page.getByRole('button', { name: 'Close and compute results' }).click();
	await expect(page.getByText(/Round closed: \d+ artworks advance/)).toBeVisible();
	await expect(page.getByText('Closed early: The volunteer could not come back')).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Results' })).toBeVisible();
	// Bands in the contest's order, as the progress list has them (not by their random ids).
	const progressBands = await page.locator('ul.bands li').allInnerTexts();
	const resultBands = await page.locator('[aria-labelledby="results-title"] h3').allInnerTexts();
	expect(resultBands).toHaveLength(progressBands.length);
	resultBands.forEach((band, i) => expect(progressBands[i]).toContain(band));
	await expect(page.locator('tr.advanced').first()).toBeVisible();
	const csv = await page.request.get(`${page.url().split('?')[0]}/results.csv`);
	expect(csv.status()).toBe(200);
	expect(await csv.text()).toContain('kind,entry,pseudonym,judge');
	// Advancement changed with too short a reason: refused, saying how long it must be.
	const firstRow = page.locator('tbody tr').first();
	await firstRow.getByText('Change advancement').click();
	await firstRow.getByLabel('Reason').evaluate((input) => input.removeAttribute('minlength'));
	await firstRow.getByLabel('Reason').fill('no');
	await firstRow.getByRole('button', { name: /advance/i }).click();
	await expect(firstRow.getByRole('alert')).toHaveText(/\(3 to 300 characters\)/);

	// Round 2: pairwise comparison of the advanced artworks, one judge, opened from the forms.
	await open(page, `/admin/contests/${CONTEST}/judging`);
	await page.getByLabel('Kind of round').selectOption('pairwise');
	await page.getByLabel('Judges per artwork').fill('4');
	await page.getByLabel('Which artworks').selectOption('advanced');
	await page.getByRole('button', { name: 'Create the round' }).click();
	await expect(page).toHaveURL(/\/judging\/[a-z0-9]+\?created/);
	const roundUrl = page.url().split('?')[0]!;
	// Calibration artworks belong to rubric rounds: a pairwise round does not promise them.
	await expect(page.getByText(/calibration/)).toHaveCount(0);
	const judgeOption = page.locator('#add-judge option', { hasText: `(${JUDGES[0]!.email})` });
	await page
		.getByLabel('Add an existing account')
		.selectOption((await judgeOption.getAttribute('value'))!);
	await page.getByRole('button', { name: 'Add', exact: true }).click();
	await expect(page.getByText('Judge added.')).toBeVisible();
	await page.getByRole('button', { name: 'Assign automatically' }).click();
	await page.getByRole('button', { name: 'Open the round' }).click();
	await expect(page.getByText(/The round is open/)).toBeVisible();
	// No comparison yet: nothing to warn about (every artwork alone is how a round starts).
	await expect(page.getByTestId('reliability')).toContainText('0 comparisons decided');
	await expect(page.getByTestId('reliability').locator('.alert.error')).toHaveCount(0);

	const judge = await judgeContext(browser, JUDGES[0]!);
	const jp = judge.page;
	await open(jp, `/judge/rounds/${roundUrl.split('/').pop()}`);
	await expect(
		jp.getByRole('heading', { name: /Which one shows the theme better\?/ })
	).toBeVisible();
	const count = jp.getByTestId('done-count');
	await expect(count).toContainText(/^0 of \d+ comparisons done/);
	const pairText = () => jp.getByTestId('pair').locator('.handle').allInnerTexts();
	// The pairs arrive after the page: choose only once one is on screen.
	await expect(jp.getByTestId('pair')).toBeVisible();
	await expectNoSeriousAxeViolations(jp, 'pairwise screen');
	let before = await pairText();
	await jp.keyboard.press('ArrowLeft');
	await expect(count).toContainText(/^1 of/);
	expect(await pairText()).not.toEqual(before);
	before = await pairText();
	await jp.keyboard.press('2');
	await expect(count).toContainText(/^2 of/);
	// U takes the last choice back: the same pair is on screen again.
	await jp.keyboard.press('u');
	await expect(count).toContainText(/^1 of/);
	expect(await pairText()).toEqual(before);
	await jp.keyboard.press('1');
	await expect(count).toContainText(/^2 of/);
	await jp.keyboard.press('ArrowRight');
	await expect(count).toContainText(/^3 of/);
	await expect(jp.getByTestId('save-state')).toContainText('Saved');
	// A pair the judge was not given is refused and changes nothing.
	const refused = await jp.request.post(`${jp.url()}/comparisons`, {
		data: { left: 'ZZZZ', right: 'YYYY', winner: 'ZZZZ' },
		headers: { origin: BASE_URL }
	});
	expect(refused.status()).toBe(404);
	await judge.context.addCookies([{ name: 'sprout_lang', value: 'zh-CN', url: BASE_URL }]);
	await jp.reload();
	await expect(count).toContainText('3');
	await jp.screenshot({ path: `${SHOTS}/pairwise-1366-zh.png` });
	await jp.setViewportSize({ width: 390, height: 844 });
	await jp.screenshot({ path: `${SHOTS}/pairwise-390-zh.png`, fullPage: true });
	await judge.context.close();

	await open(page, roundUrl);
	await expect(page.getByTestId('reliability')).toContainText('3 comparisons decided');
	await page.getByLabel('Close even if unfinished').check();
	await page.getByLabel(/Reason to close early/).fill('Enough for the demo');
	await page.getByRole('button', { name: 'Close and compute results' }).click();
	await expect(page.getByText(/Round closed: \d+ artworks advance/)).toBeVisible();
	await expect(page.getByRole('columnheader', { name: 'Strength θ ± SE' }).first()).toBeVisible();

	await zhShots(browser, `/admin/contests/${CONTEST}/judging`, 'new-round');
	// Round 3: screening of the shortlist, judged with the keyboard (Y, N, M, ← →, U).
	const screeningUrl = await createStaffedRound(page, 'screening', [JUDGES[0]!], '2');
	const screener = await judgeContext(browser, JUDGES[0]!);
	const sp = screener.page;
	await open(sp, `/judge/rounds/${screeningUrl.split('/').pop()}`);
	await expect(sp.getByText('Should this artwork go on to the next round?')).toBeVisible();
	const total = Number((await sp.getByTestId('done-count').innerText()).match(/of (\d+)/)![1]);
	for (let n = 1; n <= total; n++) {
		const handle = await sp.locator('.handle').innerText();
		await sp.keyboard.press(n % 2 ? 'y' : 'n');
		await expect(sp.getByTestId('done-count')).toContainText(`${n} of ${total} done`);
		if (n < total) await expect(sp.locator('.handle')).not.toHaveText(handle);
	}
	// Changing a vote: back one artwork, M for maybe, U undoes it.
	await sp.keyboard.press('ArrowLeft');
	await sp.keyboard.press('m');
	await sp.keyboard.press('u');
	await expect(sp.getByTestId('save-state')).toContainText('Saved');
	await screener.context.close();
	await closeRound(page, screeningUrl);

	// Round 4: the panel ranks the screening's shortlist; Schulze decides.
	const panelUrl = await createStaffedRound(page, 'panel', [JUDGES[0]!, JUDGES[1]!], '1');
	const panelPath = `/judge/rounds/${panelUrl.split('/').pop()}`;
	const ranker = await judgeContext(browser, JUDGES[0]!);
	const rp = ranker.page;
	await open(rp, panelPath);
	await expect(rp.getByRole('heading', { name: /Put these artworks in order/ })).toBeVisible();
	const lists = rp.getByTestId('ranking');
	const groups = await lists.count();
	expect(groups).toBeGreaterThan(0);
	await expect(rp.getByTestId('done-count')).toContainText(`0 of ${groups} lists ranked`);
	expect(await rp.content()).not.toMatch(/东山小学|西湖小学|小雨 \d|media\/entries/);
	// Keyboard: focus the first artwork of a list, ↓ moves it (and says so), U undoes.
	const list = lists.filter({ has: rp.locator('li:nth-child(2)') }).first();
	const first = list.locator('button.item').first();
	const firstHandle = await first.locator('.handle').innerText();
	await first.focus();
	await rp.keyboard.press('ArrowDown');
	await expect(list.locator('button.item').nth(1).locator('.handle')).toHaveText(firstHandle);
	await expect(rp.locator('p[aria-live="assertive"]')).toContainText(
		`${firstHandle} is now number 2`
	);
	await expect(rp.getByTestId('done-count')).toContainText(`1 of ${groups} lists ranked`);
	await rp.keyboard.press('u');
	await expect(list.locator('button.item').first().locator('.handle')).toHaveText(firstHandle);
	for (let g = 1; g < groups; g++)
		await rp.getByRole('button', { name: 'Keep this order' }).first().click();
	await expect(rp.getByTestId('done-count')).toContainText(`${groups} of ${groups} lists ranked`);
	await expect(rp.getByTestId('save-state')).toContainText('Saved');
	// A forged ballot is refused with a message in the judge's language and changes nothing.
	const forged = await rp.request.post(`${BASE_URL}${panelPath}/ranking`, {
		data: { group: 'elsewhere', handles: ['ZZZZ'], base: 0 },
		headers: { origin: BASE_URL, 'accept-language': 'en' }
	});
	expect(forged.status()).toBe(400);
	expect(await forged.json()).toMatchObject({
		error: 'judging.error.rankingGroup',
		message: 'This list is not one of yours. Please reload the page.'
	});
	await ranker.context.addCookies([{ name: 'sprout_lang', value: 'zh-CN', url: BASE_URL }]);
	await rp.reload();
	await expect(rp.getByTestId('done-count')).toContainText(`${groups}`);
	// Each artwork is named by what it shows ("第 1 位" read, "1" seen): no label that differs.
	await expectNoSeriousAxeViolations(rp, 'panel ranking (zh-CN)');
	await rp.screenshot({ path: `${PANEL_SHOTS}/panel-1366-zh.png` });
	await ranker.context.close();

	// The second judge on a phone uses the move buttons and loses the network mid-ranking: the
	// order waits safe in the browser and goes out when the network returns.
	const phone = await judgeContext(browser, JUDGES[1]!, { width: 390, height: 844 });
	const pp = phone.page;
	await open(pp, panelPath);
	await phone.context.setOffline(true);
	const phoneList = pp.getByTestId('ranking').filter({ has: pp.locator('li:nth-child(2)') });
	await phoneList
		.first()
		.getByRole('button', { name: /^Move [A-Z0-9]+ down$/, disabled: false })
		.first()
		.click();
	await expect(pp.getByTestId('save-state')).toContainText('safe on this device, waiting to send');
	await expect(pp.getByTestId('done-count')).toContainText(`0 of ${groups} lists ranked`);
	const ranked = await phoneList.first().locator('.handle').allInnerTexts();
	await phone.context.setOffline(false);
	await expect(pp.getByTestId('save-state')).toContainText('Saved', { timeout: 15_000 });
	await expect(pp.getByTestId('done-count')).toContainText(`1 of ${groups} lists ranked`);
	// What the server holds, not this browser's copy.
	await pp.evaluate(() => localStorage.clear());
	await pp.reload();
	await expect(phoneList.first().locator('.handle')).toHaveText(ranked);
	for (let g = 1; g < groups; g++)
		await pp.getByRole('button', { name: 'Keep this order' }).first().click();
	await expect(pp.getByTestId('done-count')).toContainText(`${groups} of ${groups} lists ranked`);
	await phone.context.addCookies([{ name: 'sprout_lang', value: 'zh-CN', url: BASE_URL }]);
	await pp.reload();
	await pp.screenshot({ path: `${PANEL_SHOTS}/panel-390-zh.png`, fullPage: true });
	await phone.context.close();

	await open(page, panelUrl);
	await page.getByRole('button', { name: 'Close and compute results' }).click();
	await expect(page.getByText(/Round closed: \d+ artworks advance/)).toBeVisible();
	await expect(
		page.getByRole('heading', { name: 'Schulze ranking and pairwise preferences' })
	).toBeVisible();
	await expect(page.getByTestId('schulze-matrix').first()).toBeVisible();
	await expect(page.getByTestId('schulze-ranking').first()).toContainText('Schulze place 1');
	await page.getByRole('button', { name: 'Propose awards from the results' }).click();
	await expect(page.getByText(/awards proposed/)).toBeVisible();
	await expect(page.locator('.medal', { hasText: 'Gold' }).first()).toBeVisible();
	// A refused rename says why under the rename form, not beside the other form of the award.
	const rename = page.locator('form[action="?/renameAward"]').first();
	await page.getByText('Rename this award').first().click();
	const englishName = rename.getByLabel('Name (English)');
	await englishName.evaluate((input) => input.removeAttribute('maxlength'));
	await englishName.fill('G'.repeat(31));
	await rename.getByRole('button', { name: 'Rename this award' }).click();
	await expect(rename.getByRole('alert')).toHaveText(
		'An award name can have at most 30 characters.'
	);
	await expect(page.locator('form[action="?/overrideAward"] [role="alert"]')).toHaveCount(0);
	await context.addCookies([{ name: 'sprout_lang', value: 'zh-CN', url: BASE_URL }]);
	await page.reload();
	await page.screenshot({ path: `${PANEL_SHOTS}/panel-results-1366-zh.png`, fullPage: true });
	await page.setViewportSize({ width: 390, height: 844 });
	await page.screenshot({ path: `${PANEL_SHOTS}/panel-results-390-zh.png`, fullPage: true });
	await page.setViewportSize({ width: 1366, height: 768 });
	await page.getByRole('button', { name: '公布结果（比赛进入“结果”阶段）' }).click();
	await expect(page.getByText('结果已公布。')).toBeVisible();
	await context.close();
});
