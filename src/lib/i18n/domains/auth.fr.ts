import type { authZhCN } from './auth.zh-CN.ts';

export const authFr: Record<keyof typeof authZhCN, string> = {
	'login.title': 'Connexion des enseignants, jurés et organisateurs',
	'login.email': 'Adresse e-mail',
	'login.password': 'Mot de passe',
	'login.submit': 'Se connecter',
	'login.childLink': 'Je suis élève : me connecter avec le code de ma classe',

	'auth.error.wrongPassword': 'Adresse e-mail ou mot de passe incorrect. Veuillez réessayer.',
	'auth.error.tooManyAttempts':
		'Trop d’essais. Attendez 15 minutes avant de réessayer, ou demandez de l’aide à votre enseignant·e.',
	'auth.error.unknownClassCode':
		'Ce code de classe est introuvable. Vérifie ta carte de connexion et tape-le à nouveau.',
	'auth.error.wrongSecret': 'Presque ! Essaie encore.',
	'auth.error.childLocked':
		'Trop d’essais. Lève la main et demande à ton enseignant·e de le changer.',
	'auth.error.unknownStudent':
		'Ce prénom est introuvable. Reviens en arrière et choisis à nouveau.',
	'auth.error.forbidden': 'Vous n’avez pas le droit de faire cela.',
	'auth.error.signedOut': 'Vous êtes bien déconnecté·e.',
	'auth.error.crossSite': 'Cette demande venait d’un autre site et a été refusée.'
};
