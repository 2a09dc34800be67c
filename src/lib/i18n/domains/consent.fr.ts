import type { consentZhCN } from './consent.zh-CN.ts';

export const consentFr: Record<keyof typeof consentZhCN, string> = {
	'consent.column': 'Autorisation parentale',
	'consent.none': 'Non enregistré',
	'consent.scope.classroom': 'Classe uniquement',
	'consent.scope.public_pseudonym': 'Public (pseudonyme)',
	'consent.scope.public_school': 'Public (pseudonyme et école)',
	'consent.method.paper': 'Coupon papier',
	'consent.method.in_person': 'En personne',
	'consent.method.message': 'Message',
	'consent.record': 'Enregistrer l’autorisation',
	'consent.change': 'Modifier',
	'consent.scopeLabel': 'Ce que les parents acceptent',
	'consent.methodLabel': 'Comment l’autorisation a été donnée',
	'consent.dateLabel': 'Date de l’autorisation',
	'consent.save': 'Enregistrer',
	'consent.withdraw': 'Retirer l’autorisation',
	'consent.withdrawConfirm':
		'Après le retrait, les œuvres de {name} quittent aussitôt toutes les pages publiques. Continuer\u202f?',
	'consent.recorded': 'Autorisation parentale enregistrée pour {name}.',
	'consent.withdrawn': 'Autorisation retirée pour {name}\u202f: ses œuvres ne sont plus publiques.',
	'consent.given': '{scope} · {method} · {date}',
	'consent.hint':
		'Sans autorisation publique, une œuvre n’est vue que dans la classe et par le jury (anonymement), jamais dans une exposition publique.',
	'consent.error.scope': 'Choisissez ce que les parents acceptent.',
	'consent.error.method': 'Choisissez comment l’autorisation a été donnée.',
	'consent.error.date': 'Saisissez une date valide qui n’est pas dans le futur.',
	'consent.error.none': 'Cet élève n’a pas d’autorisation en vigueur.'
};
