import type { studioOptionsZhCN } from './studio-options.zh-CN.ts';

export const studioOptionsEn: Record<keyof typeof studioOptionsZhCN, string> = {
	'studioOptions.opacity': 'Colour strength',
	'studioOptions.percent': '{value}%',
	'studioOptions.opacityLight': 'See-through',
	'studioOptions.opacityStrong': 'Solid',
	'studioOptions.tolerance': 'Fill spreads over',
	'studioOptions.toleranceExact': 'exact colour',
	'studioOptions.toleranceSimilar': 'similar colours',
	'studioOptions.toleranceLevel.exact': 'Only the exact same colour',
	'studioOptions.toleranceLevel.low': 'Very close colours too',
	'studioOptions.toleranceLevel.medium': 'Similar colours too',
	'studioOptions.toleranceLevel.high': 'Quite different colours too',
	'studioOptions.paper': 'Paper',
	'studioOptions.paperCurrent': 'Paper: {name}',
	'studioOptions.paperCustom': 'Mix your own paper',
	'studioOptions.paperUndoHint': 'Changed your mind? Undo brings the old paper back.',
	'studioOptions.paper.white': 'White',
	'studioOptions.paper.cream': 'Cream',
	'studioOptions.paper.sky': 'Sky',
	'studioOptions.paper.mint': 'Mint',
	'studioOptions.paper.blush': 'Blush',
	'studioOptions.paper.sand': 'Sand',
	'studioOptions.paper.night': 'Night',
	'studioOptions.paper.custom': 'Your own colour'
};
