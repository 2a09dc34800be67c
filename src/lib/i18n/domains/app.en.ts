import type { appZhCN } from './app.zh-CN.ts';

export const appEn: Record<keyof typeof appZhCN, string> = {
	'app.name': 'Sprout',
	'app.tagline': 'Children’s green digital-art contests',
	'app.skip': 'Skip to main content',
	'app.footer':
		'Sprout is open-source software for the Green IT classrooms of rural and migrant schools.',

	'nav.home': 'Home',
	'nav.studio': 'My studio',
	'nav.classroom': 'My classes',
	'nav.judge': 'Judging',
	'nav.admin': 'Admin',
	'nav.users': 'Users',
	'nav.schools': 'Schools',
	'nav.signIn': 'Teacher & judge sign-in',
	'nav.join': 'Student sign-in',
	'nav.signOut': 'Sign out',
	'nav.main': 'Main navigation',
	'nav.signedInAs': 'Signed in as {name}',

	'lang.label': 'Language',
	'lang.change': 'Change',

	'home.title': 'Drawing for a green planet',
	'home.lead':
		'Children draw “My life in green”, “Blue planet” and e-waste recycling on their classroom computers; volunteer judges score fairly; the best artworks go to an online exhibition, an award ceremony and a printed show.',
	'home.children': 'Students',
	'home.childrenText': 'Sign in with a class code and a picture password. No email needed.',
	'home.teachers': 'Teachers',
	'home.teachersText': 'Set up a class in minutes, print login cards, approve artworks.',
	'home.judges': 'Judges',
	'home.judgesText': 'Blind judging with big images and shortcuts, smooth on a slow link.',
	'home.contests': 'Open contests',
	'home.contestsEmpty': 'No contest is open right now. When organizers open one, it appears here.',
	'home.joinCta': 'I’m a student: join my class',
	'home.loginCta': 'I’m a teacher or judge',

	'form.saving': 'Saving…',
	'form.cancel': 'Cancel',
	'form.confirm': 'Confirm'
};
