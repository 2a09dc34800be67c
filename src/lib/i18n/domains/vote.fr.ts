import type { voteZhCN } from './vote.zh-CN.ts';

export const voteFr: Record<keyof typeof voteZhCN, string> = {
	'vote.title': 'Prix du public',
	'vote.button': 'Voter pour cette œuvre',
	'vote.undo': 'Retirer mon vote',
	'vote.voted': 'Merci ! Aujourd’hui, votre vote dans cette tranche d’âge va à cette œuvre.',
	'vote.votedOther':
		'Aujourd’hui, vous avez déjà voté pour une autre œuvre de cette tranche d’âge. Vous pourrez revoter demain.',
	'vote.removed': 'Votre vote a été retiré.',
	'vote.rule':
		'Un vote par tranche d’âge et par jour. Les résultats sont affichés à la fin du vote.',
	'vote.checking': 'Vérification…',
	'vote.opensAt': 'Ouverture du vote : {date}',
	'vote.closesAt': 'Fin du vote : {date}',
	'vote.noScript':
		'Le vote a besoin de JavaScript : votre appareil fait une courte vérification qui garde le vote équitable.',
	'vote.badgeVotes': '{count} votes',
	'vote.error.notYetOpen': 'Le vote n’est pas encore ouvert.',
	'vote.error.closed': 'Le vote est terminé.',
	'vote.error.noBand': 'Cette œuvre n’a pas de tranche d’âge : elle ne peut pas recevoir de votes.',
	'vote.error.challengeMissing': 'Veuillez attendre la fin de la vérification, puis voter.',
	'vote.error.challengeExpired': 'La vérification a expiré : veuillez réessayer.',
	'vote.error.challengeRefused': 'Ce vote n’a pas pu être vérifié. Rechargez la page et réessayez.',
	'vote.error.challengeUsed': 'Cette vérification a déjà servi : veuillez réessayer.',
	'vote.error.busy':
		'Beaucoup de votes viennent d’arriver depuis votre réseau. Patientez un instant puis réessayez.',
	'vote.error.alreadyVoted':
		'Vous avez déjà voté dans cette tranche d’âge aujourd’hui. Vous pourrez revoter demain.',
	'vote.error.nothingToUndo': 'Vous n’avez pas voté pour cette œuvre aujourd’hui.',
	'vote.error.opensAt': 'L’heure d’ouverture n’est pas valide : choisissez-la dans le calendrier.',
	'vote.error.closesAt': 'L’heure de clôture n’est pas valide : choisissez-la dans le calendrier.',
	'vote.error.window': 'L’heure de clôture doit venir après l’heure d’ouverture.',
	'vote.error.closedForGood': 'Ce vote a été clos plus tôt et ne peut pas être rouvert.',
	'vote.error.notOpen': 'Le vote n’est pas ouvert : il n’y a rien à clore.',
	'vote.admin.title': 'Vote du public',
	'vote.admin.intro':
		'Une fois activé, les visiteurs votent sur les pages des œuvres de l’exposition : un vote par navigateur, par tranche d’âge et par jour. Personne ne voit le décompte avant la fin du vote ; le résultat est un prix à part, « Prix du public », distinct des résultats du jury.',
	'vote.admin.enabled': 'Activer le vote du public',
	'vote.admin.opensAt': 'Ouverture (vide : tout de suite)',
	'vote.admin.closesAt': 'Clôture (vide : quand vous le closez)',
	'vote.admin.timeZone':
		'Les heures suivent le fuseau du concours, {zone} ; « un vote par jour » aussi.',
	'vote.admin.save': 'Enregistrer le vote',
	'vote.admin.settings': 'Réglages du vote',
	'vote.admin.saved': 'Réglages du vote enregistrés.',
	'vote.admin.closeNow': 'Clore le vote maintenant',
	'vote.admin.closeConfirm':
		'Une fois clos, il ne peut plus être rouvert et le résultat s’affiche aussitôt.',
	'vote.admin.closedNow': 'Le vote est clos.',
	'vote.admin.state.off': 'Désactivé',
	'vote.admin.state.scheduled': 'Pas encore ouvert',
	'vote.admin.state.open': 'Ouvert',
	'vote.admin.state.closed': 'Clos',
	'vote.admin.stateLabel': 'État : {state}',
	'vote.admin.notExhibited':
		'Les visiteurs voient les œuvres et votent une fois l’exposition ouverte.',
	'vote.admin.anomalies': 'Anomalies (dernières 24 heures)',
	'vote.admin.anomaliesIntro':
		'Les réseaux n’apparaissent que sous un code anonyme, changé chaque jour et effacé au bout d’un jour. Ils ne servent jamais à dédoublonner : toute une école partage un réseau.',
	'vote.admin.network': 'Code du réseau',
	'vote.admin.counted': 'Comptés',
	'vote.admin.flagged': 'Comptés, signalés',
	'vote.admin.refused': 'Refusés',
	'vote.admin.fresh': 'Nouveaux navigateurs',
	'vote.admin.period': 'Période',
	'vote.admin.noActivity': 'Aucun vote ces dernières 24 heures.',
	'vote.admin.flaggedVotes':
		'{count} votes sont arrivés alors que leur réseau était anormalement actif : comptés et signalés.',
	'vote.admin.results': 'Résultat',
	'vote.admin.resultsHidden':
		'Le décompte s’affiche à la fin du vote, pour les organisateurs aussi.',
	'vote.admin.noVotes': 'Personne n’a voté.',
	'vote.admin.votes': 'Votes',
	'vote.admin.band': 'Tranche d’âge',
	'vote.admin.artwork': 'Œuvre',
	'vote.admin.winner': 'Prix du public',
	'vote.admin.link': 'Vote du public'
};
