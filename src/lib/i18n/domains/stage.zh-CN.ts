/** Messages confirming a contest stage move that cannot be undone; en and fr mirror these keys. */
export const stageZhCN = {
	'stage.confirm.judging':
		'开始评审后，比赛设置（标题、日期、年龄组、学校、填色画）将永久锁定，也不能再收作品。此操作无法撤销。',
	'stage.confirm.results': '公布结果后，评分就定下来了，所有人都能看到结果。此操作无法撤销。',
	'stage.confirm.exhibited':
		'开放展览后，已通过审核并取得监护人同意的作品会公开展示。此操作无法撤销。',
	'stage.confirm.archived': '归档后，比赛不能再做任何改动。此操作无法撤销。',
	'stage.confirm.yes': '确定：{action}',
	'stage.confirm.needed': '这一步无法撤销：请先看清它会锁定什么，再点确定。'
};
