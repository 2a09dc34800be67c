import { fail, redirect } from '@sveltejs/kit';
import { randomUUID } from 'node:crypto';
import { ENTRY_FORM } from '$lib/schemas/entry';
import { parseInteger } from '$lib/schemas/field';
import { errorOn, isDomainError } from '$lib/server/errors';
import { getUploadOptions } from '$lib/server/entries/review.service';
import { submitEntry } from '$lib/server/entries/submission.service';
import { field, requireArea } from '$lib/server/http';
import { getServices } from '$lib/server/services';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireArea(event, 'classroom');
	const { db } = await getServices();
	const options = await getUploadOptions(db, actor, event.params.id, event.locals.locale).catch(
		errorOn
	);
	return {
		classroom: { id: options.classroom.id, name: options.classroom.name },
		students: options.students,
		contests: options.contests,
		// One key per rendered form: a double submit of this form is one entry.
		idempotencyKey: randomUUID()
	};
};

export const actions: Actions = {
	default: async (event) => {
		const actor = requireArea(event, 'classroom');
		const { db, store } = await getServices();
		// Whose class it is comes first: nothing is read from a stranger's form.
		const options = await getUploadOptions(db, actor, event.params.id, event.locals.locale).catch(
			errorOn
		);
		const form = await event.request.formData();
		const echo = {
			studentId: field(form, 'studentId'),
			contestId: field(form, 'contestId'),
			age: field(form, 'age'),
			title: field(form, 'title'),
			about: field(form, 'about')
		};
		// A fresh key for the corrected form: the refused one may already be spoken for.
		const refuse = (status: number, error: string) =>
			fail(status, { ...echo, error, idempotencyKey: randomUUID() });

		if (!echo.studentId) return refuse(400, 'review.error.student');
		if (!echo.contestId) return refuse(400, 'review.error.contest');
		const age = parseInteger(ENTRY_FORM.age, echo.age);
		if (!age.ok) return refuse(400, 'review.error.age');
		const photos = form.getAll('photo').filter((p): p is File => p instanceof File && p.size > 0);
		if (photos.length !== 1) return refuse(400, 'review.error.photoRequired');

		// Only a child of this class, whatever the form claims.
		if (!options.students.some((s) => s.id === echo.studentId))
			return refuse(400, 'review.error.student');

		let entryId: string;
		try {
			const result = await submitEntry(
				{ db, store },
				{ kind: 'teacher', user: actor, studentId: echo.studentId },
				{
					contestId: echo.contestId,
					age: age.value,
					title: echo.title,
					about: echo.about,
					drawingId: null,
					idempotencyKey: field(form, 'idempotencyKey'),
					image: new Uint8Array(await photos[0]!.arrayBuffer())
				}
			);
			entryId = result.entry.id;
		} catch (err) {
			if (!isDomainError(err)) throw err;
			if (err.code === 'classroom.error.notFound') errorOn(err);
			// The first click of a double submit is still being received: it will be the entry.
			if (err.code === 'entries.error.inFlight')
				redirect(303, `/classroom/${options.classroom.id}/review?uploaded`);
			return refuse(err.status, err.code);
		}
		redirect(303, `/classroom/${options.classroom.id}/review?uploaded=${entryId}`);
	}
};
