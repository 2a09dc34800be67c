import type { erasureZhCN } from './erasure.zh-CN.ts';

export const erasureEn: Record<keyof typeof erasureZhCN, string> = {
	'erasure.title': 'Delete {name} completely?',
	'erasure.intro': 'This deletes for good, and cannot be undone:',
	'erasure.person': 'their name, password and parental consents',
	'erasure.drawings': '{count} drawings saved on the website',
	'erasure.entries': '{count} artworks, with their scores and prizes',
	'erasure.sessions': 'every sign-in (the child is signed out)',
	'erasure.confirm': 'Delete completely',
	'erasure.done': '{name} and all their work are deleted.'
};
