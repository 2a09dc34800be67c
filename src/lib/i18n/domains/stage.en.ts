import type { stageZhCN } from './stage.zh-CN.ts';

export const stageEn: Record<keyof typeof stageZhCN, string> = {
	'stage.confirm.judging':
		'Once judging starts, the settings (title, dates, age bands, schools, colouring pages) are locked for good and no more artworks can be sent. This cannot be undone.',
	'stage.confirm.results':
		'Publishing the results makes the scores final and shows them to everyone. This cannot be undone.',
	'stage.confirm.exhibited':
		'Opening the exhibition shows the approved artworks with parental consent to the public. This cannot be undone.',
	'stage.confirm.archived':
		'Once archived, nothing about the contest can change any more. This cannot be undone.',
	'stage.confirm.yes': 'Yes: {action}',
	'stage.confirm.needed': 'This step cannot be undone: read what it locks, then confirm.'
};
