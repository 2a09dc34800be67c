import { getContext, setContext } from 'svelte';
import {
	formatDate,
	formatNumber,
	isMessageKey,
	translate,
	type Locale,
	type MessageKey,
	type Params
} from './index.ts';

export interface I18n {
	readonly locale: Locale;
	t(key: MessageKey, params?: Params): string;
	/** For keys that arrive as data (action failures, error pages). */
	tKey(key: string | undefined, fallback: MessageKey, params?: Params): string;
	date(epochMs: number, options?: Intl.DateTimeFormatOptions): string;
	number(value: number): string;
}

const KEY = Symbol('i18n');

/** The root layout calls this with a getter, so every reader follows language changes. */
export function setI18n(getLocale: () => Locale): I18n {
	const i18n: I18n = {
		get locale() {
			return getLocale();
		},
		t: (key, params) => translate(getLocale(), key, params),
		tKey: (key, fallback, params) =>
			translate(getLocale(), isMessageKey(key) ? key : fallback, params),
		date: (ms, options) => formatDate(getLocale(), ms, options),
		number: (value) => formatNumber(getLocale(), value)
	};
	setContext(KEY, i18n);
	return i18n;
}

export function getI18n(): I18n {
	const i18n = getContext<I18n | undefined>(KEY);
	if (!i18n) throw new Error('getI18n() called outside the root layout');
	return i18n;
}
