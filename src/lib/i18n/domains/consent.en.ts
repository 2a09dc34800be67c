import type { consentZhCN } from './consent.zh-CN.ts';

export const consentEn: Record<keyof typeof consentZhCN, string> = {
	'consent.column': 'Parental consent',
	'consent.none': 'Not recorded',
	'consent.scope.classroom': 'Classroom only',
	'consent.scope.public_pseudonym': 'Public (pseudonym)',
	'consent.scope.public_school': 'Public (pseudonym and school)',
	'consent.method.paper': 'Paper slip',
	'consent.method.in_person': 'In person',
	'consent.method.message': 'Message',
	'consent.record': 'Record consent',
	'consent.change': 'Change',
	'consent.scopeLabel': 'What the parents agreed to',
	'consent.methodLabel': 'How it was given',
	'consent.dateLabel': 'Date the parents agreed',
	'consent.save': 'Save',
	'consent.withdraw': 'Withdraw consent',
	'consent.withdrawConfirm':
		'After withdrawing, {name}’s artworks leave every public page at once. Continue?',
	'consent.recorded': 'Parental consent recorded for {name}.',
	'consent.withdrawn': 'Consent withdrawn for {name}: their artworks are no longer public.',
	'consent.given': '{scope} · {method} · {date}',
	'consent.hint':
		'Artworks without public consent are seen only in the classroom and by judges (anonymously), never in a public exhibition.',
	'consent.error.scope': 'Choose what the parents agreed to.',
	'consent.error.method': 'Choose how consent was given.',
	'consent.error.date': 'Enter a valid date that is not in the future.',
	'consent.error.none': 'This student has no consent in force.'
};
