import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { fr } from './fr.ts';
import {
	formatNumber,
	isLocale,
	isMessageKey,
	LOCALES,
	negotiateLocale,
	translate,
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
