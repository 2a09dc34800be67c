/** Messages of the class roster (pasting names, lockouts); en and fr mirror these keys. */
export const rosterZhCN = {
	'roster.summary.title': '每一行的结果',
	'roster.summary.added': '{name} → {pseudonym}',
	'roster.summary.namesake': '同名，已另建一个账号',
	'roster.summary.rejected': '第 {position} 个名字没有添加：太长了（最多 40 个字）',
	'roster.summary.fixHint': '没有添加的名字留在下面的框里，改好后再点“添加学生”。',
	'roster.error.noneAdded': '一个学生也没有添加：下面框里的名字需要先改一改。',
	'roster.lock.badge': '已锁定，还剩 {minutes} 分钟',
	'roster.lock.unlock': '解锁',
	'roster.lock.unlocked': '{name} 已解锁，图片密码没有变。'
};
