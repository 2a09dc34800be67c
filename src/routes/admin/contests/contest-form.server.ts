import { DEFAULT_BOARD_PRESET } from '$lib/contests/board-size';
import { LOCALES } from '$lib/i18n/index';
import type { ContestInput, LocalizedText } from '$lib/server/contests/contest.service';
import { DEFAULT_TIME_ZONE } from '$lib/server/contests/time-zone';
import { field } from '$lib/server/http';

/** The contest form's fields, as typed: the service validates, the page echoes it on failure. */
export function contestInputFromForm(form: FormData): ContestInput {
	const text = (kind: 'title' | 'theme' | 'brief' | 'rules') => {
		const out = {} as LocalizedText;
		for (const locale of LOCALES) out[locale] = field(form, `${kind}_${locale}`);
		return out;
	};
	return {
		title: text('title'),
		theme: text('theme'),
		brief: text('brief'),
		rules: text('rules'),
		ageBands: field(form, 'ageBands'),
		schoolIds: form.getAll('schoolIds').filter((v) => typeof v === 'string'),
		timeZone: field(form, 'timeZone'),
		opensAt: field(form, 'opensAt'),
		closesAt: field(form, 'closesAt'),
		entriesPerChild: field(form, 'entriesPerChild'),
		boardSize: field(form, 'boardSize'),
		allowStudio: field(form, 'allowStudio') === 'on',
		allowUpload: field(form, 'allowUpload') === 'on'
	};
}

const empty = (): LocalizedText => ({ 'zh-CN': '', en: '', fr: '' });

export function blankContestInput(): ContestInput {
	return {
		title: empty(),
		theme: empty(),
		brief: empty(),
		rules: empty(),
		ageBands: '6-8\n9-11\n12-15',
		schoolIds: [],
		timeZone: DEFAULT_TIME_ZONE,
		opensAt: '',
		closesAt: '',
		entriesPerChild: '1',
		boardSize: DEFAULT_BOARD_PRESET,
		allowStudio: true,
		allowUpload: true
	};
}
