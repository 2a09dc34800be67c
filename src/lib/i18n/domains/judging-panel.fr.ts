import type { judgingPanelZhCN } from './judging-panel.zh-CN.ts';

export const judgingPanelFr: Record<keyof typeof judgingPanelZhCN, string> = {
	'judging.error.rankingGroup': 'Cette liste ne vous appartient pas. Rechargez la page.',
	'judging.error.rankingMissing':
		'Placez chaque œuvre de la liste dans votre ordre, une seule fois.',
	'judging.error.rankingDuplicate': 'Une œuvre apparaît deux fois dans votre ordre.',
	'judging.error.notYetOpen':
		'Ce tour s’ouvre le {date} ; vous pourrez enregistrer à partir de ce moment.',
	'judging.error.pastClosing':
		'Ce tour est fermé aux jurés depuis le {date} ; il n’est plus possible d’enregistrer. Contactez l’organisateur.',
	'judging.error.date': 'Cette date n’est pas valide.',
	'judging.error.datesOrder': 'La date de fin doit venir après la date d’ouverture.',
	'judging.error.panelScope':
		'Un jury final classe la sélection : choisissez « les œuvres retenues par le tour précédent ».',
	'judging.form.panelHint':
		'Jury final : chaque juré classe toutes les œuvres retenues par le tour précédent ; la méthode de Schulze combine leurs classements.',
	'judging.form.opensAt': 'Ouverture (facultatif) · {zone}',
	'judging.form.closesAt': 'Fin (facultatif) · {zone}',
	'judging.form.datesHint':
		'Les jurés ne peuvent enregistrer qu’entre ces dates. Le tour ne se ferme pas tout seul à la date de fin : c’est vous qui le fermez.',
	'judging.round.settingsPanel': 'Chaque juré classe les {entries} œuvres sélectionnées',
	'judging.round.dates': 'Dates',
	'judging.round.noDates':
		'Pas de dates : les jurés peuvent enregistrer tant que le tour est ouvert.',
	'judging.round.datesSave': 'Enregistrer les dates',
	'judging.round.datesSaved': 'Dates enregistrées.',
	'judging.dates.opens': 'Ouverture le {date}',
	'judging.dates.closes': 'Fin le {date}',
	'judging.dates.overdue': 'En retard',
	'judging.dates.overdueHint':
		'La date de fin est passée et les jurés ne peuvent plus enregistrer. Fermez le tour (ou repoussez la date de fin).',
	'judging.panel.question': 'Classez ces œuvres, la meilleure en premier.',
	'judging.panel.count': '{done} listes classées sur {total}',
	'judging.panel.group': 'Tranche d’âge {band}',
	'judging.panel.groupAll': 'Sélection',
	'judging.panel.list': 'Votre classement',
	'judging.panel.position': 'No {n}',
	'judging.panel.moveUp': 'Monter {handle}',
	'judging.panel.moveDown': 'Descendre {handle}',
	'judging.panel.moved': '{handle} est maintenant numéro {n} sur {total}.',
	'judging.panel.keep': 'Garder cet ordre',
	'judging.panel.saved': 'Enregistré',
	'judging.panel.notSaved': 'Pas encore enregistré',
	'judging.panel.show': 'Voir en grand',
	'judging.panel.keys':
		'Tab pour choisir une œuvre, puis ↑ ↓ pour la déplacer ; ou faites-la glisser. U : annuler',
	'judging.panel.allDone':
		'Toutes les listes sont classées et enregistrées. Vous pouvez encore les modifier jusqu’à la fermeture du tour.',
	'judging.panel.waiting': '{count} classements en sécurité sur cet appareil, en attente d’envoi',
	'judging.panel.drag': 'Faire glisser {handle}',
	'judging.panel.undone': 'Dernier déplacement annulé.',
	'judging.results.schulzeTitle': 'Classement de Schulze et préférences deux à deux',
	'judging.results.schulzeHint':
		'Chaque case : le nombre de jurés qui placent l’œuvre de la ligne avant celle de la colonne. En vert : une majorité.',
	'judging.results.place': 'Place Schulze',
	'judging.results.meanPosition': 'Position moyenne (100 = premier pour chaque juré)',
	'judging.results.ballots': 'Classements de {count} jurés',
	'judging.results.tieOrderPanel':
		'Le classement de Schulze d’abord ; les égalités sont départagées par la position moyenne dans les classements des jurés, puis la position médiane, puis le face-à-face du jury.',
	'judging.awards.tied': 'À égalité avec {handles} : même prix',
	'judging.awards.tieNote':
		'Les œuvres que l’ordre de départage publié ne sépare pas reçoivent le même prix.',
	'judging.panel.conflict': 'Ce classement a été modifié ailleurs ; le plus récent est affiché.',
	'judging.error.criterionLabel': 'Critère {n} : donnez-lui un nom en chinois.',
	'judging.error.criterionLabelLength': 'Critère {n} : un nom compte au plus {max} caractères.',
	'judging.error.criterionDescription':
		'Critère {n} : une description compte au plus {max} caractères.',
	'judging.error.criterionWeight': 'Critère {n} : le poids doit être supérieur à 0 et au plus 10.',
	'judging.error.criterionScale':
		'Critère {n} : l’échelle va de 0 à {max} en nombres entiers, le minimum sous le maximum.',
	'judging.error.criteriaNone': 'Gardez au moins un critère.',
	'judging.error.criteriaMany': 'Au plus {max} critères.',
	'judging.error.criteriaLocked':
		'Les jurés ont commencé à noter : les critères ne peuvent plus changer.',
	'judging.criteria.edit': 'Modifier les critères',
	'judging.criteria.hint':
		'Modifiables jusqu’à la première note d’un juré. Le nom en chinois est obligatoire ; une langue vide affiche le chinois.',
	'judging.criteria.place': 'Place',
	'judging.criteria.name': 'Nom ({language})',
	'judging.criteria.description': 'Description courte ({language})',
	'judging.criteria.weight': 'Poids',
	'judging.criteria.min': 'Note minimale',
	'judging.criteria.max': 'Note maximale',
	'judging.criteria.remove': 'Retirer ce critère',
	'judging.criteria.new': 'Nouveau critère (laissez vide si inutile)',
	'judging.criteria.save': 'Enregistrer les critères',
	'judging.criteria.saved': 'Critères enregistrés.',
	'judging.criteria.row': 'Critère {n}',
	'judging.triage.count':
		'Œuvres sur lesquelles les jurés divergent : {count}. Chacune reçoit automatiquement un juré de plus (une fois) tant qu’un juré a de la disponibilité.',
	'judging.triage.item': '{handle} ({judges} jurés)'
};
