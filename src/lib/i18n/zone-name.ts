import { formatDate, isMessageKey, translate, type Locale } from './index.ts';

/**
 * A contest time zone as the contest form names it in the reader's language ("北京时间（上海）",
 * "Paris"), not its IANA id, which reads as English on a Chinese page. A zone no catalog names
 * keeps its id.
 */
export function zoneName(locale: Locale, zone: string): string {
	const key = `contests.zone.${zone}`;
	return isMessageKey(key) ? translate(locale, key) : zone;
}

/**
 * A moment on the contest's clock with its zone named once, the way the contest form names it:
 * "2026年12月18日 00:59 · 北京时间（上海）". Not Intl's own zone names ("GMT+8", "UTC+1"),
 * which mean little to a teacher or a volunteer judge, and never the raw IANA id.
 */
export function formatInZone(
	locale: Locale,
	epochMs: number,
	zone: string,
	options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' }
): string {
	return `${formatDate(locale, epochMs, options, zone)} · ${zoneName(locale, zone)}`;
}
