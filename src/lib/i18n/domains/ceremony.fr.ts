import type { ceremonyZhCN } from './ceremony.zh-CN.ts';

export const ceremonyFr: Record<keyof typeof ceremonyZhCN, string> = {
	'ceremony.certificate.title.award': 'Diplôme d’honneur',
	'ceremony.certificate.title.participation': 'Diplôme de participation',
	'ceremony.certificate.presented': 'Ce diplôme est remis à',
	'ceremony.certificate.award':
		'dont l’œuvre «\u202f{title}\u202f», au concours «\u202f{contest}\u202f», a reçu le prix',
	'ceremony.certificate.participation':
		'pour ta participation au concours «\u202f{contest}\u202f» avec ton œuvre «\u202f{title}\u202f». Merci de nous avoir montré ton imagination\u202f!',
	'ceremony.certificate.band': 'Tranche d’âge\u202f: {band}',
	'ceremony.certificate.dateCaption': 'Date',
	'ceremony.award.peoples': 'Prix du public',
	'ceremony.title': 'Cérémonie de remise des prix',
	'ceremony.back': 'Retour au concours',
	'ceremony.summary': '{awards} prix, {entries} œuvres approuvées.',
	'ceremony.noAwards':
		'Pas encore de prix\u202f: clôturez d’abord le dernier tour et proposez les prix sur la page du jury.',
	'ceremony.toJudging': 'Aller au jury',
	'ceremony.hiddenWinners':
		'{count} lauréats n’ont pas d’autorisation parentale pour être montrés en public\u202f: ils ne figurent ni dans le diaporama ni dans le texte du présentateur (leurs diplômes sont imprimés comme les autres).',
	'ceremony.certificates.title': 'Diplômes',
	'ceremony.certificates.intro':
		'Chaque œuvre approuvée reçoit un diplôme\u202f: diplôme d’honneur pour les lauréats, diplôme de participation pour les autres. Le vrai prénom de l’enfant y figure\u202f; il est imprimé, jamais affiché sur une page.',
	'ceremony.certificates.scope': 'Un PDF par',
	'ceremony.certificates.scope.school': 'école',
	'ceremony.certificates.scope.class': 'classe',
	'ceremony.certificates.languages': 'Langue des diplômes pour chaque école',
	'ceremony.certificates.date': 'Date de la cérémonie',
	'ceremony.certificates.signature':
		'Ligne de signature (facultative, par exemple «\u202fLi Hua, directrice du programme\u202f»)',
	'ceremony.certificates.generate': 'Préparer les diplômes',
	'ceremony.certificates.started': 'Préparation de {count} PDF.',
	'ceremony.certificates.none': 'Aucun diplôme préparé pour l’instant.',
	'ceremony.certificates.progress': '{done} PDF prêts sur {total}',
	'ceremony.batch.name': 'École / classe',
	'ceremony.batch.language': 'Langue',
	'ceremony.batch.status': 'État',
	'ceremony.batch.files': 'Télécharger',
	'ceremony.batch.status.queued': 'En attente',
	'ceremony.batch.status.running': 'En cours\u202f: page {done} sur {total}',
	'ceremony.batch.status.done': 'Prêt, {pages} pages',
	'ceremony.batch.status.failed': 'Échec\u202f: {reason}',
	'ceremony.batch.stale': 'Les prix ou les noms ont changé depuis\u202f: préparez-les à nouveau.',
	'ceremony.batch.all': 'Tout le lot (PDF)',
	'ceremony.batch.children': 'Un par enfant ({count})',
	'ceremony.error.noAwards':
		'Ce concours n’a pas encore de prix\u202f: les diplômes ne peuvent pas être préparés.',
	'ceremony.error.noEntries': 'Ce concours n’a pas encore d’œuvre approuvée.',
	'ceremony.error.empty':
		'Il ne reste aucun enfant dans ce lot (ils ont peut-être été retirés)\u202f; aucun fichier n’a été créé.',
	'ceremony.error.font':
		'La police des diplômes est introuvable\u202f; aucun fichier n’a été créé. Prévenez l’administrateur.',
	'ceremony.error.failed':
		'Un problème est survenu\u202f; aucun fichier n’est resté. Veuillez réessayer.',
	'ceremony.error.date': 'Indiquez une date de cérémonie valide.',
	'ceremony.error.signature': 'La ligne de signature compte au plus {max} caractères.',
	'ceremony.error.language': 'Choisissez une langue pour chaque école.',
	'ceremony.error.scope': 'Choisissez un PDF par école ou par classe.',
	'ceremony.error.file': 'Fichier introuvable\u202f; il a peut-être été préparé à nouveau depuis.',
	'ceremony.slideshow.open': 'Ouvrir le diaporama',
	'ceremony.slideshow.title': 'Diaporama des prix',
	'ceremony.slideshow.loading': 'Chargement des images\u202f: {done} sur {total}',
	'ceremony.slideshow.ready':
		'Les {total} images sont chargées\u202f: le diaporama continue même si le réseau tombe.',
	'ceremony.slideshow.missing':
		'{count} images ne se sont pas chargées\u202f; leurs diapositives montrent seulement le texte.',
	'ceremony.slideshow.start': 'Plein écran',
	'ceremony.slideshow.help':
		'Suivante / précédente\u202f: → et ←, PageDown / PageUp d’une télécommande, ou la barre d’espace. Échap quitte le plein écran.',
	'ceremony.slideshow.empty': 'Aucune œuvre primée ne peut être montrée.',
	'ceremony.slideshow.artwork': '«\u202f{title}\u202f»',
	'ceremony.slideshow.by': 'par {pseudonym}',
	'ceremony.slideshow.position': 'Diapositive {n} sur {total}',
	'ceremony.slideshow.prev': 'Précédente',
	'ceremony.slideshow.next': 'Suivante',
	'ceremony.slideshow.thanks': 'Merci à tous les jeunes artistes\u202f!',
	'ceremony.slideshow.allBands': 'Toutes les tranches d’âge',
	'ceremony.script.open': 'Ouvrir le texte du présentateur',
	'ceremony.script.language': 'Langue du texte',
	'ceremony.script.title': 'Texte du présentateur',
	'ceremony.script.print': 'Imprimer',
	'ceremony.script.intro':
		'Lisez dans cet ordre\u202f: dans chaque tranche d’âge, des mentions honorables jusqu’à l’or.',
	'ceremony.script.line': '{award}\u202f: «\u202f{title}\u202f» par {pseudonym}',
	'ceremony.script.words': 'Les mots de l’enfant\u202f:',
	'ceremony.script.noWords': '(pas de mots)'
};
