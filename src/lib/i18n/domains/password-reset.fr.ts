import type { passwordResetZhCN } from './password-reset.zh-CN.ts';

export const passwordResetFr: Record<keyof typeof passwordResetZhCN, string> = {
	'passwordReset.make': 'Lien de nouveau mot de passe',
	'passwordReset.madeTitle': 'Lien à usage unique pour {name}',
	'passwordReset.madeHint':
		'Remettez ce lien ou ce code QR à {email} en personne. Il ne sert qu’une fois, jusqu’au {date}. Les anciens liens ne marchent plus.',
	'passwordReset.title': 'Choisir un nouveau mot de passe',
	'passwordReset.for': 'Compte : {email}',
	'passwordReset.password': 'Nouveau mot de passe',
	'passwordReset.confirm': 'Nouveau mot de passe, encore une fois',
	'passwordReset.submit': 'Enregistrer le mot de passe',
	'passwordReset.done':
		'Le nouveau mot de passe est enregistré. Toutes les connexions précédentes sont fermées : connectez-vous avec le nouveau.',
	'passwordReset.error.invalid':
		'Ce lien a déjà servi ou a expiré. Demandez-en un nouveau à un administrateur.',
	'passwordReset.error.mismatch': 'Les deux mots de passe ne sont pas identiques.',
	'passwordReset.error.disabled':
		'Ce compte est désactivé : réactivez-le avant de changer son mot de passe.'
};
