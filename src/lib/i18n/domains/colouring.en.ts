import type { colouringZhCN } from './colouring.zh-CN.ts';

export const colouringEn: Record<keyof typeof colouringZhCN, string> = {
	'colouring.heading': 'Draw for a contest',
	'colouring.lead': 'Pick blank paper or a colouring page to start.',
	'colouring.blank': 'Blank paper',
	'colouring.pages': 'Colouring pages for {contest}',
	'colouring.noneLeft': 'You have sent all your artworks to this contest, but you can still draw.'
};
