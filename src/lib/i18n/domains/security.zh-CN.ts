/** Refusals of the request guards, the class-code budget and drawing quotas; en and fr mirror these keys. */
export const securityZhCN = {
	'security.error.noOrigin':
		'这个请求没有说明来自哪个网站，所以没有被接受。请在浏览器里打开 Sprout 再试一次。',
	'security.error.badForm': '提交的内容不完整或者格式不对。请回到上一页再提交一次。',
	'security.join.codeBudget':
		'这台电脑输错班级码的次数太多了。请看清登录卡上的班级码再输入，或者请老师帮忙。',
	'security.quota.drawings':
		'你的画夹已经装满啦！先删掉几幅旧画，才能保存新的。这幅画还安全地保存在这台电脑上。',
	'security.quota.bytes':
		'你的画太多太大，已经放不下了。先删掉几幅旧画吧。这幅画还安全地保存在这台电脑上。',
	'security.quota.rate': '新画开得太快啦！休息一分钟再试。这幅画还安全地保存在这台电脑上。'
};
