/** A teacher deletes a child completely (a guardian's request): what goes, said before it goes. */
export const erasureZhCN = {
	'erasure.title': '彻底删除 {name}？',
	'erasure.intro': '以下内容会永久删除，无法恢复：',
	'erasure.person': '姓名、密码和监护人同意记录',
	'erasure.drawings': '保存在网站上的 {count} 幅画',
	'erasure.entries': '{count} 件参赛作品，以及它们的评分和奖项',
	'erasure.sessions': '所有登录状态（这名学生会被登出）',
	'erasure.confirm': '彻底删除',
	'erasure.done': '已彻底删除 {name} 和 TA 的所有作品。'
};
