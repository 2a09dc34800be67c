import type { adminZhCN } from './admin.zh-CN.ts';

export const adminFr: Record<keyof typeof adminZhCN, string> = {
	'admin.title': 'Administration',
	'admin.lead': 'Gérez les utilisateurs et les écoles, puis les concours.',
	'admin.usersText':
		'Créez les comptes des enseignants, jurés et organisateurs\u202f; désactivez ceux qui ne servent plus.',
	'admin.schoolsText':
		'Ajoutez les écoles participantes\u202f; les enseignants en choisissent une par classe.',
	'admin.classroomsText': 'Voir les classes de toutes les écoles.',

	'users.title': 'Utilisateurs',
	'users.create': 'Nouveau compte',
	'users.email': 'Adresse e-mail',
	'users.name': 'Nom',
	'users.role': 'Rôle',
	'users.isAdmin': 'Administrateur (gère les utilisateurs et les écoles)',
	'users.password': 'Premier mot de passe',
	'users.passwordHint': 'Au moins 10 caractères. À transmettre en personne ou par un canal sûr.',
	'users.created': 'Compte créé pour {email}.',
	'users.disable': 'Désactiver',
	'users.enable': 'Réactiver',
	'users.disabled': 'Désactivé',
	'users.active': 'Actif',
	'users.status': 'État',
	'users.admin': 'Admin',
	'users.you': '(vous)',
	'users.statusChanged': '{email} mis à jour.',
	'users.error.email': 'Saisissez une adresse e-mail valide.',
	'users.error.name': 'Saisissez un nom de 1 à 80 caractères.',
	'users.error.role': 'Choisissez un rôle.',
	'users.error.passwordShort': 'Le mot de passe doit comporter au moins 10 caractères.',
	'users.error.passwordLong': 'Le mot de passe est trop long (256 caractères au plus).',
	'users.error.emailTaken': 'Un compte existe déjà avec cette adresse.',
	'users.error.notFound': 'Ce compte est introuvable.',
	'users.error.lastAdmin': 'Le dernier administrateur ne peut pas être désactivé.',
	'users.error.self': 'Vous ne pouvez pas désactiver votre propre compte.',

	'role.organizer': 'Organisateur',
	'role.teacher': 'Enseignant',
	'role.judge': 'Juré',

	'schools.title': 'Écoles',
	'schools.create': 'Ajouter une école',
	'schools.name': 'Nom de l’école',
	'schools.city': 'Ville ou village',
	'schools.created': '{name} ajoutée.',
	'schools.empty': 'Aucune école pour l’instant.',
	'schools.classrooms': 'Classes',
	'schools.error.name': 'Saisissez un nom d’école de 1 à 100 caractères.',
	'schools.error.city': 'La ville fait au plus 60 caractères.'
};
