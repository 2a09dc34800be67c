import type { studioZhCN } from './studio.zh-CN.ts';

export const studioFr: Record<keyof typeof studioZhCN, string> = {
	'studio.hello': 'Bonjour, {name}\u202f!',
	'studio.lead':
		'Bienvenue dans ton atelier. Dessine, enregistre ton travail et envoie-le à un concours.',
	'studio.signOutHint':
		'Tu as fini\u202f? Appuie sur «\u202fSe déconnecter\u202f» en haut pour laisser l’ordinateur au suivant.',
	'studio.sessionEnds':
		'Pour protéger ton travail, la connexion se ferme après 30 minutes sans activité.',

	'studio.newDrawing': 'Nouveau dessin',
	'studio.newPortrait': 'Feuille en hauteur',
	'studio.myDrawings': 'Mes dessins',
	'studio.localNote': 'Ces dessins sont enregistrés sur cet ordinateur.',
	'studio.noDrawings':
		'Tu n’as pas encore de dessin sur cet ordinateur. Appuie sur «\u202fNouveau dessin\u202f» pour commencer\u202f!',
	'studio.loadingList': 'Je cherche tes dessins…',
	'studio.untitled': 'Dessin sans titre',
	'studio.savedAt': 'Enregistré le {date}',
	'studio.open': 'Continuer',
	'studio.delete': 'Supprimer',
	'studio.deleteTitle': 'Supprimer ce dessin\u202f?',
	'studio.deleteConfirm':
		'«\u202f{title}\u202f» sera supprimé de cet ordinateur. Il ne pourra pas être récupéré.',
	'studio.noscript':
		'L’atelier a besoin de JavaScript pour dessiner et afficher tes dessins. Préviens ton maître ou ta maîtresse.',
	'studio.storageError':
		'Cet ordinateur ne peut pas garder les dessins. Préviens ton maître ou ta maîtresse.',
	'studio.deleteFailed': 'Le dessin n’a pas pu être supprimé. Vérifie le réseau et réessaie.',

	'save.new': 'Nouvelle feuille',
	'save.saving': 'Enregistrement…',
	'save.saved': 'Enregistré sur cet ordinateur',
	'save.notSaved': 'Non enregistré\u202f!',
	'save.errorQuota':
		'Cet ordinateur n’a plus de place\u202f: le dessin n’a pas été enregistré. Garde cette page ouverte et préviens ton maître ou ta maîtresse.',
	'save.errorUnavailable':
		'Cet ordinateur ne peut pas enregistrer les dessins. Garde cette page ouverte et préviens ton maître ou ta maîtresse.',
	'save.error':
		'Pas encore enregistré. Ton dessin est toujours là\u202f; continue à dessiner et il réessaiera. Garde cette page ouverte.',
	'save.onServer': 'Enregistré',
	'save.offline': 'Hors ligne — enregistré sur cet ordinateur',

	'sync.signedOut':
		'Tu dois te reconnecter. Ton dessin est en sécurité sur cet ordinateur\u202f; reconnecte-toi et il sera enregistré pour toi.',
	'sync.conflict':
		'Ce dessin a été modifié dans une autre fenêtre. Les deux sont gardés\u202f: le tien s’appelle maintenant «\u202f{title}\u202f» dans Mes dessins, et le plus récent est ouvert ici.',
	'sync.copySuffix': '(copie)',
	'sync.waiting': 'En attente d’envoi',

	'drawing.error.notFound': 'Ce dessin est introuvable.',
	'drawing.error.conflict':
		'Ce dessin a été modifié ailleurs. Les deux versions sont gardées\u202f; rien n’est perdu.',
	'drawing.error.corrupt':
		'Une partie de ce dessin est abîmée\u202f: il n’a pas pu être enregistré en ligne. Il reste en sécurité sur cet ordinateur.',
	'drawing.error.futureVersion':
		'Ce dessin a été fait avec une version plus récente de Sprout. Recharge la page pour l’ouvrir.',
	'drawing.error.tooLarge':
		'Ce dessin est trop grand pour être enregistré en ligne. Il reste en sécurité sur cet ordinateur.',
	'drawing.error.title': 'Le nom d’un dessin fait au plus 60 caractères.'
};
