/** Messages of a child's submission on its way and of sending a returned one again. */
export const submitQueueZhCN = {
	'submitQueue.leaveWarning':
		'作品还在发送。现在离开的话，下次打开这一页会接着发送。真的要离开吗？',
	'submitQueue.resumed': '上次的作品还没送完，现在接着送……',
	'submitQueue.keptHere': '作品已经存在这台电脑上了。就算关掉页面，下次打开也会接着送。',
	'submitQueue.fixFirst': '先改一改这幅画',
	'submitQueue.pendingTitle': '还没送完的作品',
	'submitQueue.pendingItem': '《{title}》还在这台电脑上，没有送完。',
	'submitQueue.continue': '接着送',
	'submitQueue.fixAndSend': '修改后重新提交',
	'submitQueue.openDrawing': '打开这幅画',
	'submitQueue.noOpenContest': '现在没有可以参加的比赛。有新比赛的时候，这里会告诉你。'
};
