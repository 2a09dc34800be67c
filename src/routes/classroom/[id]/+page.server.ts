import { fail } from '@sveltejs/kit';
import {
	addStudents,
	endClass,
	getManagedClassroom,
	listRoster,
	resetStudentSecret,
	unlockStudent
} from '$lib/server/classrooms/classroom.service';
import { errorOn, failOn, isDomainError } from '$lib/server/errors';
import {
	consentsForClassroom,
	consentToday,
	recordConsent,
	withdrawConsent
} from '$lib/server/consent/consent.service';
import { countWaiting } from '$lib/server/entries/review.service';
import { eraseStudent, erasureSummaries } from '$lib/server/privacy/student-erasure.service';
import { field, requireArea } from '$lib/server/http';
import { awardsOfClassroom } from '$lib/server/judging/published-awards.service';
import type { ConsentMethod, ConsentScope } from '$lib/server/db/schema';
import { getServices, type Services } from '$lib/server/services';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireArea(event, 'classroom');
	const { db } = await getServices();
	const classroom = await getManagedClassroom(db, actor, event.params.id).catch(errorOn);
	const [students, consents, waitingCount, awards] = await Promise.all([
		listRoster(db, actor, classroom.id),
		consentsForClassroom(db, actor, classroom.id),
		countWaiting(db, actor, classroom.id),
		awardsOfClassroom(db, actor, classroom.id, event.locals.locale)
	]);
	const erasure = await erasureSummaries(
		db,
		actor,
		classroom.id,
		students.map((s) => s.id)
	);
	const now = Date.now();
	return {
		created: event.url.searchParams.has('created'),
		waitingCount,
		awards,
		classroom: {
			id: classroom.id,
			name: classroom.name,
			code: classroom.code,
			schoolName: classroom.school_name,
			teacherName: classroom.teacher_name
		},
		students: students.map((s) => ({
			id: s.id,
			firstName: s.first_name,
			pseudonym: s.pseudonym,
			avatar: s.avatar,
			secretKind: s.secret_kind,
			secret: s.secret,
			// Rounded up: "1 min left" until the very end, never "0 min".
			lockedMinutes:
				s.lockedUntil === null ? null : Math.max(1, Math.ceil((s.lockedUntil - now) / 60_000)),
			consent: toConsent(consents.get(s.id)),
			erasure: erasure.get(s.id) ?? { drawings: 0, entries: 0 }
		})),
		today: consentToday()
	};
};

function toConsent(
	row: { scope: ConsentScope; method: ConsentMethod; given_on: string } | undefined
) {
	return row ? { scope: row.scope, method: row.method, givenOn: row.given_on } : null;
}

/** Runs a classroom action with the checks every one of them needs. */
async function withClassroom<T>(
	event: RequestEvent,
	fn: (ctx: Pick<Services, 'db' | 'store'> & { form: FormData }) => Promise<T>
) {
	requireArea(event, 'classroom');
	const form = await event.request.formData();
	const { db, store } = await getServices();
	try {
		return await fn({ db, store, form });
	} catch (err) {
		// A refused roster keeps what the teacher pasted, to fix it there.
		if (isDomainError(err) && err.code.startsWith('roster.error.'))
			return failOn(err, { names: field(form, 'names') });
		return failOn(err);
	}
}

export const actions: Actions = {
	addStudents: (event) =>
		withClassroom(event, async ({ db, form }) => {
			const { added, rejected } = await addStudents(
				db,
				event.locals.user!,
				event.params.id,
				field(form, 'names')
			);
			// The bad lines go back into the box, so the teacher fixes just those and adds again.
			const names = rejected.map((r) => r.name).join('\n');
			if (added.length === 0)
				return fail(400, { names, rejected, error: 'roster.error.noneAdded' });
			return { added, rejected, names };
		}),
	unlock: (event) =>
		withClassroom(event, async ({ db, form }) => {
			await unlockStudent(db, event.locals.user!, event.params.id, field(form, 'studentId'));
			return { unlocked: field(form, 'pseudonym') };
		}),
	resetPicture: (event) =>
		withClassroom(event, async ({ db, form }) => {
			await resetStudentSecret(
				db,
				event.locals.user!,
				event.params.id,
				field(form, 'studentId'),
				'picture'
			);
			return { reset: field(form, 'pseudonym') };
		}),
	resetPin: (event) =>
		withClassroom(event, async ({ db, form }) => {
			await resetStudentSecret(
				db,
				event.locals.user!,
				event.params.id,
				field(form, 'studentId'),
				'pin',
				field(form, 'pin')
			);
			return { reset: field(form, 'pseudonym') };
		}),
	remove: (event) =>
		withClassroom(event, async ({ db, store, form }) => {
			await eraseStudent(
				{ db, store },
				event.locals.user!,
				event.params.id,
				field(form, 'studentId')
			);
			return { removed: field(form, 'pseudonym') };
		}),
	recordConsent: (event) =>
		withClassroom(event, async ({ db, form }) => {
			await recordConsent(db, event.locals.user!, event.params.id, field(form, 'studentId'), {
				scope: field(form, 'scope'),
				method: field(form, 'method'),
				givenOn: field(form, 'givenOn')
			});
			return { consentRecorded: field(form, 'pseudonym') };
		}),
	withdrawConsent: (event) =>
		withClassroom(event, async ({ db, form }) => {
			await withdrawConsent(db, event.locals.user!, event.params.id, field(form, 'studentId'));
			return { consentWithdrawn: field(form, 'pseudonym') };
		}),
	endClass: (event) =>
		withClassroom(event, async ({ db }) => {
			const count = await endClass(db, event.locals.user!, event.params.id);
			return { ended: count };
		})
};
