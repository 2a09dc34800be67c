import type { rosterZhCN } from './roster.zh-CN.ts';

export const rosterFr: Record<keyof typeof rosterZhCN, string> = {
	'roster.summary.title': 'Ce qui est arrivé à chaque ligne',
	'roster.summary.added': '{name} → {pseudonym}',
	'roster.summary.namesake': 'même prénom qu’un autre élève : un compte à part',
	'roster.summary.rejected':
		'Le prénom {position} n’a pas été ajouté : trop long (40 caractères au plus)',
	'roster.summary.fixHint':
		'Les prénoms non ajoutés sont revenus dans la case ci-dessous : corrigez-les et ajoutez à nouveau.',
	'roster.error.noneAdded':
		'Aucun élève n’a été ajouté : corrigez d’abord les prénoms dans la case ci-dessous.',
	'roster.lock.badge': 'Bloqué — encore {minutes} min',
	'roster.lock.unlock': 'Débloquer',
	'roster.lock.unlocked': '{name} est débloqué ; le mot de passe en images ne change pas.'
};
