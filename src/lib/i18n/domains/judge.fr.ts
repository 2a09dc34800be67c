import type { judgeZhCN } from './judge.zh-CN.ts';

export const judgeFr: Record<keyof typeof judgeZhCN, string> = {
	'judge.title': 'Jury',
	'judge.empty':
		'Aucune session de jury ne vous est encore attribuée. Quand un organisateur vous en attribue une, les œuvres à noter apparaissent ici.'
};
