import type { Locale } from '../i18n/index.ts';
import { integerField, textField } from './field.ts';

/** Text in each language; zh-CN is the one that must be there. */
export type LocalizedText = Record<Locale, string>;

/** The contest form as typed: strings and checkboxes, validated by the contest service. */
export interface ContestInput {
	title: LocalizedText;
	theme: LocalizedText;
	brief: LocalizedText;
	rules: LocalizedText;
	/** One band per line, e.g. "6-8" or "9-11 Middle". */
	ageBands: string;
	schoolIds: string[];
	timeZone: string;
	/** "YYYY-MM-DDTHH:mm" in timeZone, or '' while still a draft. */
	opensAt: string;
	closesAt: string;
	entriesPerChild: string;
	/** A preset id from $lib/contests/board-size.ts, e.g. 'landscape' or 'a4-portrait'. */
	boardSize: string;
	allowStudio: boolean;
	allowUpload: boolean;
}

/** Each text exists once per language; the Chinese title is the one that must be there. */
export const CONTEST_FORM = {
	title: textField({ max: 80 }),
	theme: textField({ max: 200 }),
	brief: textField({ max: 4000, multiline: true }),
	rules: textField({ max: 4000, multiline: true }),
	entriesPerChild: integerField(1, 10)
} as const;

/** A colouring page's name, written once by the organizer. */
export const TEMPLATE_FORM = {
	label: textField({ max: 40, required: true })
} as const;
