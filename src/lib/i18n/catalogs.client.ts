import type { Locale } from './index.ts';
import type { Messages } from './zh-CN.ts';

/**
 * The browser's catalogs (in place of `catalogs.ts`, see vite.config.ts): each language is its
 * own chunk, fetched by `loadCatalog` before a page that reads it renders, so a page carries
 * one language's words instead of all three (about 48 KB of gzip on every first load).
 */
const loaders: Record<Locale, () => Promise<Messages>> = {
	'zh-CN': () => import('./zh-CN.ts').then((m) => m.zhCN),
	en: () => import('./en.ts').then((m) => m.en),
	fr: () => import('./fr.ts').then((m) => m.fr)
};

const loaded: Partial<Record<Locale, Messages>> = {};

export function catalogOf(locale: Locale): Messages | undefined {
	return loaded[locale];
}

export async function loadCatalog(locale: Locale): Promise<void> {
	loaded[locale] ??= await loaders[locale]();
}
