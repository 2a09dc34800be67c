import { expect, test } from '@playwright/test';
import {
	BASE_URL,
	createClass,
	drawAndSave,
	expectNoHorizontalScroll,
	lockOut,
	newEnglishContext,
	open,
	openContest,
	openStudent,
	readRoster,
	signInChild,
	tapPictures,
	useAdult,
	waitForHydration
} from './helpers.ts';

/** What a new school trips over in its first week (issue 11), driven the way people do it. */

test.describe('teachers', () => {
	test('namesakes each become a child, a too-long line is pointed at and the rest are added', async ({
		page,
		browser,
		context
	}) => {
		await useAdult(browser, context, 'teacher');
		const long = 'Maximiliana-Josephina-Theresia-Wilhelmina-Ottilie';
		await createClass(page, []);
		await page
			.getByRole('textbox', { name: 'Add students' })
			.fill(['张伟', '李娜', '张伟', long, '李娜', 'Tom'].join('\n'));
		await page.getByRole('button', { name: 'Add students' }).click();
		await expect(page.getByText('5 students added.')).toBeVisible();
		const summary = page.locator('.summary li');
		await expect(summary).toHaveCount(5);
		await expect(summary.filter({ hasText: 'same name as another student' })).toHaveCount(2);
		await expect(page.getByRole('alert')).toContainText('Name 4 was not added: too long');
		await expect(page.getByRole('alert')).toContainText(long);
		// Only the bad line is left in the box, to fix and add again.
		await expect(page.getByRole('textbox', { name: 'Add students' })).toHaveValue(long);

		const roster = await readRoster(page);
		expect(roster.map((s) => s.firstName).sort()).toEqual(
			['Tom', '张伟', '张伟', '李娜', '李娜'].sort()
		);
		expect(new Set(roster.map((s) => s.pseudonym)).size).toBe(5);

		await page.getByRole('textbox', { name: 'Add students' }).fill('Maximiliana');
		await page.getByRole('button', { name: 'Add students' }).click();
		await expect(page.getByText('1 students added.')).toBeVisible();
		await expect(page.getByRole('textbox', { name: 'Add students' })).toHaveValue('');

		// A phone shows every child whole: nothing runs off the right edge.
		await page.setViewportSize({ width: 390, height: 844 });
		await expectNoHorizontalScroll(page, 'roster at 390 px');
		for (const row of await page.locator('table tbody tr').all()) {
			const box = (await row.locator('td').last().boundingBox())!;
			expect(box.x + box.width).toBeLessThanOrEqual(390);
		}
	});

	test('a locked-out child shows on the roster and "unlock" lets them in with the same pictures', async ({
		page,
		browser,
		context
	}) => {
		await useAdult(browser, context, 'teacher');
		const created = await createClass(page, ['Lockedout']);
		const child = created.students[0]!;
		await lockOut(browser, created.code, child, { tapEleventh: false });

		await page.reload();
		const row = page.getByRole('row').filter({ hasText: child.pseudonym });
		await expect(row.getByText(/Locked — 1[45] min left/)).toBeVisible();
		await waitForHydration(page);
		await row.getByRole('button', { name: /^Unlock/ }).click();
		await expect(page.getByRole('status')).toHaveText(
			`${child.pseudonym} is unlocked; the picture password is unchanged.`
		);
		await expect(row.getByText(/Locked —/)).toHaveCount(0);
		const [same] = await readRoster(page);
		expect(same!.pictures).toEqual(child.pictures);

		const other = await newEnglishContext(browser);
		const kid = await other.newPage();
		await openStudent(kid, created.code, child.pseudonym);
		await tapPictures(kid, child.pictures!);
		await expect(kid).toHaveURL(/\/studio$/);
		await other.close();
	});
});

test.describe('organizers', () => {
	test('moves that cannot be undone ask first and say what they lock; the draft banner goes', async ({
		page,
		browser,
		context
	}) => {
		await useAdult(browser, context, 'organizer');
		await openContest(page, `确认评审 ${Date.now().toString(36)}`);
		await expect(page.getByText('Contest created. It is a draft for now.')).toHaveCount(0);

		const stage = page.getByRole('region', { name: 'Stage' });
		await stage.getByRole('button', { name: 'Stop taking artworks' }).click();
		await expect(stage.getByRole('status')).toHaveText('The contest is now “Closed”.');
		await stage.getByText('Start judging', { exact: true }).click();
		await expect(stage.getByText(/locked for good/)).toBeVisible();
		await expect(stage.getByText('Closed', { exact: true })).toBeVisible();
		await stage.getByRole('button', { name: 'Yes: Start judging' }).click();
		await expect(stage.getByRole('status')).toHaveText('The contest is now “Judging”.');

		// A bare post without the confirmation is refused and changes nothing.
		const contestUrl = new URL(page.url()).pathname;
		const response = await page.request.post(`${contestUrl}?/transition`, {
			form: { to: 'results' },
			headers: { origin: BASE_URL, 'x-sveltekit-action': 'true', 'accept-language': 'en' }
		});
		expect(await response.text()).toContain('stage.confirm.needed');
		await page.reload();
		await expect(stage.getByText('Judging', { exact: true })).toBeVisible();
	});
});

test.describe('adult accounts', () => {
	test('an admin makes a one-time reset link; the new password works and old sessions end', async ({
		page,
		browser,
		context
	}) => {
		await useAdult(browser, context, 'organizer');
		const email = `forgetful-${Date.now().toString(36)}@school.test`;
		await open(page, '/admin/users');
		await page.getByLabel('Name').fill('Forgetful Teacher');
		await page.getByLabel('Email').fill(email);
		await page.getByLabel('First password').fill('first password 1');
		await page.getByRole('button', { name: 'New account' }).click();
		await expect(page.getByRole('status')).toContainText(email);

		// The teacher is signed in somewhere with the old password.
		const old = await newEnglishContext(browser);
		const oldPage = await old.newPage();
		await open(oldPage, '/login');
		await oldPage.getByLabel('Email').fill(email);
		await oldPage.getByLabel('Password').fill('first password 1');
		await oldPage.getByRole('button', { name: 'Sign in' }).click();
		await expect(oldPage).toHaveURL(/\/classroom/);

		await waitForHydration(page);
		await page
			.getByRole('row')
			.filter({ hasText: email })
			.getByRole('button', { name: /^Password reset link/ })
			.click();
		const card = page.getByRole('region', { name: /One-time reset link for Forgetful Teacher/ });
		await expect(card.locator('svg')).toBeVisible();
		const link = await card.getByRole('textbox').inputValue();
		expect(link).toMatch(/\/reset\/[a-z2-7]{32}$/);

		const user = await newEnglishContext(browser);
		const userPage = await user.newPage();
		await open(userPage, new URL(link).pathname);
		await expect(userPage.getByText(`Account: ${email}`)).toBeVisible();
		await userPage.getByLabel('New password', { exact: true }).fill('second password 2');
		await userPage.getByLabel('New password again').fill('second password 2');
		await userPage.getByRole('button', { name: 'Save new password' }).click();
		await expect(userPage).toHaveURL(/\/login\?reset=1$/);
		await expect(userPage.getByRole('status')).toContainText('Your new password is saved.');
		await userPage.getByLabel('Email').fill(email);
		await userPage.getByLabel('Password').fill('second password 2');
		await userPage.getByRole('button', { name: 'Sign in' }).click();
		await expect(userPage).toHaveURL(/\/classroom/);

		await oldPage.reload();
		await expect(oldPage).toHaveURL(/\/login/);
		await open(userPage, new URL(link).pathname);
		await expect(userPage.getByText(/already been used or has expired/)).toBeVisible();
		await Promise.all([old.close(), user.close()]);
	});
});

test.describe('children', () => {
	test('a submission survives a refresh mid-upload and resumes; a returned one is fixed and sent again', async ({
		browser
	}) => {
		test.setTimeout(150_000);
		const contestTitle = `刷新也不丢 ${Date.now().toString(36)}`;
		const admin = await newEnglishContext(browser);
		await useAdult(browser, admin, 'organizer');
		await openContest(await admin.newPage(), contestTitle);
		await admin.close();

		const teacher = await newEnglishContext(browser);
		await useAdult(browser, teacher, 'teacher');
		const teacherPage = await teacher.newPage();
		const klass = await createClass(teacherPage, ['Resa Lune']);
		const child = klass.students[0]!;

		const context = await newEnglishContext(browser);
		const page = await context.newPage();
		const consoleErrors: string[] = [];
		page.on('console', (m) => {
			if (m.type() === 'error') consoleErrors.push(m.text());
		});
		await signInChild(page, klass.code, child.pseudonym, child.pictures!);
		const drawingId = await drawAndSave(page);

		// The network drops every upload: the page keeps trying, then the child refreshes.
		await page.route('**/studio/api/entries', (route) => route.abort());
		await open(page, `/studio/submit/${drawingId}`);
		const title = page.getByLabel('Title of my artwork');
		await expect(title).toHaveAttribute('type', 'text');
		expect(await title.evaluate((el) => getComputedStyle(el).borderTopWidth)).not.toBe('0px');
		await page.getByRole('radio', { name: new RegExp(contestTitle) }).check();
		await page.getByLabel('My age').selectOption({ label: '9 years old' });
		await title.fill('Moon over the field');
		await page.getByLabel('About my artwork').fill('The moon is round tonight.');
		await page.getByLabel('I confirm I made this artwork myself').check();
		await page.getByRole('button', { name: 'Send my artwork' }).click();
		await expect(page.getByText(/Trying again in/)).toBeVisible({ timeout: 20_000 });
		await expect(page.getByText(/saved on this computer/)).toBeVisible();

		let warned = '';
		page.once('dialog', (dialog) => {
			warned = dialog.type();
			void dialog.accept();
		});
		await page.unroute('**/studio/api/entries');
		await page.reload();
		expect(warned).toBe('beforeunload');
		await expect(page.getByText('Sent! Now waiting for your teacher.')).toBeVisible({
			timeout: 30_000
		});
		expect(consoleErrors.filter((e) => /Content Security Policy|inline/i.test(e))).toEqual([]);

		await open(page, '/studio/entries');
		const entry = page.getByRole('listitem').filter({ hasText: 'Moon over the field' });
		await expect(entry).toHaveCount(1);
		await expect(entry.getByText('Waiting for teacher')).toBeVisible({ timeout: 30_000 });

		// The teacher returns it; the child fixes and sends it again, within the limit of one.
		await open(teacherPage, `/classroom/${klass.id}/review`);
		await waitForHydration(teacherPage);
		const card = teacherPage.getByRole('article', { name: 'Moon over the field' });
		// The words typed before the refresh came through with the picture.
		await expect(card.getByRole('img', { name: 'The moon is round tonight.' })).toBeVisible();
		await card.getByText('Return to the child').click();
		await card.getByLabel('Message for the child').fill('Please add a title that says more.');
		await card.getByRole('button', { name: 'Return', exact: true }).click();
		await expect(teacherPage.getByRole('status')).toContainText('was returned');

		await page.reload();
		await expect(entry.getByText('Please add a title that says more.')).toBeVisible({
			timeout: 10_000
		});
		await entry.getByRole('link', { name: 'Fix and send again' }).click();
		await expect(page.getByLabel('Title of my artwork')).toHaveValue('Moon over the field');
		await expect(page.getByLabel('About my artwork')).toHaveValue('The moon is round tonight.');
		await expect(page.getByRole('link', { name: 'Change the drawing first' })).toBeVisible();
		await page.getByLabel('Title of my artwork').fill('The big moon over the wheat field');
		await page.getByLabel('I confirm I made this artwork myself').check();
		await page.getByRole('button', { name: 'Send my artwork' }).click();
		await expect(page.getByText('Sent! Now waiting for your teacher.')).toBeVisible({
			timeout: 30_000
		});
		await Promise.all([context.close(), teacher.close()]);
	});
});
