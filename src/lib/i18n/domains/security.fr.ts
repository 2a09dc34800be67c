import type { securityZhCN } from './security.zh-CN.ts';

export const securityFr: Record<keyof typeof securityZhCN, string> = {
	'security.error.noOrigin':
		'Cette demande ne disait pas de quel site elle venait, alors elle a été refusée. Ouvre Sprout dans ton navigateur et réessaie.',
	'security.error.badForm':
		'Ce qui a été envoyé était incomplet ou n’était pas un formulaire. Reviens à la page et envoie-le encore.',
	'security.join.codeBudget':
		'Beaucoup de codes de classe faux ont été tapés sur cet ordinateur. Regarde bien le code sur ta carte, ou demande de l’aide à ton enseignant.',
	'security.quota.drawings':
		'Ta boîte à dessins est pleine\u202f! Efface quelques anciens dessins pour faire de la place. Ce dessin est toujours gardé sur cet ordinateur.',
	'security.quota.bytes':
		'Tes dessins remplissent toute ta place sur le serveur. Efface quelques anciens dessins pour faire de la place. Ce dessin est toujours gardé sur cet ordinateur.',
	'security.quota.rate':
		'Tu commences de nouveaux dessins très vite\u202f! Attends une minute et réessaie. Ce dessin est toujours gardé sur cet ordinateur.'
};
