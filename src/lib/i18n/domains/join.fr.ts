import type { joinZhCN } from './join.zh-CN.ts';

export const joinFr: Record<keyof typeof joinZhCN, string> = {
	'join.title': 'Rejoindre ma classe',
	'join.codeLabel': 'Code de la classe',
	'join.codeHint':
		'6 lettres ou chiffres, imprimés sur ta carte de connexion. Tu peux aussi scanner le QR code de la carte.',
	'join.submit': 'Suivant',
	'join.pickTitle': '{classroom}\u202f: touche ton image',
	'join.pickHint': 'Trouve ton prénom et ton image.',
	'join.noStudents':
		'Cette classe n’a pas encore d’élèves. Demande à ton maître ou ta maîtresse d’ajouter la liste.',
	'join.otherClass': 'Une autre classe',
	'join.back': 'Ce n’est pas moi',
	'join.hello': 'Bonjour, {name}\u202f!',
	'join.picturePrompt': 'Touche tes 3 images dans l’ordre',
	'join.pinPrompt': 'Tape ton nombre secret à 4 chiffres',
	'join.pinLabel': 'Nombre secret',
	'join.progress': '{count} sur {total} choisies',
	'join.restart': 'Recommencer',
	'join.signIn': 'Aller à mon atelier',
	'join.chosenEmpty': 'Aucune image choisie',

	'picture.leaf': 'Feuille',
	'picture.tree': 'Arbre',
	'picture.flower': 'Fleur',
	'picture.sun': 'Soleil',
	'picture.cloud': 'Nuage',
	'picture.drop': 'Goutte d’eau',
	'picture.fish': 'Poisson',
	'picture.bird': 'Oiseau',
	'picture.bee': 'Abeille',
	'picture.bike': 'Vélo',
	'picture.recycle': 'Recyclage',
	'picture.planet': 'Planète'
};
