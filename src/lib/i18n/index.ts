import { catalogOf } from './catalogs.ts';
import type { Messages } from './zh-CN.ts';

export { loadCatalog } from './catalogs.ts';

export const LOCALES = ['zh-CN', 'en', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';
export const LOCALE_COOKIE = 'sprout_lang';

/** Each language names itself, so a child who cannot read the current one finds theirs. */
export const LOCALE_NAMES: Record<Locale, string> = {
	'zh-CN': '中文',
	en: 'English',
	fr: 'Français'
};

export type MessageKey = keyof Messages;
export type Params = Record<string, string | number>;

export function isLocale(value: unknown): value is Locale {
	return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export function isMessageKey(value: unknown): value is MessageKey {
	// Own keys only: `in` would also accept 'toString' or 'constructor' from the prototype.
	if (typeof value !== 'string') return false;
	// Every catalog has the same keys; in the browser only the page's languages are loaded.
	return LOCALES.some((locale) => {
		const catalog = catalogOf(locale);
		return catalog !== undefined && Object.hasOwn(catalog, value);
	});
}

/** Best match for an Accept-Language header: exact tag, then language, by quality. */
export function negotiateLocale(header: string | null | undefined): Locale {
	if (!header) return DEFAULT_LOCALE;
	const ranked = header
		.split(',')
		.slice(0, 20)
		.map((part) => {
			const [tag = '', ...rest] = part.trim().split(';');
			const q = rest.map((r) => /^q=([\d.]+)$/.exec(r.trim())).find(Boolean);
			return { tag: tag.toLowerCase(), q: q ? Number(q[1]) : 1 };
		})
		.filter((x) => x.tag && x.q > 0)
		.sort((a, b) => b.q - a.q);
	for (const { tag } of ranked) {
		const lang = tag.split('-')[0];
		if (lang === 'zh') return 'zh-CN';
		if (lang === 'en') return 'en';
		if (lang === 'fr') return 'fr';
	}
	return DEFAULT_LOCALE;
}

export function translate(locale: Locale, key: MessageKey, params?: Params): string {
	const template = catalogOf(locale)?.[key] ?? catalogOf(DEFAULT_LOCALE)?.[key] ?? key;
	if (!params) return template;
	return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
		name in params ? formatParam(locale, params[name]!) : whole
	);
}

function formatParam(locale: Locale, value: string | number): string {
	return typeof value === 'number' ? formatNumber(locale, value) : value;
}

// Building a NumberFormat costs far more than using one, and pages format many numbers.
const numberFormats = new Map<Locale, Intl.NumberFormat>();

export function formatNumber(locale: Locale, value: number): string {
	let format = numberFormats.get(locale);
	if (!format) numberFormats.set(locale, (format = new Intl.NumberFormat(locale)));
	return format.format(value);
}

/** Contest dates are set in China by default; show them in that zone unless told. */
export function formatDate(
	locale: Locale,
	epochMs: number,
	options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' },
	timeZone = 'Asia/Shanghai'
): string {
	return new Intl.DateTimeFormat(locale, { timeZone, ...options }).format(new Date(epochMs));
}

export type { Messages };
