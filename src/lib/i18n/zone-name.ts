import { isMessageKey, translate, type Locale } from './index.ts';

/**
 * A contest time zone as the contest form names it in the reader's language ("北京时间（上海）",
 * "Paris"), not its IANA id, which reads as English on a Chinese page. A zone no catalog names
 * keeps its id.
 */
export function zoneName(locale: Locale, zone: string): string {
	const key = `contests.zone.${zone}`;
	return isMessageKey(key) ? translate(locale, key) : zone;
}
