import type { authZhCN } from './auth.zh-CN.ts';

export const authEn: Record<keyof typeof authZhCN, string> = {
	'login.title': 'Sign in for teachers, judges and organizers',
	'login.email': 'Email',
	'login.password': 'Password',
	'login.submit': 'Sign in',
	'login.childLink': 'I’m a student: sign in with my class code',

	'auth.error.wrongPassword': 'That email or password is not right. Please try again.',
	'auth.error.tooManyAttempts': 'Too many attempts. Please wait 15 minutes and try again.',
	'auth.error.unknownClassCode':
		'We could not find that class code. Check your login card and type it again.',
	'auth.error.wrongSecret': 'Not quite! Try again.',
	'auth.error.childLocked': 'Too many tries. Raise your hand and ask your teacher to reset it.',
	'auth.error.unknownStudent': 'We could not find that name. Go back and pick again.',
	'auth.error.forbidden': 'You are not allowed to do that.',
	'auth.error.signedOut': 'You have signed out safely.',
	'auth.error.crossSite': 'This request came from another website and was refused.',
	'auth.error.joinTooManyTries':
		'Too many tries on this computer. Wait 15 minutes, or raise your hand and ask your teacher for help.'
};
