import type { contestsZhCN } from './contests.zh-CN.ts';

export const contestsFr: Record<keyof typeof contestsZhCN, string> = {
	'contests.title': 'Concours',
	'contests.adminText':
		'Créer des concours sur des thèmes verts, fixer les tranches d’âge, les dates et le règlement, puis les faire avancer d’étape en étape.',
	'contests.new': 'Nouveau concours',
	'contests.empty':
		'Aucun concours pour l’instant. Choisissez «\u202fNouveau concours\u202f» pour commencer.',
	'contests.emptyFiltered': 'Aucun concours à cette étape.',
	'contests.filter.label': 'Étape',
	'contests.filter.all': 'Toutes',
	'contests.filter.submit': 'Filtrer',
	'contests.col.title': 'Concours',
	'contests.col.status': 'Étape',
	'contests.col.window': 'Dépôt des œuvres',
	'contests.col.ageBands': 'Tranches d’âge',
	'contests.ageBandCount': '{count}',
	'contests.window': 'du {opens} au {closes}',
	'contests.windowUnset': 'Pas encore de dates',
	'contests.edit': 'Modifier',
	'contests.back': 'Retour aux concours',
	'contests.created': 'Concours créé. C’est un brouillon pour l’instant.',
	'contests.saved': 'Enregistré.',

	'contests.status.draft': 'Brouillon',
	'contests.status.open': 'Ouvert',
	'contests.status.closed': 'Clos',
	'contests.status.judging': 'En jury',
	'contests.status.results': 'Résultats',
	'contests.status.exhibited': 'Exposé',
	'contests.status.archived': 'Archivé',

	'contests.form.texts': 'Textes du concours',
	'contests.form.langZh': '中文 Chinois (obligatoire)',
	'contests.form.langEn': 'English Anglais (facultatif)',
	'contests.form.langFr': 'Français (facultatif)',
	'contests.form.fallbackHint': 'Ce qui reste vide s’affiche en chinois.',
	'contests.form.titleField': 'Titre',
	'contests.form.themeField': 'Thème',
	'contests.form.briefField': 'Présentation',
	'contests.form.rulesField': 'Règlement',
	'contests.form.ageBands': 'Tranches d’âge',
	'contests.form.ageBandsHint':
		'Une par ligne, par ex. «\u202f6-8\u202f» ou «\u202f9-11 Moyens\u202f» (le nom est libre). Âges de 4 à 18 ans, sans chevauchement.',
	'contests.form.schools': 'Écoles participantes',
	'contests.form.schoolsHint': 'N’en cochez aucune pour ouvrir le concours à toutes les écoles.',
	'contests.form.noSchools': 'Aucune école pour l’instant.',
	'contests.form.window': 'Période de dépôt',
	'contests.form.opensAt': 'Ouverture',
	'contests.form.closesAt': 'Clôture',
	'contests.form.timeZone': 'Fuseau horaire',
	'contests.form.windowHint':
		'Heure locale du fuseau choisi. Un brouillon peut laisser les dates vides pour l’instant.',
	'contests.form.settings': 'Exigences pour les œuvres',
	'contests.form.entriesPerChild': 'Œuvres par enfant',
	'contests.form.sources': 'Sources acceptées',
	'contests.form.sourceStudio': 'Les enfants dessinent dans l’atelier',
	'contests.form.sourceUpload': 'L’enseignant envoie la photo ou le scan d’un dessin sur papier',
	'contests.form.create': 'Créer le concours',
	'contests.form.save': 'Enregistrer',
	'contests.form.locked':
		'Le jury a commencé\u202f: les réglages du concours ne peuvent plus changer.',

	'contests.zone.Asia/Shanghai': 'Heure de Chine (Shanghai)',
	'contests.zone.Asia/Hong_Kong': 'Hong Kong',
	'contests.zone.Asia/Taipei': 'Taipei',
	'contests.zone.Asia/Singapore': 'Singapour',
	'contests.zone.Asia/Tokyo': 'Tokyo',
	'contests.zone.Europe/Paris': 'Paris',
	'contests.zone.Europe/London': 'Londres',
	'contests.zone.America/New_York': 'New York',
	'contests.zone.UTC': 'Temps universel coordonné (UTC)',

	'contests.lifecycle.title': 'Étape',
	'contests.lifecycle.current': 'Actuellement\u202f: {status}',
	'contests.lifecycle.hint':
		'Une fois ouvert, le concours apparaît sur la page d’accueil\u202f; il se clôt tout seul à l’heure de clôture.',
	'contests.lifecycle.none': 'Le concours est archivé\u202f; il n’y a pas d’étape suivante.',
	'contests.lifecycle.done': 'Le concours est maintenant «\u202f{status}\u202f».',
	'contests.action.open': 'Ouvrir le concours',
	'contests.action.reopen': 'Rouvrir',
	'contests.action.closed': 'Clore les dépôts',
	'contests.action.judging': 'Lancer le jury',
	'contests.action.results': 'Publier les résultats',
	'contests.action.exhibited': 'Ouvrir l’exposition',
	'contests.action.archived': 'Archiver',

	'contests.home.accepting': 'Dépôts ouverts',
	'contests.home.upcoming': 'Bientôt ouvert',
	'contests.home.window': 'Dépôt des œuvres\u202f: du {opens} au {closes}',
	'contests.home.ageBands': 'Tranches d’âge',
	'contests.home.ages': '{min} à {max} ans',

	'contests.error.titleRequired': 'Donnez un titre en chinois au concours.',
	'contests.error.titleLength': 'Un titre compte au plus {max} caractères.',
	'contests.error.themeLength': 'Un thème compte au plus {max} caractères.',
	'contests.error.textLength': 'La présentation et le règlement comptent au plus {max} caractères.',
	'contests.error.timeZone': 'Choisissez un fuseau horaire dans la liste.',
	'contests.error.date': 'Cette date ou cette heure n’est pas valable. Choisissez-la à nouveau.',
	'contests.error.datesOrder': 'La clôture doit venir après l’ouverture.',
	'contests.error.entriesPerChild': 'Le nombre d’œuvres par enfant va de 1 à {max}.',
	'contests.error.sources': 'Acceptez au moins une source d’œuvres.',
	'contests.error.school':
		'Une école choisie n’existe plus. Rechargez la page et choisissez à nouveau.',
	'contests.error.notFound': 'Ce concours est introuvable.',
	'contests.error.locked':
		'Le jury a commencé\u202f: les réglages du concours ne peuvent plus changer.',
	'contests.error.openNeedsBands': 'Un concours ouvert a besoin d’au moins une tranche d’âge.',
	'contests.error.openNeedsDates':
		'Un concours ouvert a besoin d’une heure d’ouverture et d’une heure de clôture.',
	'contests.error.ageBand.format':
		'Tranches d’âge, ligne {line}\u202f: illisible. Écrivez par ex. «\u202f6-8\u202f» ou «\u202f6-8 Nom\u202f».',
	'contests.error.ageBand.range':
		'Tranches d’âge, ligne {line}\u202f: les âges vont de 4 à 18 ans, le plus jeune d’abord.',
	'contests.error.ageBand.overlap':
		'Tranches d’âge, ligne {line}\u202f: chevauche une tranche précédente.',
	'contests.error.ageBand.label':
		'Tranches d’âge, ligne {line}\u202f: le nom compte au plus 40 caractères.',
	'contests.error.ageBand.tooMany': '10 tranches d’âge au plus (la ligne {line} est de trop).',
	'contests.error.transition.notAllowed':
		'Le concours ne peut pas passer à cette étape maintenant. Rechargez la page pour voir son étape actuelle.',
	'contests.error.transition.noTitle':
		'Impossible d’ouvrir pour l’instant\u202f: ajoutez d’abord un titre en chinois.',
	'contests.error.transition.noAgeBands':
		'Impossible d’ouvrir pour l’instant\u202f: ajoutez d’abord au moins une tranche d’âge.',
	'contests.error.transition.datesMissing':
		'Impossible d’ouvrir pour l’instant\u202f: fixez d’abord l’ouverture et la clôture.',
	'contests.error.transition.datesOrder':
		'Impossible d’ouvrir pour l’instant\u202f: la clôture doit venir après l’ouverture.',
	'contests.error.transition.windowOver':
		'L’heure de clôture est passée. Repoussez-la d’abord, puis ouvrez le concours.',

	'contests.form.boardSize': 'Taille de la feuille',
	'contests.form.boardSizeHint':
		'La feuille sur laquelle les enfants dessinent dans l’atelier\u202f; les coloriages y sont ajustés.',
	'contests.form.board.landscape': 'Paysage',
	'contests.form.board.portrait': 'Portrait',
	'contests.form.board.square': 'Carré',
	'contests.form.board.a4Landscape': 'A4 paysage',
	'contests.form.board.a4Portrait': 'A4 portrait',
	'contests.form.board.size': '{width} × {height} pixels',
	'contests.error.boardSize': 'Choisissez une des tailles de feuille proposées.',
	'contests.hub.lead':
		'Gérez les concours\u202f: textes, dates, tranches d’âge, coloriages et participations.',
	'contests.hub.leadAdmin': 'Gérez les comptes, les écoles, les classes et les concours.',
	'contests.templates.title': 'Coloriages',
	'contests.templates.lead':
		'Facultatif\u202f: des dessins au trait que les enfants peuvent colorier dans l’atelier. Envoyez un dessin net, noir sur blanc (PNG, JPEG ou WebP)\u202f: il est ajusté à la feuille et le papier blanc devient transparent.',
	'contests.templates.empty': 'Aucun coloriage pour l’instant.',
	'contests.templates.listLabel': 'Coloriages de ce concours',
	'contests.templates.preview': 'Aperçu\u202f: {label}',
	'contests.templates.size': '{width} × {height} pixels',
	'contests.templates.label': 'Nom',
	'contests.templates.labelHint':
		'Quelques mots que les enfants voient dans l’atelier, par ex. «\u202fAnimaux de la forêt\u202f». {max} caractères au plus.',
	'contests.templates.file': 'Dessin au trait',
	'contests.templates.fileHint': 'PNG, JPEG ou WebP, 20 Mo au plus.',
	'contests.templates.add': 'Ajouter le coloriage',
	'contests.templates.addTitle': 'Nouveau coloriage',
	'contests.templates.added': 'Coloriage «\u202f{label}\u202f» ajouté.',
	'contests.templates.removed': 'Coloriage supprimé.',
	'contests.templates.moved': 'Ordre mis à jour.',
	'contests.templates.remove': 'Supprimer',
	'contests.templates.removeNamed': 'Supprimer «\u202f{label}\u202f»',
	'contests.templates.moveUp': 'Monter «\u202f{label}\u202f»',
	'contests.templates.moveDown': 'Descendre «\u202f{label}\u202f»',
	'contests.templates.count': '{count} sur {max}',
	'contests.templates.locked':
		'Les coloriages ne peuvent changer que tant que le concours est un brouillon ou ouvert.',
	'contests.templates.error.label': 'Donnez au coloriage un nom de {max} caractères au plus.',
	'contests.templates.error.noFile': 'Choisissez un fichier image.',
	'contests.templates.error.tooMany': 'Un concours peut avoir au plus {max} coloriages.',
	'contests.templates.error.notFound': 'Ce coloriage est introuvable. Rechargez la page.',
	'contests.templates.error.locked':
		'Les coloriages ne peuvent changer que tant que le concours est un brouillon ou ouvert.'
};
