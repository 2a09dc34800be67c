import { en } from './en.ts';
import { fr } from './fr.ts';
import { zhCN, type Messages } from './zh-CN.ts';
import type { Locale } from './index.ts';

/**
 * Every language at once, for the server, tests and scripts. The browser build swaps in
 * `catalogs.client.ts` (see vite.config.ts), which fetches only the languages a page uses.
 */
const catalogs: Record<Locale, Messages> = { 'zh-CN': zhCN, en, fr };

export function catalogOf(locale: Locale): Messages | undefined {
	return catalogs[locale];
}

/** Nothing to wait for here: every catalog is already loaded. */
export async function loadCatalog(locale: Locale): Promise<void> {
	void locale;
}
