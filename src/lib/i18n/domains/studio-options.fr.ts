import type { studioOptionsZhCN } from './studio-options.zh-CN.ts';

export const studioOptionsFr: Record<keyof typeof studioOptionsZhCN, string> = {
	'studioOptions.opacity': 'Force de la couleur',
	'studioOptions.percent': '{value}\u00a0%',
	'studioOptions.opacityLight': 'Transparent',
	'studioOptions.opacityStrong': 'Couvrant',
	'studioOptions.tolerance': 'La peinture remplit',
	'studioOptions.toleranceExact': 'la même couleur',
	'studioOptions.toleranceSimilar': 'les couleurs proches',
	'studioOptions.toleranceLevel.exact': 'Seulement exactement la même couleur',
	'studioOptions.toleranceLevel.low': 'Aussi les couleurs très proches',
	'studioOptions.toleranceLevel.medium': 'Aussi les couleurs proches',
	'studioOptions.toleranceLevel.high': 'Même des couleurs assez différentes',
	'studioOptions.paper': 'Papier',
	'studioOptions.paperCurrent': 'Papier\u00a0: {name}',
	'studioOptions.paperCustom': 'Choisir une autre couleur de papier',
	'studioOptions.paperUndoHint':
		'Tu as changé d’avis\u00a0? «\u00a0Annuler\u00a0» remet l’ancien papier.',
	'studioOptions.paper.white': 'Blanc',
	'studioOptions.paper.cream': 'Crème',
	'studioOptions.paper.sky': 'Ciel',
	'studioOptions.paper.mint': 'Menthe',
	'studioOptions.paper.blush': 'Rose pâle',
	'studioOptions.paper.sand': 'Sable',
	'studioOptions.paper.night': 'Nuit',
	'studioOptions.paper.custom': 'Ta propre couleur'
};
