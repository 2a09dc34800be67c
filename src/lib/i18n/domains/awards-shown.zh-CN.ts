// Awards shown where they matter once results are published: the child's entries, the class page.
export const awardsShownZhCN = {
	'entries.list.award': '🏅 你的作品获得了：{award}！',
	'classroom.awards.title': '获奖作品',
	'classroom.awards.line': '{name}：《{title}》，{contest}'
} as const;
