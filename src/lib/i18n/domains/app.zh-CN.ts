/** App shell: name, navigation, language switch, home page and shared form words; en and fr mirror these keys (checked by TypeScript and tests). */
export const appZhCN = {
	'app.name': '萌芽 Sprout',
	'app.tagline': '孩子们的绿色数字绘画比赛',
	'app.skip': '跳到主要内容',
	'app.footer': 'Sprout 是开源软件，服务于乡村和随迁子女学校的“绿色 IT 教室”。',

	'nav.home': '首页',
	'nav.studio': '我的画室',
	'nav.classroom': '我的班级',
	'nav.judge': '评审',
	'nav.admin': '管理',
	'nav.users': '用户',
	'nav.schools': '学校',
	'nav.signIn': '老师和评委登录',
	'nav.join': '学生登录',
	'nav.signOut': '退出',
	'nav.main': '主导航',
	'nav.signedInAs': '已登录：{name}',

	'lang.label': '语言',
	'lang.change': '切换',

	'home.title': '用画笔守护绿色地球',
	'home.lead':
		'孩子们在教室的电脑上画出“我的绿色生活”“蓝色星球”和“电子垃圾回收”，志愿者评委公平评审，优秀作品走进线上展览、颁奖典礼和实体画展。',
	'home.children': '学生',
	'home.childrenText': '用班级码和图片密码登录，不需要邮箱。',
	'home.teachers': '老师',
	'home.teachersText': '几分钟建好班级，打印登录卡片，审核作品。',
	'home.judges': '评委',
	'home.judgesText': '匿名评审，大图、快捷键，网速慢也流畅。',
	'home.contests': '正在进行的比赛',
	'home.contestsEmpty': '现在还没有开放的比赛。组织者发布比赛后，会在这里出现。',
	'home.joinCta': '我是学生，进入班级',
	'home.loginCta': '我是老师或评委',

	'form.saving': '正在保存……',
	'form.cancel': '取消',
	'form.confirm': '确定'
};
