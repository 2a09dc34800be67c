import type { errorsZhCN } from './errors.zh-CN.ts';

export const errorsFr: Record<keyof typeof errorsZhCN, string> = {
	'error.title': 'Un problème est survenu',
	'error.notFound': 'Cette page n’existe pas.',
	'error.forbidden': 'Vous n’avez pas le droit de voir cette page.',
	'error.unavailable':
		'Sprout ne peut pas joindre sa base de données ou son stockage pour le moment. Réessayez dans un instant. Aucun travail n’est perdu.',
	'error.badRequest': 'Cette demande est mal formée.',
	'error.generic': 'Une erreur inattendue est survenue. Veuillez réessayer plus tard.',
	'error.home': 'Retour à l’accueil'
};
