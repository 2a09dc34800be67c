/** Which schools a teacher works at (set on Admin → Users); en and fr mirror these keys. */
export const teacherSchoolsZhCN = {
	'teacherSchools.title': '老师所在的学校',
	'teacherSchools.lead': '老师只能在自己所在的学校创建班级。',
	'teacherSchools.none': '还没有学校',
	'teacherSchools.save': '保存学校',
	'teacherSchools.saved': '已更新 {name} 的学校。',
	'teacherSchools.noTeachers': '还没有老师账号。',
	'teacherSchools.noSchools': '还没有学校。请先在“管理 → 学校”中添加学校。',
	'teacherSchools.notYet': '你还没有被加入任何学校。请管理员在“管理 → 用户”中把你加入你的学校。',
	'teacherSchools.error.tooMany': '一位老师最多可以属于 {max} 所学校。',
	'teacherSchools.error.notTeacher': '找不到这位老师。',
	'teacherSchools.error.school': '请选择列表中的学校。'
};
