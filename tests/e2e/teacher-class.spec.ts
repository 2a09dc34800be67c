import { expect, test } from '@playwright/test';
import {
	BASE_URL,
	createClass,
	newEnglishContext,
	open,
	readRoster,
	useAdult,
	signInChild,
	waitForHydration
} from './helpers.ts';

test.describe('teacher: class, roster, cards, secrets, end class', () => {
	test('creates a class, pastes 3 names and sees them with pseudonyms', async ({
		page,
		browser,
		context
	}) => {
		await useAdult(browser, context, 'teacher');
		const names = ['Anna Schmidt', '王小明', 'Tom'];
		const created = await createClass(page, names);

		await expect(page.getByText('3 students added.')).toBeVisible();
		const roster = page.getByRole('table');
		await expect(roster.locator('tbody tr')).toHaveCount(3);
		expect(created.students.map((s) => s.firstName).sort()).toEqual([...names].sort());
		// Pseudonym = given name + a number; a full name never goes public (the surname of
		// "Anna Schmidt" and the family name 王 of "王小明" stay with the teacher).
		const byFirst = new Map(created.students.map((s) => [s.firstName, s]));
		expect(byFirst.get('Anna Schmidt')!.pseudonym).toMatch(/^Anna \d+$/);
		expect(byFirst.get('王小明')!.pseudonym).toMatch(/^小明 \d+$/);
		expect(byFirst.get('Tom')!.pseudonym).toMatch(/^Tom \d+$/);
		for (const s of created.students) {
			await expect(roster.getByText(s.pseudonym, { exact: true })).toBeVisible();
			// Each child got a picture password of three pictures.
			expect(s.pictures).toHaveLength(3);
		}

		// The class appears in the teacher's list with its code and the student count.
		await open(page, '/classroom');
		const item = page.getByRole('listitem').filter({ hasText: created.name });
		await expect(item.getByRole('link', { name: created.name })).toBeVisible();
		await expect(item.getByText(created.code, { exact: true })).toBeVisible();
		await expect(item.getByText('3 students')).toBeVisible();
	});

	test('an empty list shows the translated error', async ({ page, browser, context }) => {
		await useAdult(browser, context, 'teacher');
		await createClass(page, []);
		await expect(
			page.getByText('No students yet. Paste the list below to add them.')
		).toBeVisible();

		// Only separators and spaces: the browser's "required" is satisfied, the server refuses.
		await page.getByRole('textbox', { name: 'Add students' }).fill(' \n , \n ，\n');
		await page.getByRole('button', { name: 'Add students' }).click();
		await expect(page.getByRole('alert')).toHaveText('Type at least one name.');
		await expect(page.getByRole('table')).toHaveCount(0);
	});

	test('prints one login card per student with the class code and a QR code', async ({
		page,
		browser,
		context
	}) => {
		await useAdult(browser, context, 'teacher');
		const created = await createClass(page, ['Lea', '李华', 'Omar']);

		await page.getByRole('link', { name: 'Print login cards' }).click();
		await expect(page).toHaveURL(new RegExp(`/classroom/${created.id}/cards$`));
		await expect(
			page.getByRole('heading', { level: 1, name: `Login cards: ${created.name}` })
		).toBeVisible();
		await expect(page.getByRole('button', { name: 'Print' })).toBeVisible();

		const cards = page.locator('li.login-card');
		await expect(cards).toHaveCount(3);
		for (const student of created.students) {
			const card = cards.filter({ hasText: student.pseudonym });
			await expect(card).toHaveCount(1);
			await expect(card.getByText(created.code, { exact: true })).toBeVisible();
			await expect(card.getByRole('img', { name: 'QR code to join the class' })).toBeVisible();
			await expect(card.locator('.qr svg')).toHaveCount(1);
			await expect(card.locator('.qr svg path, .qr svg rect').first()).toBeAttached();
			await expect(card.getByText('My picture password')).toBeVisible();
			for (const picture of student.pictures!) {
				await expect(card.getByRole('img', { name: picture, exact: true }).first()).toBeVisible();
			}
			await expect(card.getByText(`Open ${BASE_URL}/join`)).toBeVisible();
		}
	});

	test('resets a student to a chosen PIN 1357 and the child signs in with it', async ({
		page,
		browser,
		context
	}) => {
		await useAdult(browser, context, 'teacher');
		const created = await createClass(page, ['Sami', 'Yuki']);
		const sami = created.students.find((s) => s.firstName === 'Sami')!;

		await page.getByText(`Use a secret number instead: ${sami.pseudonym}`).click();
		const row = page.getByRole('row').filter({ hasText: sami.pseudonym });
		await row.getByLabel('4 digits (blank for a random one)').fill('1357');
		await row.getByRole('button', { name: 'Confirm' }).click();

		await expect(page.getByRole('status')).toHaveText(
			`New password for ${sami.pseudonym}. Print a new card.`
		);
		await expect(row.getByText('Secret number 1357')).toBeVisible();
		const after = await readRoster(page);
		expect(after.find((s) => s.firstName === 'Sami')!.pictures).toBeNull();
		expect(after.find((s) => s.firstName === 'Yuki')!.pictures).toHaveLength(3);

		// A wrong PIN is refused with a clear message; the new PIN works.
		const child = await newEnglishContext(browser);
		const kid = await child.newPage();
		await open(kid, `/join/${created.code}`);
		await kid.getByRole('link', { name: sami.pseudonym, exact: true }).click();
		await waitForHydration(kid);
		await kid.getByLabel('Type your 4-digit secret number').fill('7531');
		await kid.getByRole('button', { name: 'Go to my studio' }).click();
		await expect(kid.getByRole('alert')).toHaveText('Not quite! Try again.');
		await kid.getByLabel('Type your 4-digit secret number').fill('1357');
		await kid.getByRole('button', { name: 'Go to my studio' }).click();
		await expect(kid).toHaveURL(/\/studio$/);
		await expect(
			kid.getByRole('heading', { level: 1, name: `Hello, ${sami.pseudonym}!` })
		).toBeVisible();
		await child.close();
	});

	test('a PIN that is not 4 digits is refused with a clear message', async ({
		page,
		browser,
		context
	}) => {
		await useAdult(browser, context, 'teacher');
		const created = await createClass(page, ['Ines']);
		const ines = created.students[0]!;
		await page.getByText(`Use a secret number instead: ${ines.pseudonym}`).click();
		const row = page.getByRole('row').filter({ hasText: ines.pseudonym });
		const pin = row.getByLabel('4 digits (blank for a random one)');
		// The browser's own pattern check would stop "12a4"; remove it to reach the server.
		await pin.evaluate((el) => el.removeAttribute('pattern'));
		await pin.fill('12a4');
		await row.getByRole('button', { name: 'Confirm' }).click();
		await expect(page.getByRole('alert')).toHaveText('A secret number is exactly 4 digits.');
		// Nothing changed: still a picture password.
		const after = await readRoster(page);
		expect(after[0]!.pictures).toEqual(ines.pictures);
	});

	test('deleting a child says what goes, then signs them out and removes them', async ({
		page,
		browser,
		context
	}) => {
		await useAdult(browser, context, 'teacher');
		const created = await createClass(page, ['Lina', 'Omar']);
		const lina = created.students.find((s) => s.firstName === 'Lina')!;
		const child = await newEnglishContext(browser);
		const kid = await child.newPage();
		await signInChild(kid, created.code, lina.pseudonym, lina.pictures!);

		await page.getByText(`Remove: ${lina.pseudonym}`).click();
		const confirm = page.locator('form.erase', { hasText: 'Delete Lina completely?' });
		await expect(confirm.getByText('Delete Lina completely?')).toBeVisible();
		for (const line of [
			'their name, password and parental consents',
			'0 drawings saved on the website',
			'0 artworks, with their scores and prizes',
			'every sign-in (the child is signed out)'
		])
			await expect(confirm.getByText(line)).toBeVisible();
		await confirm.getByRole('button', { name: 'Delete completely' }).click();
		await expect(page.getByRole('status')).toHaveText(
			`${lina.pseudonym} and all their work are deleted.`
		);
		await expect(page.getByRole('table').getByText(lina.pseudonym, { exact: true })).toHaveCount(0);

		await kid.goto('/studio');
		await expect(kid).toHaveURL(/\/join$/);
		await child.close();
	});

	test('"End class" signs out a child who was signed in', async ({ page, browser, context }) => {
		await useAdult(browser, context, 'teacher');
		const created = await createClass(page, ['Mia', '张伟']);
		const mia = created.students.find((s) => s.firstName === 'Mia')!;

		// The child, on another classroom PC.
		const child = await newEnglishContext(browser);
		const kid = await child.newPage();
		await signInChild(kid, created.code, mia.pseudonym, mia.pictures!);
		await kid.goto('/studio');
		await expect(
			kid.getByRole('heading', { level: 1, name: `Hello, ${mia.pseudonym}!` })
		).toBeVisible();

		await page.getByText('End class: sign everyone out').click();
		await expect(
			page.getByText(
				'Use it when the lesson ends on shared computers: every child is signed out at once.'
			)
		).toBeVisible();
		await page.getByRole('button', { name: 'Sign out every student of this class?' }).click();
		await expect(page.getByRole('status')).toHaveText('1 sign-ins ended.');

		await kid.goto('/studio');
		await expect(kid).toHaveURL(/\/join$/);
		await expect(kid.getByRole('heading', { level: 1, name: 'Join my class' })).toBeVisible();
		const cookies = await child.cookies();
		expect(cookies.find((c) => c.name === 'sprout_session')).toBeUndefined();
		await child.close();
	});

	test('records guardian consent for a child, then withdraws it', async ({
		page,
		browser,
		context
	}) => {
		await useAdult(browser, context, 'teacher');
		const created = await createClass(page, ['Consenta']);
		const child = created.students[0]!;
		const row = page.locator('table tbody tr').filter({ hasText: child.pseudonym });
		await expect(row.locator('.badge')).toHaveText('Not recorded');

		await row.getByText('Record consent').click();
		await row.getByLabel('What the parents agreed to').selectOption('public_pseudonym');
		await row.getByLabel('How it was given').selectOption('paper');
		await row.getByLabel('Date the parents agreed').fill('2026-09-01');
		await row.getByRole('button', { name: 'Save' }).click();
		await expect(page.getByText(`Parental consent recorded for ${child.pseudonym}.`)).toBeVisible();
		await expect(row.locator('.badge')).toHaveText('Public (pseudonym)');
		await expect(row.getByText('Paper slip · 2026-09-01')).toBeVisible();

		// A date in the future is refused with a clear message and nothing changes.
		await row.getByText('Change').click();
		await row.getByLabel('Date the parents agreed').evaluate((el) => el.removeAttribute('max'));
		await row.getByLabel('Date the parents agreed').fill('2099-01-01');
		await row.getByRole('button', { name: 'Save' }).click();
		await expect(page.getByText('Enter a valid date that is not in the future.')).toBeVisible();
		await expect(row.getByText('Paper slip · 2026-09-01')).toBeVisible();

		// The refused form stays open for correcting; withdraw from there.
		await row.getByRole('button', { name: 'Withdraw consent' }).click();
		await expect(page.getByText(`Consent withdrawn for ${child.pseudonym}`)).toBeVisible();
		await expect(row.locator('.badge')).toHaveText('Not recorded');
	});
});
