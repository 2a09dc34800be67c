import type { judgeZhCN } from './judge.zh-CN.ts';

export const judgeFr: Record<keyof typeof judgeZhCN, string> = {
	'judge.title': 'Jury',
	'judge.empty':
		'Aucun tour de jury ne vous est encore attribué. Quand un organisateur vous en attribue un, les œuvres à noter apparaissent ici.'
};
