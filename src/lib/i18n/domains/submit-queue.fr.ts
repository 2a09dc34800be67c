import type { submitQueueZhCN } from './submit-queue.zh-CN.ts';

export const submitQueueFr: Record<keyof typeof submitQueueZhCN, string> = {
	'submitQueue.leaveWarning':
		'Ton dessin est encore en train de partir. Si tu quittes maintenant, il continuera la prochaine fois que tu ouvres cette page. Quitter quand même ?',
	'submitQueue.resumed': 'Ton dessin n’avait pas fini de partir. On continue…',
	'submitQueue.keptHere':
		'Ton dessin est gardé sur cet ordinateur. Même si la page se ferme, il continuera la prochaine fois.',
	'submitQueue.fixFirst': 'Changer d’abord le dessin',
	'submitQueue.pendingTitle': 'Pas encore envoyé',
	'submitQueue.pendingItem': '« {title} » est encore sur cet ordinateur, pas encore envoyé.',
	'submitQueue.continue': 'Continuer l’envoi',
	'submitQueue.fixAndSend': 'Corriger et renvoyer',
	'submitQueue.openDrawing': 'Ouvrir le dessin',
	'submitQueue.noOpenContest':
		'Il n’y a pas de concours ouvert pour l’instant. Quand il y en aura un, tu le verras ici.'
};
