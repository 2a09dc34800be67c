/** Adult sign-in and the errors of every sign-in; en and fr mirror these keys (checked by TypeScript and tests). */
export const authZhCN = {
	'login.title': '老师、评委和组织者登录',
	'login.email': '电子邮箱',
	'login.password': '密码',
	'login.submit': '登录',
	'login.childLink': '我是学生，用班级码登录',

	'auth.error.wrongPassword': '邮箱或密码不正确，请再试一次。',
	'auth.error.tooManyAttempts': '尝试次数太多了。请等 15 分钟再试。',
	'auth.error.unknownClassCode': '没有找到这个班级码。请对照登录卡片再输入一次。',
	'auth.error.wrongSecret': '不对哦，再试一次吧！',
	'auth.error.childLocked': '试了太多次啦。请举手找老师帮你重新设置。',
	'auth.error.unknownStudent': '没有找到这个名字，请回去重新选择。',
	'auth.error.forbidden': '你没有权限做这件事。',
	'auth.error.signedOut': '你已安全退出。',
	'auth.error.crossSite': '这个请求来自其他网站，已被拒绝。',
	'auth.error.joinTooManyTries': '这台电脑上试了太多次啦。请等 15 分钟再试，或者举手请老师帮忙。'
};
