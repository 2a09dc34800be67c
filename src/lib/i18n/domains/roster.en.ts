import type { rosterZhCN } from './roster.zh-CN.ts';

export const rosterEn: Record<keyof typeof rosterZhCN, string> = {
	'roster.summary.title': 'What happened to each line',
	'roster.summary.added': '{name} → {pseudonym}',
	'roster.summary.namesake': 'same name as another student: a separate account',
	'roster.summary.rejected': 'Name {position} was not added: too long (40 characters at most)',
	'roster.summary.fixHint':
		'The names that were not added are back in the box below: fix them and add again.',
	'roster.error.noneAdded': 'No student was added: fix the names in the box below first.',
	'roster.lock.badge': 'Locked — {minutes} min left',
	'roster.lock.unlock': 'Unlock',
	'roster.lock.unlocked': '{name} is unlocked; the picture password is unchanged.'
};
