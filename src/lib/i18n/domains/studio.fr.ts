import type { studioZhCN } from './studio.zh-CN.ts';

export const studioFr: Record<keyof typeof studioZhCN, string> = {
	'studio.hello': 'Bonjour, {name} !',
	'studio.lead':
		'Bienvenue dans ton atelier. Dessine, enregistre ton travail et envoie-le à un concours.',
	'studio.signOutHint':
		'Tu as fini ? Appuie sur « Se déconnecter » en haut pour laisser l’ordinateur au suivant.',
	'studio.sessionEnds':
		'Pour protéger ton travail, tu es déconnecté·e après 30 minutes sans activité.',

	'studio.newDrawing': 'Nouveau dessin',
	'studio.newPortrait': 'Feuille en hauteur',
	'studio.myDrawings': 'Mes dessins',
	'studio.localNote': 'Ces dessins sont enregistrés sur cet ordinateur.',
	'studio.noDrawings':
		'Tu n’as pas encore de dessin sur cet ordinateur. Appuie sur « Nouveau dessin » pour commencer !',
	'studio.loadingList': 'Je cherche tes dessins…',
	'studio.untitled': 'Dessin sans titre',
	'studio.savedAt': 'Enregistré le {date}',
	'studio.open': 'Continuer',
	'studio.delete': 'Supprimer',
	'studio.deleteTitle': 'Supprimer ce dessin ?',
	'studio.deleteConfirm':
		'« {title} » sera supprimé de cet ordinateur. Il ne pourra pas être récupéré.',
	'studio.noscript':
		'L’atelier a besoin de JavaScript pour dessiner et afficher tes dessins. Préviens ton enseignant·e.',
	'studio.storageError':
		'Cet ordinateur ne peut pas garder les dessins (le stockage du navigateur est indisponible). Préviens ton enseignant·e.',
	'studio.deleteFailed': 'Le dessin n’a pas pu être supprimé. Vérifie le réseau et réessaie.',

	'save.new': 'Nouvelle feuille',
	'save.saving': 'Enregistrement…',
	'save.saved': 'Enregistré sur cet ordinateur',
	'save.notSaved': 'Non enregistré !',
	'save.errorQuota':
		'Le stockage de cet ordinateur est plein : le dessin n’a pas été enregistré. Garde cette page ouverte et préviens ton enseignant·e.',
	'save.errorUnavailable':
		'Cet ordinateur ne peut pas enregistrer les dessins. Garde cette page ouverte et préviens ton enseignant·e.',
	'save.error':
		'L’enregistrement a échoué ; il réessaiera quand tu dessineras. Garde cette page ouverte.',
	'save.onServer': 'Enregistré',
	'save.offline': 'Hors ligne — enregistré sur cet ordinateur',

	'sync.signedOut':
		'Tu as été déconnecté·e. Ton dessin est en sécurité sur cet ordinateur ; reconnecte-toi pour l’enregistrer sur le serveur.',
	'sync.conflict':
		'Ce dessin a été modifié dans une autre fenêtre. Les deux sont gardés : le tien s’appelle maintenant « {title} » dans Mes dessins, et le plus récent est ouvert ici.',
	'sync.copySuffix': '(copie)',
	'sync.waiting': 'En attente d’envoi',

	'drawing.error.notFound': 'Ce dessin est introuvable.',
	'drawing.error.conflict':
		'Ce dessin a été modifié ailleurs. Les deux versions sont gardées ; rien n’est perdu.',
	'drawing.error.corrupt':
		'Les données du dessin sont abîmées et n’ont pas été envoyées au serveur. Il reste en sécurité sur cet ordinateur.',
	'drawing.error.futureVersion':
		'Ce dessin a été fait avec une version plus récente de Sprout. Recharge la page pour l’ouvrir.',
	'drawing.error.tooLarge':
		'Ce dessin est trop grand pour le serveur. Il reste en sécurité sur cet ordinateur.',
	'drawing.error.thumbnail': 'L’aperçu n’a pas pu être utilisé. Enregistre encore une fois.',
	'drawing.error.title': 'Le nom d’un dessin fait au plus 60 caractères.'
};
