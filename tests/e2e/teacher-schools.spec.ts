import { expect, test } from '@playwright/test';
import { BASE_URL, DEMO, newEnglishContext, open, useAdult } from './helpers.ts';
import { keepOnlySchool } from './db-rows.ts';

/**
 * Issue 10, item 5, on the built server: a teacher opens classes only at the schools an admin
 * gave them on Admin → Users; a forged school id is refused like a missing one.
 */
test('a teacher can open classes only at the schools an admin gives them', async ({
	browser
}, testInfo) => {
	// An attempt that failed between giving the new school and taking it away left it to the
	// demo teacher: the retry starts, as the first attempt did, from the demo school alone.
	if (testInfo.retry > 0) keepOnlySchool(DEMO.teacher.email, DEMO.school);
	const school = `山顶小学 ${Date.now().toString(36)}`;
	const organizer = await newEnglishContext(browser);
	await useAdult(browser, organizer, 'organizer');
	const admin = await organizer.newPage();
	await open(admin, '/admin/schools');
	await admin.getByLabel('School name').fill(school);
	await admin.getByLabel('Town or city').fill('丽江');
	await admin.getByRole('button', { name: 'Add a school' }).click();
	await expect(admin.getByText(`${school} added.`)).toBeVisible();

	const teacherContext = await newEnglishContext(browser);
	await useAdult(browser, teacherContext, 'teacher');
	const teacher = await teacherContext.newPage();
	await open(teacher, '/classroom');
	const options = teacher.getByLabel('School').locator('option');
	await expect(options).toHaveText([`${DEMO.school} · 云南 大理`]);

	// The new school's id, as a forged form would send it.
	await open(admin, '/admin/users');
	const teacherForm = admin.getByRole('group', { name: /李老师 Li Na/ });
	const box = teacherForm.getByRole('checkbox', { name: `${school} · 丽江` });
	const schoolId = (await box.getAttribute('value'))!;
	const forged = await teacher.request.post('/classroom?/create', {
		form: { name: 'Forged', schoolId },
		headers: { origin: BASE_URL, accept: 'text/html', 'accept-language': 'en' },
		maxRedirects: 0
	});
	expect(forged.status()).toBe(400);
	expect(await forged.text()).toContain('Choose a school.');

	// The admin adds the school to the teacher: the class form now offers it.
	await box.check();
	await teacherForm.getByRole('button', { name: /Save schools/ }).click();
	await expect(admin.getByText('The schools of 李老师 Li Na were updated.')).toBeVisible();
	// Listed by name, in the reader's language.
	await expect(teacherForm.getByText(`${school} and ${DEMO.school}`)).toBeVisible();
	await open(teacher, '/classroom');
	await expect(options).toHaveText([`${school} · 丽江`, `${DEMO.school} · 云南 大理`]);

	// And takes it away again: the demo teacher keeps only the demo school.
	await box.uncheck();
	await teacherForm.getByRole('button', { name: /Save schools/ }).click();
	await expect(teacherForm.getByText(DEMO.school, { exact: true })).toBeVisible();
	await open(teacher, '/classroom');
	await expect(options).toHaveText([`${DEMO.school} · 云南 大理`]);
	await organizer.close();
	await teacherContext.close();
});
