import type { judgeZhCN } from './judge.zh-CN.ts';

export const judgeEn: Record<keyof typeof judgeZhCN, string> = {
	'judge.title': 'Judging',
	'judge.empty':
		'No judging round is assigned to you yet. When an organizer assigns one, the artworks to judge appear here.'
};
