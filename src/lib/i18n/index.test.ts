import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { fr } from './fr.ts';
import { CHILD_JARGON, GLOSSARY, isChildMessage, type GlossaryTerm } from './glossary.ts';
import {
	formatNumber,
	isLocale,
	isMessageKey,
	LOCALES,
	negotiateLocale,
	translate,
	type Locale,
	type MessageKey
} from './index.ts';
import { zhCN } from './zh-CN.ts';

const placeholders = (text: string) => [...new Set(text.match(/\{\w+\}/g) ?? [])].sort();

describe('negotiateLocale', () => {
	it('picks the language of the best match', () => {
		expect(negotiateLocale('fr-FR,fr;q=0.9')).toBe('fr');
		expect(negotiateLocale('en-US')).toBe('en');
		expect(negotiateLocale('zh-TW')).toBe('zh-CN');
		expect(negotiateLocale('ZH-cn')).toBe('zh-CN');
	});

	it('skips languages we do not have', () => {
		expect(negotiateLocale('de')).toBe('zh-CN');
		expect(negotiateLocale('de-DE,de;q=0.9,fr;q=0.5')).toBe('fr');
	});

	it('follows quality values, not the order written', () => {
		expect(negotiateLocale('fr;q=0.5, en;q=0.8, zh;q=0.1')).toBe('en');
		expect(negotiateLocale('en;q=0.2,fr')).toBe('fr');
		expect(negotiateLocale('fr;q=0, en;q=0.1')).toBe('en');
	});

	it('falls back to Chinese on garbage, empty and missing headers', () => {
		for (const header of [null, undefined, '', '*', ';;;,,,', 'q=1', 'fr;q=0', '\u0000\uffff']) {
			expect(negotiateLocale(header)).toBe('zh-CN');
		}
	});

	it('ignores anything past the twentieth entry of a huge header', () => {
		const header = Array.from({ length: 500 }, () => 'xx').join(',') + ',en';
		expect(negotiateLocale(header)).toBe('zh-CN');
	});
});

describe('translate', () => {
	it('fills parameters and formats numbers the way each locale writes them', () => {
		expect(translate('en', 'classroom.studentCount', { count: 1234 })).toBe('1,234 students');
		// French groups thousands with a narrow no-break space.
		expect(translate('fr', 'classroom.studentCount', { count: 1234 })).toBe('1\u202f234 élèves');
		expect(translate('zh-CN', 'classroom.studentCount', { count: 1234 })).toBe('1,234 名学生');
		expect(formatNumber('fr', 0.5)).toBe('0,5');
		expect(translate('en', 'join.progress', { count: 2, total: 3 })).toBe('2 of 3 chosen');
	});

	it('inserts strings as they are and leaves unknown placeholders visible', () => {
		expect(translate('en', 'nav.signedInAs', { name: '{total} <b>' })).toBe(
			'Signed in as {total} <b>'
		);
		expect(translate('en', 'nav.signedInAs')).toBe('Signed in as {name}');
		expect(translate('en', 'nav.signedInAs', { other: 1 })).toBe('Signed in as {name}');
	});

	it('knows its locales and keys', () => {
		expect(LOCALES).toEqual(['zh-CN', 'en', 'fr']);
		expect(isLocale('fr')).toBe(true);
		expect(isLocale('de')).toBe(false);
		expect(isMessageKey('nav.home')).toBe(true);
		expect(isMessageKey('nav.nope')).toBe(false);
		expect(isMessageKey('toString')).toBe(false);
	});
});

describe('message catalogs', () => {
	const keys = Object.keys(zhCN) as MessageKey[];

	it.each([
		['en', en],
		['fr', fr]
	] as const)('%s has every key, non-empty, with the same placeholders', (_, catalog) => {
		const problems: string[] = [];
		for (const key of keys) {
			const text: unknown = catalog[key];
			if (typeof text !== 'string' || text.trim() === '') {
				problems.push(`${key}: missing or empty`);
				continue;
			}
			const want = placeholders(zhCN[key]).join(' ');
			const got = placeholders(text).join(' ');
			if (want !== got) problems.push(`${key}: placeholders ${got || '∅'} ≠ ${want || '∅'}`);
		}
		const extra = Object.keys(catalog).filter((k) => !(k in zhCN));
		for (const key of extra) problems.push(`${key}: not in zh-CN`);
		expect(problems).toEqual([]);
	});

	it('has no empty Chinese message and no key that is its own text', () => {
		expect(keys.length).toBeGreaterThan(100);
		const problems = keys.filter((key) => zhCN[key].trim() === '' || zhCN[key] === key);
		expect(problems).toEqual([]);
	});
});

describe('words and typography', () => {
	const catalogs = { 'zh-CN': zhCN, en, fr } as const;
	const each = (locale: Locale) => Object.entries(catalogs[locale]) as [MessageKey, string][];
	const offenders = (locale: Locale, bad: (text: string, key: MessageKey) => boolean) =>
		each(locale)
			.filter(([key, text]) => bad(text, key))
			.map(([key, text]) => `${key}: ${text}`);

	it.each(LOCALES)('%s uses the glossary, not the variants it replaces', (locale) => {
		const problems: string[] = [];
		for (const [term, entry] of Object.entries(GLOSSARY) as [string, GlossaryTerm][]) {
			const avoid = entry.avoid?.[locale];
			if (avoid)
				problems.push(
					// Placeholders such as {entries} are code, not words a reader sees.
					...offenders(locale, (t) => avoid.test(t.replace(/\{\w+\}/g, ''))).map(
						(p) => `${term} → ${p}`
					)
				);
		}
		expect(problems).toEqual([]);
	});

	it('knows which messages children read', () => {
		expect(isChildMessage('draw.unreadable.corrupt')).toBe(true);
		expect(isChildMessage('auth.error.joinTooManyTries')).toBe(true);
		expect(isChildMessage('auth.error.tooManyAttempts')).toBe(false);
		expect(isChildMessage('entries.error.forbidden')).toBe(false);
		expect(isChildMessage('review.return')).toBe(false);
	});

	it.each(LOCALES)('%s keeps jargon out of what children read', (locale) => {
		const jargon = CHILD_JARGON[locale];
		expect(offenders(locale, (t, key) => isChildMessage(key) && jargon.test(t))).toEqual([]);
	});

	it('French puts a no-break space before : ; ! ? » and after «', () => {
		// A colon between digits or inside a URL is not punctuation of the sentence.
		const before = /(?<![\u202f\u00a0!?])[;!?»]|(?<![\u202f\u00a0\d])(?<!https?):(?![\d/])/;
		const after = /«(?![\u202f\u00a0])/;
		expect(offenders('fr', (t) => before.test(t) || after.test(t))).toEqual([]);
	});

	it('French says "tu" to children and "vous" to adults', () => {
		const vous = /\b(vous|votre|vos|veuillez)\b/i;
		const tu = /(^|[\s’])(tu|ton|ta|tes|toi|te)\b/i;
		expect(offenders('fr', (t, key) => (isChildMessage(key) ? vous : tu).test(t))).toEqual([]);
		expect(tu.test('Tu as fini ?') && tu.test('Dessine avec ton crayon.')).toBe(true);
	});

	it('French never uses the median dot of inclusive writing', () => {
		expect(offenders('fr', (t) => /\p{L}·\p{L}/u.test(t))).toEqual([]);
	});

	it('Chinese writes the ellipsis as …… and uses full-width punctuation', () => {
		const halfEllipsis = /(?<!…)…(?!…)/;
		const ascii = /[,;!?()]|(?<![\d{}])[:](?!\d)/;
		expect(offenders('zh-CN', (t) => halfEllipsis.test(t) || ascii.test(t))).toEqual([]);
	});

	it('English uses one kind of quotes: curly quotes and apostrophes', () => {
		expect(offenders('en', (t) => /["']/.test(t))).toEqual([]);
	});

	it.each(LOCALES)('%s never writes three dots for an ellipsis', (locale) => {
		expect(offenders(locale, (t) => t.includes('...'))).toEqual([]);
	});

	it('checks stop real mistakes', () => {
		// The checks above pass on clean catalogs; make sure each one can still fail.
		expect(GLOSSARY.round.avoid.fr.test('Aucune session de jury')).toBe(true);
		expect(GLOSSARY.earth.avoid['zh-CN'].test('蓝色星球')).toBe(false);
		expect(GLOSSARY.earth.avoid['zh-CN'].test('星球')).toBe(true);
		expect(CHILD_JARGON.en.test('It was not overwritten.')).toBe(true);
	});
});
