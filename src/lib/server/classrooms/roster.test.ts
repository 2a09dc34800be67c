import { describe, expect, it } from 'vitest';
import { AVATAR_COLORS, parsePictureSequence, PICTURES } from '../../pictures.ts';
import {
	CLASS_CODE_ALPHABET,
	CLASS_CODE_LENGTH,
	givenName,
	isValidPin,
	makePseudonym,
	MAX_NAME_LENGTH,
	MAX_STUDENTS_PER_PASTE,
	newClassCode,
	newPicturePassword,
	newPin,
	normaliseClassCode,
	parseRoster,
	pickAvatar
} from './roster.ts';

const CODE = new RegExp(`^[${CLASS_CODE_ALPHABET}]{${CLASS_CODE_LENGTH}}$`);

describe('parseRoster', () => {
	const ok = (names: string[]) => ({ names, rejected: [] });

	it('splits a pasted list on newlines and on ASCII and Chinese separators', () => {
		expect(parseRoster('小明\n小红\r\nLina')).toEqual(ok(['小明', '小红', 'Lina']));
		expect(parseRoster('小明，小红、阿杰；美美;Tom,Ann\tZoé')).toEqual(
			ok(['小明', '小红', '阿杰', '美美', 'Tom', 'Ann', 'Zoé'])
		);
	});

	it('drops blanks but keeps namesakes: every pasted name is a child', () => {
		expect(parseRoster('\n\n 张伟 \n,,\n李娜\n张伟\n  \n李娜')).toEqual(
			ok(['张伟', '李娜', '张伟', '李娜'])
		);
	});

	it('collapses inner spaces and strips control characters pasted from documents', () => {
		expect(parseRoster('Marie   Curie\nJean\u3000Dupont\nA\u0007li')).toEqual(
			ok(['Marie Curie', 'Jean Dupont', 'Ali'])
		);
	});

	it('refuses an empty paste', () => {
		for (const empty of ['', '   ', '\n,\n，、;']) {
			expect(parseRoster(empty)).toEqual({ problem: { kind: 'empty' } });
		}
	});

	it('refuses more names than one paste allows', () => {
		const names = (n: number) => Array.from({ length: n }, (_, i) => `Kid${i}`).join('\n');
		expect(parseRoster(names(MAX_STUDENTS_PER_PASTE))).toMatchObject({
			names: expect.any(Array)
		});
		expect(parseRoster(names(MAX_STUDENTS_PER_PASTE + 1))).toEqual({
			problem: { kind: 'tooMany', max: MAX_STUDENTS_PER_PASTE }
		});
	});

	it('sets a too-long name aside with its position and keeps the others', () => {
		const long = 'x'.repeat(MAX_NAME_LENGTH + 1);
		expect(parseRoster(`Tom\n\n${long}\nAnn`)).toEqual({
			names: ['Tom', 'Ann'],
			rejected: [{ position: 2, name: long, reason: 'tooLong' }]
		});
		expect(parseRoster(long)).toEqual({
			names: [],
			rejected: [{ position: 1, name: long, reason: 'tooLong' }]
		});
	});

	it('counts characters not bytes', () => {
		const chinese = '明'.repeat(MAX_NAME_LENGTH);
		expect(parseRoster(chinese)).toEqual(ok([chinese]));
		const emoji = '🌱'.repeat(MAX_NAME_LENGTH);
		expect(parseRoster(emoji)).toEqual(ok([emoji]));
	});
});

describe('makePseudonym', () => {
	it('uses only the first word of the name, so a pasted full name never goes public', () => {
		for (let i = 0; i < 20; i++) {
			const pseudonym = makePseudonym('Marie Curie', new Set());
			expect(pseudonym).toMatch(/^Marie \d+$/);
			expect(pseudonym).not.toContain('Curie');
		}
	});

	it('keeps at most twelve characters of a long first word', () => {
		expect(makePseudonym('Maximilianusthegreat', new Set())).toMatch(/^Maximilianus \d+$/);
		expect(makePseudonym('🌱'.repeat(20), new Set())).toMatch(/^(🌱){12} \d+$/u);
	});

	it('never returns a pseudonym already taken in the class', () => {
		const taken = new Set(Array.from({ length: 98 }, (_, i) => `Tom ${i + 1}`));
		const pseudonym = makePseudonym('Tom', taken);
		expect(taken.has(pseudonym)).toBe(false);
		expect(pseudonym).toMatch(/^Tom \d+$/);
	});

	it('finds a free number beyond 99 once the small ones are all taken', () => {
		const taken = new Set(Array.from({ length: 99 }, (_, i) => `Li ${i + 1}`));
		const pseudonym = makePseudonym('Li', taken);
		expect(taken.has(pseudonym)).toBe(false);
		expect(Number(pseudonym.split(' ')[1])).toBeGreaterThanOrEqual(100);
	});
});

describe('pickAvatar', () => {
	const all = PICTURES.length * AVATAR_COLORS.length;

	it('gives every child of a class a different avatar while any is free', () => {
		const taken = new Set<string>();
		for (let i = 0; i < all; i++) {
			const avatar = pickAvatar(taken);
			expect(taken.has(avatar)).toBe(false);
			expect(avatar).toMatch(/^[a-z]+-[a-z]+$/);
			taken.add(avatar);
		}
		expect(taken.size).toBe(all);
		// All used: it still returns a valid avatar rather than failing.
		expect(taken.has(pickAvatar(taken))).toBe(true);
	});
});

describe('normaliseClassCode', () => {
	it('accepts what children type: lower case, spaces and a dash', () => {
		expect(normaliseClassCode('green2')).toBe('GREEN2');
		expect(normaliseClassCode(' gre en2 ')).toBe('GREEN2');
		expect(normaliseClassCode('GRE-EN2')).toBe('GREEN2');
	});

	it('refuses wrong lengths and characters outside the alphabet', () => {
		// 0, O, 1, I and L are left out of the alphabet because they are read alike.
		for (const bad of ['', 'GREEN', 'GREEN22', 'GRE0N2', 'GREEN1', 'GOOD12', 'ÉCOLE2', 'GR/EN2']) {
			expect(normaliseClassCode(bad)).toBeNull();
		}
	});
});

describe('secrets and codes', () => {
	it('makes class codes from the unambiguous alphabet', () => {
		for (let i = 0; i < 200; i++) expect(newClassCode()).toMatch(CODE);
		expect(CLASS_CODE_ALPHABET).not.toMatch(/[01IOL]/);
	});

	it('makes picture passwords of three known pictures', () => {
		for (let i = 0; i < 200; i++) {
			const password = newPicturePassword();
			expect(parsePictureSequence(password)).toHaveLength(3);
		}
	});

	it('makes four-digit PINs and validates them', () => {
		for (let i = 0; i < 200; i++) expect(isValidPin(newPin())).toBe(true);
		expect(isValidPin('1357')).toBe(true);
		expect(isValidPin('0000')).toBe(true);
		for (const bad of ['abcd', '123', '12345', ' 1357', '１２３４', '']) {
			expect(isValidPin(bad)).toBe(false);
		}
	});
});

describe('givenName', () => {
	it('drops the family name of Chinese full names but keeps nicknames whole', () => {
		expect(givenName('王小明')).toBe('小明');
		expect(givenName('李娜')).toBe('娜');
		expect(givenName('小明')).toBe('小明');
		expect(givenName('阿杰')).toBe('阿杰');
		expect(givenName('Lina Dupont')).toBe('Lina');
	});

	it('never puts a pasted Chinese full name into the pseudonym', () => {
		expect(makePseudonym('王小明', new Set())).toMatch(/^小明 \d+$/);
	});
});
