import type { securityZhCN } from './security.zh-CN.ts';

export const securityEn: Record<keyof typeof securityZhCN, string> = {
	'security.error.noOrigin':
		'This request did not say which website it came from, so it was refused. Open Sprout in your browser and try again.',
	'security.error.badForm':
		'What was sent was incomplete or not a form. Go back to the page and send it again.',
	'security.join.codeBudget':
		'Many wrong class codes were typed on this computer. Check the code on your login card, or ask your teacher for help.',
	'security.quota.drawings':
		'Your drawing box is full! Delete a few old drawings to make room for new ones. This drawing is still safe on this computer.',
	'security.quota.bytes':
		'Your drawings fill all the space you have. Delete a few old ones to make room. This drawing is still safe on this computer.',
	'security.quota.rate':
		'You are starting new drawings very fast! Wait a minute and try again. This drawing is still safe on this computer.'
};
