import type { colouringZhCN } from './colouring.zh-CN.ts';

export const colouringFr: Record<keyof typeof colouringZhCN, string> = {
	'colouring.heading': 'Dessiner pour un concours',
	'colouring.lead': 'Choisis une feuille blanche ou un coloriage pour commencer.',
	'colouring.blank': 'Feuille blanche',
	'colouring.pages': 'Coloriages du concours {contest}',
	'colouring.noneLeft':
		'Tu as envoyé toutes tes œuvres à ce concours, mais tu peux encore dessiner.'
};
