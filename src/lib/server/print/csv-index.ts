import type { MessageKey } from '$lib/i18n/index.ts';
import { toCsv } from '../entries/csv.ts';
import type { PrintItem } from './print-items.ts';

/** The pack's index: label number, title, pseudonym, band, award, file name — no real names. */
export function csvIndex(
	items: readonly PrintItem[],
	fileNames: readonly string[],
	t: (key: MessageKey) => string
): string {
	const head = (['number', 'title', 'pseudonym', 'band', 'award', 'file'] as const).map((k) =>
		t(`print.csv.${k}`)
	);
	return toCsv(
		head,
		items.map((item, i) => [
			item.number,
			item.title,
			item.pseudonym,
			item.band,
			item.award,
			fileNames[i]
		])
	);
}
