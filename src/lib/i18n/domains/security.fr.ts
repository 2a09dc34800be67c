import type { securityZhCN } from './security.zh-CN.ts';

export const securityFr: Record<keyof typeof securityZhCN, string> = {
	'security.error.noOrigin':
		'Demande refusée\u202f: elle ne disait pas de quel site elle venait. Il suffit de rouvrir Sprout dans le navigateur et de réessayer.',
	'security.error.badForm':
		'Ce qui a été envoyé était incomplet ou n’était pas un formulaire. Il suffit de revenir à la page et de l’envoyer à nouveau.',
	'security.join.codeBudget':
		'Beaucoup de codes de classe faux ont été tapés sur cet ordinateur. Regarde bien le code sur ta carte, ou demande de l’aide à ton maître ou ta maîtresse.',
	'security.quota.drawings':
		'Ta boîte à dessins est pleine\u202f! Efface quelques anciens dessins pour faire de la place. Ce dessin est toujours gardé sur cet ordinateur.',
	'security.quota.bytes':
		'Tes dessins prennent toute la place qui t’est réservée. Efface quelques anciens dessins pour faire de la place. Ce dessin est toujours gardé sur cet ordinateur.',
	'security.quota.rate':
		'Tu commences de nouveaux dessins très vite\u202f! Attends une minute et réessaie. Ce dessin est toujours gardé sur cet ordinateur.'
};
