import type { appZhCN } from './app.zh-CN.ts';

export const appFr: Record<keyof typeof appZhCN, string> = {
	'app.name': 'Sprout',
	'app.tagline': 'Concours d’art numérique vert pour les enfants',
	'app.skip': 'Aller au contenu principal',
	'app.footer':
		'Sprout est un logiciel libre pour les classes «\u202fGreen IT\u202f» des écoles rurales et des enfants migrants.',

	'nav.home': 'Accueil',
	'nav.studio': 'Mon atelier',
	'nav.classroom': 'Mes classes',
	'nav.judge': 'Jury',
	'nav.admin': 'Administration',
	'nav.users': 'Utilisateurs',
	'nav.schools': 'Écoles',
	'nav.signIn': 'Connexion enseignants et jurés',
	'nav.join': 'Connexion élèves',
	'nav.signOut': 'Se déconnecter',
	'nav.main': 'Navigation principale',
	'nav.signedInAs': 'Compte\u202f: {name}',

	'lang.label': 'Langue',
	'lang.change': 'Changer',

	'home.title': 'Dessiner pour une planète verte',
	'home.lead':
		'Les enfants dessinent «\u202fMa vie en vert\u202f», «\u202fPlanète bleue\u202f» ou le recyclage des déchets électroniques sur les ordinateurs de leur classe\u202f; des jurés bénévoles notent équitablement\u202f; les meilleures œuvres rejoignent une exposition en ligne, une remise des prix et une exposition imprimée.',
	'home.children': 'Élèves',
	'home.childrenText':
		'Connexion avec un code de classe et un mot de passe en images. Pas besoin d’adresse mail.',
	'home.teachers': 'Enseignants',
	'home.teachersText':
		'Créez une classe en quelques minutes, imprimez les cartes, validez les œuvres.',
	'home.judges': 'Jurés',
	'home.judgesText':
		'Notation anonyme, grandes images et raccourcis, fluide même en connexion lente.',
	'home.contests': 'Concours ouverts',
	'home.contestsEmpty':
		'Aucun concours n’est ouvert pour le moment. Dès qu’un organisateur en ouvre un, il apparaît ici.',
	'home.joinCta': 'Je suis élève\u202f: rejoindre ma classe',
	'home.loginCta': 'Espace enseignants et jurés',

	'form.saving': 'Enregistrement…',
	'form.cancel': 'Annuler',
	'form.confirm': 'Confirmer'
};
