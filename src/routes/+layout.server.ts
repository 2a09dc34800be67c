import type { LayoutServerLoad } from './$types';

/** Only what the chrome needs: the language and who is signed in, no private fields. */
export const load: LayoutServerLoad = ({ locals }) => ({
	locale: locals.locale,
	user: locals.user
		? {
				displayName: locals.user.displayName,
				role: locals.user.role,
				isAdmin: locals.user.isAdmin
			}
		: null,
	student: locals.student
		? { id: locals.student.id, pseudonym: locals.student.pseudonym, avatar: locals.student.avatar }
		: null
});
