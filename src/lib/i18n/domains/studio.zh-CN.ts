/** The child's studio: drawing list, saving and syncing; en and fr mirror these keys (checked by TypeScript and tests). */
export const studioZhCN = {
	'studio.hello': '你好，{name}！',
	'studio.lead': '欢迎来到你的画室。在这里画画、保存，并把作品交给比赛。',
	'studio.signOutHint': '画完了？记得点右上角的“退出”，把电脑留给下一位同学。',
	'studio.sessionEnds': '为了保护你的作品，30 分钟不操作会自动退出。',

	'studio.newDrawing': '画一幅新画',
	'studio.newPortrait': '竖着的画纸',
	'studio.myDrawings': '我的画',
	'studio.localNote': '这些画保存在这台电脑上。',
	'studio.noDrawings': '这台电脑上还没有你的画。点“画一幅新画”开始吧！',
	'studio.loadingList': '正在找你的画……',
	'studio.untitled': '没有名字的画',
	'studio.savedAt': '保存于 {date}',
	'studio.open': '继续画',
	'studio.delete': '删除',
	'studio.deleteTitle': '删除这幅画？',
	'studio.deleteConfirm': '“{title}”会从这台电脑上删除，删除后就找不回来了。',
	'studio.noscript': '画室需要开启 JavaScript 才能画画和查看你的画。请告诉老师。',
	'studio.storageError': '这台电脑不能保存画。请告诉老师。',
	'studio.deleteFailed': '没能删除这幅画。请检查网络，再试一次。',

	'save.new': '新画纸',
	'save.saving': '正在保存……',
	'save.saved': '已保存在这台电脑上',
	'save.notSaved': '没有保存上！',
	'save.errorQuota': '这台电脑的存储空间满了，画没能保存。先不要关掉页面，请告诉老师。',
	'save.errorUnavailable': '这台电脑不能保存画。先不要关掉页面，请告诉老师。',
	'save.error': '还没保存上。画还在这里，继续画就会再试一次。先不要关掉页面。',
	'save.onServer': '已保存',
	'save.offline': '没有网络——已保存在这台电脑上',

	'sync.signedOut': '你已经退出登录了。画还安全地保存在这台电脑上；重新登录后，画会帮你保存好。',
	'sync.conflict':
		'这幅画在别的窗口里被改过了。两份都留下了：你这份现在叫“{title}”，在“我的画”里；这里打开的是较新的那份。',
	'sync.copySuffix': '（副本）',
	'sync.waiting': '等待保存',

	'drawing.error.notFound': '没有找到这幅画。',
	'drawing.error.conflict': '这幅画在别的地方被改过了。两份都保留了下来，什么都没有丢。',
	'drawing.error.corrupt': '这幅画有一部分坏了，没能帮你存到网上。它仍然安全地保存在这台电脑上。',
	'drawing.error.futureVersion': '这幅画是用更新版本的 Sprout 画的。请刷新页面再打开。',
	'drawing.error.tooLarge': '这幅画太大了，没能存到网上。它仍然安全地保存在这台电脑上。',
	'drawing.error.title': '画的名字最多 60 个字。'
};
