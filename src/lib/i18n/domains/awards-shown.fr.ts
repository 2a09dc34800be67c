import type { awardsShownZhCN } from './awards-shown.zh-CN.ts';

export const awardsShownFr: Record<keyof typeof awardsShownZhCN, string> = {
	'entries.list.award': '🏅 Ton œuvre a gagné : {award} !',
	'classroom.awards.title': 'Prix',
	'classroom.awards.line': '{name} : « {title} », {contest}'
};
