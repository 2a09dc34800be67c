import type { erasureZhCN } from './erasure.zh-CN.ts';

export const erasureFr: Record<keyof typeof erasureZhCN, string> = {
	'erasure.title': 'Supprimer complètement {name}\u202f?',
	'erasure.intro': 'Ceci est supprimé pour toujours, sans retour possible\u202f:',
	'erasure.person': 'son prénom, son mot de passe et ses autorisations parentales',
	'erasure.drawings': '{count} dessins enregistrés sur le site',
	'erasure.entries': '{count} œuvres, avec leurs notes et leurs prix',
	'erasure.sessions': 'toutes ses connexions (l’élève est déconnecté)',
	'erasure.confirm': 'Supprimer complètement',
	'erasure.done': '{name} et toutes ses œuvres sont supprimés.'
};
