import type { submitQueueZhCN } from './submit-queue.zh-CN.ts';

export const submitQueueEn: Record<keyof typeof submitQueueZhCN, string> = {
	'submitQueue.leaveWarning':
		'Your artwork is still being sent. If you leave now, it will carry on next time you open this page. Leave anyway?',
	'submitQueue.resumed': 'Your artwork was not finished sending last time. Sending it now…',
	'submitQueue.keptHere':
		'Your artwork is saved on this computer. Even if the page closes, it will carry on next time.',
	'submitQueue.fixFirst': 'Change the drawing first',
	'submitQueue.pendingTitle': 'Not finished sending',
	'submitQueue.pendingItem': '“{title}” is still on this computer and not sent yet.',
	'submitQueue.continue': 'Carry on sending',
	'submitQueue.fixAndSend': 'Fix and send again',
	'submitQueue.openDrawing': 'Open the drawing',
	'submitQueue.noOpenContest':
		'There is no contest to enter right now. When there is one, you will see it here.'
};
