import type { authZhCN } from './auth.zh-CN.ts';

export const authFr: Record<keyof typeof authZhCN, string> = {
	'login.title': 'Connexion des enseignants, jurés et organisateurs',
	'login.email': 'Adresse e-mail',
	'login.password': 'Mot de passe',
	'login.submit': 'Se connecter',
	'login.childLink': 'Je suis élève\u202f: me connecter avec le code de ma classe',

	'auth.error.wrongPassword': 'Adresse e-mail ou mot de passe incorrect. Veuillez réessayer.',
	'auth.error.tooManyAttempts': 'Trop d’essais. Attendez 15 minutes avant de réessayer.',
	'auth.error.unknownClassCode':
		'Ce code de classe est introuvable. Vérifie ta carte de connexion et tape-le à nouveau.',
	'auth.error.wrongSecret': 'Oups, ce n’est pas ça. Essaie encore\u202f!',
	'auth.error.childLocked':
		'Trop d’essais. Lève la main et demande de l’aide à ton maître ou ta maîtresse.',
	'auth.error.unknownStudent':
		'Ce prénom est introuvable. Reviens en arrière et choisis à nouveau.',
	'auth.error.forbidden': 'Vous n’avez pas le droit de faire cela.',
	'auth.error.signedOut': 'Déconnexion réussie. À bientôt\u202f!',
	'auth.error.crossSite': 'Cette demande venait d’un autre site et a été refusée.',
	'auth.error.joinTooManyTries':
		'Trop d’essais sur cet ordinateur. Attends 15 minutes, ou lève la main pour demander de l’aide à ton maître ou ta maîtresse.'
};
