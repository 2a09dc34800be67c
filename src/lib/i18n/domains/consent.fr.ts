import type { consentZhCN } from './consent.zh-CN.ts';

export const consentFr: Record<keyof typeof consentZhCN, string> = {
	'consent.column': 'Accord du responsable',
	'consent.none': 'Non enregistré',
	'consent.scope.classroom': 'Classe uniquement',
	'consent.scope.public_pseudonym': 'Public (pseudonyme)',
	'consent.scope.public_school': 'Public (pseudonyme et école)',
	'consent.method.paper': 'Coupon papier',
	'consent.method.in_person': 'En personne',
	'consent.method.message': 'Message',
	'consent.record': 'Enregistrer l’accord',
	'consent.change': 'Modifier',
	'consent.scopeLabel': 'Ce que le responsable accepte',
	'consent.methodLabel': 'Comment l’accord a été donné',
	'consent.dateLabel': 'Date de l’accord',
	'consent.save': 'Enregistrer',
	'consent.withdraw': 'Retirer l’accord',
	'consent.withdrawConfirm':
		'Après le retrait, les œuvres de {name} quittent aussitôt toutes les pages publiques. Continuer ?',
	'consent.recorded': 'Accord du responsable enregistré pour {name}.',
	'consent.withdrawn': 'Accord retiré pour {name} : ses œuvres ne sont plus publiques.',
	'consent.given': '{scope} · {method} · {date}',
	'consent.hint':
		'Sans accord public, une œuvre n’est vue que dans la classe et par le jury (anonymement), jamais dans une exposition publique.',
	'consent.error.scope': 'Choisissez ce que le responsable accepte.',
	'consent.error.method': 'Choisissez comment l’accord a été donné.',
	'consent.error.date': 'Saisissez une date valide qui n’est pas dans le futur.',
	'consent.error.none': 'Cet élève n’a pas d’accord en vigueur.'
};
