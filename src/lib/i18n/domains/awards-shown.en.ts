import type { awardsShownZhCN } from './awards-shown.zh-CN.ts';

export const awardsShownEn: Record<keyof typeof awardsShownZhCN, string> = {
	'entries.list.award': '🏅 Your artwork won: {award}!',
	'classroom.awards.title': 'Awards',
	'classroom.awards.line': '{name}: “{title}”, {contest}'
};
