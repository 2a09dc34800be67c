import { expect, test } from '@playwright/test';
import { BASE_URL, DEMO, open, signInAdult, waitForHydration } from './helpers.ts';

test.describe('adult sign-in', () => {
	test('teacher signs in with the demo account and sees the demo class', async ({ page }) => {
		await open(page, '/login');
		await expect(
			page.getByRole('heading', { level: 1, name: 'Sign in for teachers, judges and organizers' })
		).toBeVisible();
		await page.getByLabel('Email').fill(DEMO.teacher.email);
		await page.getByLabel('Password').fill(DEMO.teacher.password);
		await page.getByRole('button', { name: 'Sign in', exact: true }).click();

		await expect(page).toHaveURL(/\/classroom$/);
		await expect(page.getByRole('heading', { level: 1, name: 'My classes' })).toBeVisible();
		await expect(page.getByRole('link', { name: DEMO.classroom.name })).toBeVisible();
		await expect(page.getByText(DEMO.classroom.code, { exact: true })).toBeVisible();
		// The header shows who is signed in, and a teacher has no Admin link.
		await expect(page.getByText('李老师 Li Na')).toBeVisible();
		const nav = page.getByRole('navigation', { name: 'Main navigation' });
		await expect(nav.getByRole('link', { name: 'My classes' })).toBeVisible();
		await expect(nav.getByRole('link', { name: 'Admin' })).toHaveCount(0);
	});

	test('a wrong password shows the translated error and stays on /login', async ({ page }) => {
		await open(page, '/login');
		await page.getByLabel('Email').fill(DEMO.teacher.email);
		await page.getByLabel('Password').fill('not-the-password');
		await page.getByRole('button', { name: 'Sign in', exact: true }).click();

		await expect(page.getByRole('alert')).toHaveText(
			'That email or password is not right. Please try again.'
		);
		await expect(page).toHaveURL(/\/login$/);
		// The email is kept so the adult only retypes the password.
		await expect(page.getByLabel('Email')).toHaveValue(DEMO.teacher.email);
		await expect(page.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');

		// And the right password still works afterwards (the failure only counts, never locks).
		await page.getByLabel('Password').fill(DEMO.teacher.password);
		await page.getByRole('button', { name: 'Sign in', exact: true }).click();
		await expect(page).toHaveURL(/\/classroom$/);
	});

	test('sign-out returns to /login with a message and closes the teacher area', async ({
		page
	}) => {
		await signInAdult(page, 'teacher');
		await expect(page).toHaveURL(/\/classroom$/);

		await page.getByRole('button', { name: 'Sign out' }).click();
		await expect(page).toHaveURL(/\/login\?signedOut=1$/);
		await expect(page.getByRole('status')).toHaveText('You have signed out safely.');
		await expect(page.getByRole('link', { name: 'Teacher & judge sign-in' })).toBeVisible();

		const cookies = await page.context().cookies();
		expect(cookies.find((c) => c.name === 'sprout_session')).toBeUndefined();

		await page.goto('/classroom');
		await expect(page).toHaveURL(/\/login\?next=%2Fclassroom$/);
		await expect(
			page.getByRole('heading', { level: 1, name: 'Sign in for teachers, judges and organizers' })
		).toBeVisible();
	});

	test('a judge gets 403 on /admin and on /classroom', async ({ page }) => {
		await signInAdult(page, 'judge');
		await expect(page).toHaveURL(/\/judge$/);
		await expect(page.getByRole('heading', { level: 1, name: 'Judging' })).toBeVisible();

		for (const path of ['/admin', '/admin/users', '/classroom']) {
			const response = await page.goto(path);
			expect(response?.status(), path).toBe(403);
			await expect(page.getByText('You are not allowed to see this page.')).toBeVisible();
			await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		}
	});

	test('the organizer sees Admin and opens users and schools', async ({ page }) => {
		await signInAdult(page, 'organizer');
		await expect(page).toHaveURL(/\/admin$/);

		const nav = page.getByRole('navigation', { name: 'Main navigation' });
		await nav.getByRole('link', { name: 'Admin' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Admin' })).toBeVisible();

		await page.getByRole('link', { name: /^Users/ }).click();
		await expect(page).toHaveURL(/\/admin\/users$/);
		await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
		const users = page.getByRole('table', { name: 'Users' });
		for (const adult of [DEMO.organizer, DEMO.teacher, DEMO.judge]) {
			await expect(users.getByText(adult.email)).toBeVisible();
		}
		await expect(users.getByText('(you)')).toBeVisible();

		await page.goto('/admin');
		await page.getByRole('link', { name: /^Schools/ }).click();
		await expect(page).toHaveURL(/\/admin\/schools$/);
		await expect(page.getByRole('heading', { level: 1, name: 'Schools' })).toBeVisible();
		await expect(page.getByRole('cell', { name: DEMO.school })).toBeVisible();
	});

	test('?next= brings the adult back to the page they asked for', async ({ page }) => {
		await page.goto('/admin/schools');
		await expect(page).toHaveURL(/\/login\?next=%2Fadmin%2Fschools$/);
		await waitForHydration(page);
		await page.getByLabel('Email').fill(DEMO.organizer.email);
		await page.getByLabel('Password').fill(DEMO.organizer.password);
		await page.getByRole('button', { name: 'Sign in', exact: true }).click();
		await expect(page).toHaveURL(/\/admin\/schools$/);
		await expect(page.getByRole('heading', { level: 1, name: 'Schools' })).toBeVisible();
	});

	test('an external ?next=//evil.example is ignored', async ({ page }) => {
		await open(page, '/login?next=//evil.example');
		await page.getByLabel('Email').fill(DEMO.teacher.email);
		await page.getByLabel('Password').fill(DEMO.teacher.password);
		await page.getByRole('button', { name: 'Sign in', exact: true }).click();
		await expect(page).toHaveURL(`${BASE_URL}/classroom`);
		await expect(page.getByRole('heading', { level: 1, name: 'My classes' })).toBeVisible();

		// Already signed in: /login with a hostile next sends the teacher home, not away.
		await page.goto('/login?next=%2F%2Fevil.example%2Fsteal');
		await expect(page).toHaveURL(`${BASE_URL}/classroom`);
		await page.goto('/login?next=/%5Cevil.example');
		await expect(page).toHaveURL(`${BASE_URL}/classroom`);
	});
});
