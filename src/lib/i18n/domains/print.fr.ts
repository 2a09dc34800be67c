import type { printZhCN } from './print.zh-CN.ts';

export const printFr: Record<keyof typeof printZhCN, string> = {
	'print.link': 'Impression : cartels et dossier d’impression',
	'print.title': 'Impression : cartels et dossier d’impression',
	'print.intro':
		'Les fichiers de l’exposition imprimée. Seules les œuvres acceptées qui ont encore l’autorisation parentale y figurent ; les cartels montrent les pseudonymes, jamais les vrais noms.',
	'print.language': 'Langue des cartels',
	'print.count': 'Œuvres à imprimer : {count}',
	'print.labels.heading': 'Cartels (PDF)',
	'print.labels.help':
		'Des feuilles A4 de quatre cartels A6, à découper le long des traits gris. Les œuvres autorisées à être montrées au public ont un code QR vers leur page en ligne ; celles montrées seulement en classe n’en ont pas.',
	'print.labels.noQr':
		'L’exposition n’est pas encore publiée : les cartels préparés maintenant n’ont pas de code QR. Préparez-les de nouveau une fois l’exposition publiée.',
	'print.labels.make': 'Préparer les cartels',
	'print.labels.download': 'Télécharger les cartels en PDF ({size})',
	'print.pack.heading': 'Dossier d’impression (ZIP)',
	'print.pack.help':
		'Chaque œuvre en A3 à 300 dpi (les dessins redessinés à partir de leurs traits, les photos depuis l’original), nommée par son numéro de cartel, avec le PDF des cartels et une liste CSV.',
	'print.pack.make': 'Préparer le dossier d’impression',
	'print.pack.download': 'Télécharger le dossier d’impression en ZIP ({size})',
	'print.status.queued': 'En attente…',
	'print.status.running': 'En préparation : {done} sur {total}',
	'print.status.done': 'Prêt, {when}',
	'print.status.failed': 'Impossible de le préparer : {reason}',
	'print.started': 'C’est parti. Vous pourrez le télécharger ici quand il sera prêt.',
	'print.error.noWorks':
		'Ce concours n’a pas encore d’œuvre à imprimer (elles doivent être acceptées et avoir l’autorisation parentale).',
	'print.error.damaged':
		'L’œuvre n° {number} ne peut pas être redessinée : son fichier de dessin est abîmé.',
	'print.error.template':
		'L’œuvre n° {number} ne peut pas être redessinée : son coloriage a été supprimé.',
	'print.error.tooLarge':
		'L’œuvre n° {number} est trop grande pour être redessinée sur le serveur.',
	'print.error.missing': 'Le fichier de l’œuvre n° {number} est introuvable.',
	'print.error.failed': 'Un problème est survenu. Veuillez réessayer.',
	'print.error.notReady': 'Ce fichier n’est pas encore prêt.',
	'print.label.number': 'N° {number}',
	'print.label.band': '{band} ans',
	'print.label.scan': 'Scannez pour la voir en ligne',
	'print.csv.number': 'Numéro',
	'print.csv.title': 'Titre',
	'print.csv.pseudonym': 'Pseudonyme',
	'print.csv.band': 'Tranche d’âge',
	'print.csv.award': 'Prix',
	'print.csv.file': 'Fichier'
};
