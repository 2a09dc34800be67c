import type { judgingMethodsZhCN } from './judging-methods.zh-CN.ts';

export const judgingMethodsFr: Record<keyof typeof judgingMethodsZhCN, string> = {
	'judging.error.methodChoice': 'Choisissez un type de tour.',
	'judging.error.perEntryPairwise':
		'Le nombre de comparaisons par œuvre doit être compris entre 1 et 20.',
	'judging.error.vote': 'Cette réponse n’est pas possible dans ce tour.',
	'judging.error.pair': 'Cette paire ne vous a pas été proposée.',
	'judging.error.winner': 'Choisissez l’une des deux œuvres.',
	'judging.form.method': 'Type de tour',
	'judging.form.methodHint':
		'Présélection : 2 juges répondent oui ou non pour chaque œuvre. Grille : les juges notent chaque critère. Comparaison par paires : les juges choisissent la meilleure de deux œuvres, encore et encore.',
	'judging.form.perEntryHint':
		'Présélection et grille : juges par œuvre. Comparaison par paires : comparaisons par œuvre (10 à 15 d’habitude).',
	'judging.form.allowMaybe':
		'Présélection : les juges peuvent aussi répondre « peut-être » (la moitié d’un oui)',
	'judging.round.settingsPairwise': '{k} comparaisons par œuvre, {entries} œuvres',
	'judging.round.allowMaybe': 'Les juges répondent oui, peut-être ou non.',
	'judging.round.noMaybe': 'Les juges répondent oui ou non.',
	'judging.screen.question': 'Cette œuvre doit-elle passer au tour suivant ?',
	'judging.screen.yes': 'Oui',
	'judging.screen.maybe': 'Peut-être',
	'judging.screen.no': 'Non',
	'judging.screen.keys': 'Y ou 1 : oui ; M ou 2 : peut-être ; N ou 3 : non',
	'judging.pair.question': 'Laquelle montre le mieux le thème ?',
	'judging.pair.theme': 'Thème : {theme}',
	'judging.pair.left': 'Gauche',
	'judging.pair.right': 'Droite',
	'judging.pair.choose': 'Choisir {handle}',
	'judging.pair.count': '{done} comparaisons sur {total}',
	'judging.pair.position': 'Paire {n}',
	'judging.pair.keys': '← ou 1 : gauche ; → ou 2 : droite ; U : annuler ; R : se retirer',
	'judging.pair.loading': 'Chargement de la paire suivante…',
	'judging.pair.offline':
		'Vous avez jugé toutes les paires présentes sur cet appareil. Les suivantes arrivent au retour du réseau ; vos choix sont en sécurité ici.',
	'judging.pair.allDone': 'Toutes vos comparaisons sont faites. Merci !',
	'judging.pair.recuseWhich': 'De quelle œuvre voulez-vous vous retirer ?',
	'judging.pair.recuseOne': 'Me retirer de {handle}',
	'judging.pair.cancel': 'Annuler',
	'judging.pair.chosen': 'Vous avez choisi {handle}.',
	'judging.pair.undone': 'Choix annulé : jugez de nouveau cette paire.',
	'judging.pair.waiting': '{count} choix en sécurité sur cet appareil, en attente d’envoi',
	'judging.bt.title': 'Fiabilité',
	'judging.bt.comparisons': '{count} comparaisons tranchées',
	'judging.bt.ssr': 'Fiabilité de séparation (SSR) : {value}',
	'judging.bt.splitHalf': 'Fiabilité moitié-moitié : {value}',
	'judging.bt.none': 'Pas encore assez de comparaisons pour mesurer.',
	'judging.bt.advice': 'Arrêtez quand SSR ≥ 0,80.',
	'judging.bt.reached':
		'SSR a atteint 0,80 : plus de comparaisons changeraient peu, le tour peut être clos.',
	'judging.bt.needed': 'Environ {count} comparaisons de plus devraient amener SSR à 0,80.',
	'judging.bt.disconnected':
		'Les comparaisons forment {count} groupes séparés : des œuvres de groupes différents ne peuvent pas être classées entre elles. Continuez à comparer.',
	'judging.bt.chart': 'Fiabilité au fil des comparaisons',
	'judging.bt.target': 'objectif 0,80',
	'judging.results.theta': 'Force θ ± erreur type',
	'judging.results.wonShare': 'Part gagnée',
	'judging.results.yesShare': 'Part de oui',
	'judging.results.tieOrderScreening':
		'Les ex aequo sont départagés par la part de oui, puis par le vote médian.',
	'judging.results.tieOrderPairwise':
		'Les ex aequo sont départagés par la force θ, puis la part gagnée, puis les duels directs entre les deux œuvres.',
	'judging.awards.error.name': 'Un nom de prix compte au plus {max} caractères.',
	'judging.awards.rename': 'Renommer ce prix',
	'judging.awards.renameHint': 'Laissez une langue vide pour garder le nom habituel.',
	'judging.awards.renamed': 'Nom du prix enregistré.',
	'judging.awards.nameIn': 'Nom ({language})'
};
