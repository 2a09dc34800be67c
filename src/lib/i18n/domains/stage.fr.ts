import type { stageZhCN } from './stage.zh-CN.ts';

export const stageFr: Record<keyof typeof stageZhCN, string> = {
	'stage.confirm.judging':
		'Une fois le jury lancé, les réglages (titre, dates, tranches d’âge, écoles, coloriages) sont verrouillés pour toujours et plus aucune participation ne peut être envoyée. Impossible d’annuler.',
	'stage.confirm.results':
		'Publier les résultats rend les notes définitives et les montre à tous. Impossible d’annuler.',
	'stage.confirm.exhibited':
		'Ouvrir l’exposition montre au public les œuvres approuvées avec autorisation parentale. Impossible d’annuler.',
	'stage.confirm.archived':
		'Une fois archivé, plus rien ne peut changer dans le concours. Impossible d’annuler.',
	'stage.confirm.yes': 'Oui : {action}',
	'stage.confirm.needed':
		'Cette étape est définitive : lisez ce qu’elle verrouille, puis confirmez.'
};
