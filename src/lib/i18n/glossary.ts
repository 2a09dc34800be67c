/**
 * One name per thing, per language. Every catalog follows this table; the catalog test fails
 * when a message uses one of the `avoid` variants, which are the names reviewers found
 * competing with the chosen one. Add a row before coining a second word for an existing thing.
 */
import type { Locale } from './index.ts';

export type Reader = 'child' | 'teacher' | 'judge' | 'organizer';

export interface GlossaryTerm {
	/** Who reads the term, so a child's word is not replaced by an adult's synonym. */
	readers: readonly Reader[];
	words: Record<Locale, string>;
	/** Patterns that must not appear in any message of that language. */
	avoid?: Partial<Record<Locale, RegExp>>;
	note?: string;
}

const everyone: Reader[] = ['child', 'teacher', 'judge', 'organizer'];
const adults: Reader[] = ['teacher', 'judge', 'organizer'];

export const GLOSSARY = {
	contest: {
		readers: everyone,
		words: { 'zh-CN': '比赛', en: 'contest', fr: 'concours' },
		avoid: { 'zh-CN': /竞赛/, en: /\bcompetitions?\b/i, fr: /compétition/i }
	},
	drawing: {
		readers: everyone,
		words: { 'zh-CN': '画', en: 'drawing', fr: 'dessin' },
		note: 'What a child makes in the studio, before it is sent anywhere.'
	},
	artwork: {
		readers: everyone,
		words: { 'zh-CN': '作品', en: 'artwork', fr: 'œuvre' },
		avoid: { en: /\b(works|entry|entries)\b/i },
		note: 'A drawing or a photo of paper art sent to a contest (the entry).'
	},
	send: {
		readers: everyone,
		words: { 'zh-CN': '提交', en: 'send', fr: 'envoyer' },
		avoid: { en: /\b(re)?submi(t|ts|tted|tting|ssions?)\b/i, fr: /\bsoumettre\b/i }
	},
	round: {
		readers: ['judge', 'organizer'],
		words: { 'zh-CN': '评审轮次', en: 'judging round', fr: 'tour' },
		avoid: { fr: /session de jury/i }
	},
	parentalConsent: {
		readers: adults,
		words: { 'zh-CN': '监护人同意', en: 'parental consent', fr: 'autorisation parentale' },
		avoid: {
			'zh-CN': /家长同意/,
			en: /\bguardian/i,
			fr: /accord (du responsable|des parents)|\bl’accord\b/i
		}
	},
	classCode: {
		readers: everyone,
		words: { 'zh-CN': '班级码', en: 'class code', fr: 'code de la classe' },
		avoid: { 'zh-CN': /班级(代码|编号)/, en: /\bclass PIN\b/i }
	},
	secretNumber: {
		readers: everyone,
		words: { 'zh-CN': '数字密码', en: 'secret number', fr: 'nombre secret' },
		avoid: { en: /\bPINs?\b/, fr: /code secret|code à (4 )?chiffres|\bcode \{pin\}/i },
		note: 'The 4-digit alternative to the picture password; "code" is the class code only.'
	},
	picturePassword: {
		readers: everyone,
		words: { 'zh-CN': '图片密码', en: 'picture password', fr: 'mot de passe en images' }
	},
	password: {
		readers: adults,
		words: { 'zh-CN': '密码', en: 'password', fr: 'mot de passe' },
		avoid: { 'zh-CN': /登录密码/, en: /^secret$|new secret/i, fr: /^secret$|nouveau secret/i },
		note: 'The roster column holds either kind of child password.'
	},
	sticker: {
		readers: ['child'],
		words: { 'zh-CN': '贴纸', en: 'sticker', fr: 'sticker' },
		avoid: { en: /\bstamps?\b/i, fr: /\btampons?\b|autocollant|gommette/i },
		note: 'French "image" is the picture password. "Gommette" and "autocollant" are too wide for the tool button.'
	},
	colouringPage: {
		readers: everyone,
		words: { 'zh-CN': '填色画', en: 'colouring page', fr: 'coloriage' },
		avoid: { 'zh-CN': /涂色底稿|底稿/, en: /\btemplates?\b/i, fr: /\bmodèles? de coloriage/i }
	},
	earth: {
		readers: everyone,
		words: { 'zh-CN': '地球', en: 'planet', fr: 'planète' },
		// 蓝色星球 is the title of a contest theme, not a second name for the Earth.
		avoid: { 'zh-CN': /(?<!蓝色)星球/ }
	},
	receiveArtworks: {
		readers: adults,
		words: { 'zh-CN': '接收作品', en: 'take artworks', fr: 'recevoir des œuvres' },
		avoid: { 'zh-CN': /接受(作品|照片|投稿)/ }
	},
	teacher: {
		readers: everyone,
		words: { 'zh-CN': '老师', en: 'teacher', fr: 'enseignant' },
		avoid: { fr: /\bton enseignant|\bvotre enseignant/i },
		note: 'French children read "ton maître ou ta maîtresse"; adults read "enseignant".'
	},
	returnToChild: {
		readers: ['child', 'teacher'],
		words: { 'zh-CN': '退回', en: 'return', fr: 'renvoyer' },
		avoid: { 'zh-CN': /老师退回/, en: /returned by your teacher/i, fr: /rendue par/i },
		note: 'The child reads a request, not a verdict: 老师请你再改一改.'
	},
	studio: {
		readers: ['child', 'teacher'],
		words: { 'zh-CN': '画室', en: 'studio', fr: 'atelier' }
	},
	judge: {
		readers: adults,
		words: { 'zh-CN': '评委', en: 'judge', fr: 'juré' },
		avoid: { 'zh-CN': /裁判/ }
	},
	review: {
		readers: ['teacher'],
		words: { 'zh-CN': '审核', en: 'review', fr: 'valider' }
	},
	signOut: {
		readers: everyone,
		words: { 'zh-CN': '退出', en: 'sign out', fr: 'se déconnecter' },
		avoid: { en: /\blog ?(out|off)\b/i }
	},
	loginCard: {
		readers: everyone,
		words: { 'zh-CN': '登录卡片', en: 'login card', fr: 'carte de connexion' }
	}
} satisfies Record<string, GlossaryTerm>;

/**
 * Keys whose text a child reads. Jargon and the median dot are checked on these; adults'
 * messages may be plainer about servers and numbers.
 */
const CHILD_PREFIXES = [
	'join.',
	'picture.',
	'studio.',
	'draw.',
	'save.',
	'sync.',
	'drawing.error.',
	'colouring.',
	'entries.error.',
	'studioOptions.',
	'entries.links.',
	'entries.submit.',
	'entries.list.',
	'entries.status.',
	'cards.step',
	'cards.your',
	'auth.error.unknownClassCode',
	'auth.error.wrongSecret',
	'auth.error.childLocked',
	'auth.error.unknownStudent',
	'auth.error.joinTooManyTries',
	'security.join.',
	'security.quota.',
	'submitQueue.',
	'access.',
	'exhibit.',
	'gallery.'
];

/** Child-facing keys that only an adult sees in practice (upload errors reach teachers). */
const ADULT_EXCEPTIONS = new Set(['entries.error.forbidden', 'entries.error.studentNotFound']);

export function isChildMessage(key: string): boolean {
	if (ADULT_EXCEPTIONS.has(key)) return false;
	return CHILD_PREFIXES.some((prefix) => key.startsWith(prefix));
}

/** Words a child should never have to read, whatever the language. */
export const CHILD_JARGON: Record<Locale, RegExp> = {
	'zh-CN': /编号|覆盖|服务器|浏览器|上传|数据/,
	en: /\b(server|overwritten|resubmit|PIN|opacity|upload(ing)?|browser|data)\b/i,
	fr: /serveur|écrasé|stockage du navigateur|navigateur|opacité|données/i
};
