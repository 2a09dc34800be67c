import type { Locale } from './index.ts';

const HAN = /\p{Script=Han}/u;

/**
 * The `lang` of text people typed (a drawing title, a class name) or a Chinese fallback on a
 * page in another language, so a screen reader switches voice (WCAG 3.1.2). Chinese characters
 * are recognised; Latin text on a Chinese page is left alone, since it may be English or French.
 */
export function langOf(text: string, locale: Locale): Locale | undefined {
	return locale !== 'zh-CN' && HAN.test(text) ? 'zh-CN' : undefined;
}
