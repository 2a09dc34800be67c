import { randomInt } from 'node:crypto';
import { AVATAR_COLORS, PICTURE_PASSWORD_LENGTH, PICTURES, PIN_LENGTH } from '../../pictures.ts';
import { ROSTER_FORM } from '../../schemas/classroom.ts';
import { normaliseText, textLength } from '../../text/normalise.ts';
import { randomFrom } from '../ids.ts';

export const MAX_NAME_LENGTH = ROSTER_FORM.studentName.max;
export const MAX_STUDENTS_PER_PASTE = ROSTER_FORM.maxStudentsPerPaste;

/** Letters and digits that cannot be confused when read aloud or copied from a card. */
export const CLASS_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CLASS_CODE_LENGTH = 6;

export function newClassCode(): string {
	return randomFrom(CLASS_CODE_ALPHABET, CLASS_CODE_LENGTH);
}

/** Accepts what children and teachers type: lower case, spaces, a dash in the middle. */
export function normaliseClassCode(input: string): string | null {
	const code = input.toUpperCase().replace(/[\s-]/g, '');
	if (code.length !== CLASS_CODE_LENGTH) return null;
	for (const ch of code) if (!CLASS_CODE_ALPHABET.includes(ch)) return null;
	return code;
}

export type RosterProblem = { kind: 'empty' } | { kind: 'tooMany'; max: number };

/** A pasted entry that cannot become a child as typed; the teacher fixes it and pastes again. */
export interface RejectedLine {
	/** 1-based position among the non-blank entries, as the teacher counts them. */
	position: number;
	name: string;
	reason: 'tooLong';
}

export interface ParsedRoster {
	/** One child per entry: namesakes are common in a class, so repeats are kept. */
	names: string[];
	rejected: RejectedLine[];
}

/**
 * A pasted list: one name per line, or separated by commas (ASCII or Chinese), semicolons
 * or tabs, as spreadsheets and chat apps produce. Blank entries drop; a bad entry is set
 * aside (not fatal) so one typo never blocks the rest of the class.
 */
export function parseRoster(text: string): ParsedRoster | { problem: RosterProblem } {
	const names: string[] = [];
	const rejected: RejectedLine[] = [];
	let position = 0;
	for (const raw of text.split(/[\n\r,，;；\t、]+/)) {
		// Control and bidi characters pasted from documents go; inner whitespace collapses.
		const name = normaliseText(raw).replace(/\s+/g, ' ');
		if (!name) continue;
		position++;
		if (textLength(name) > MAX_NAME_LENGTH) rejected.push({ position, name, reason: 'tooLong' });
		else names.push(name);
	}
	if (names.length === 0 && rejected.length === 0) return { problem: { kind: 'empty' } };
	if (names.length > MAX_STUDENTS_PER_PASTE)
		return { problem: { kind: 'tooMany', max: MAX_STUDENTS_PER_PASTE } };
	return { names, rejected };
}

const HAN = /^\p{Script=Han}+$/u;
/** The most common family names, which cover most of the population. */
const COMMON_SURNAMES = new Set(
	'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'
);

/**
 * The part of a pasted name that may go public. Chinese names have no space and start with
 * the family name: three or more characters ("王小明") lose the first; two lose it only when
 * it is a common family name ("李娜" → "娜"), so nicknames such as "小明" or "阿杰" stay whole.
 * Other names keep their first word.
 */
export function givenName(name: string): string {
	const word = name.trim().split(' ')[0] ?? name;
	const chars = [...word];
	if (!HAN.test(word)) return word;
	if (chars.length >= 3 || (chars.length === 2 && COMMON_SURNAMES.has(chars[0]!)))
		return chars.slice(1).join('');
	return word;
}

/**
 * Public name: the first name (first word only, so a pasted full name never goes public)
 * plus a number unique in the class.
 */
export function makePseudonym(firstName: string, taken: ReadonlySet<string>): string {
	const first = [...givenName(firstName)].slice(0, 12).join('');
	for (let attempt = 0; attempt < 200; attempt++) {
		const candidate = `${first} ${randomInt(1, attempt < 100 ? 100 : 1000)}`;
		if (!taken.has(candidate)) return candidate;
	}
	throw new Error('could not find a free pseudonym');
}

/** Picks an avatar no one in the class has yet, while any is left. */
export function pickAvatar(taken: ReadonlySet<string>): string {
	const all = PICTURES.flatMap((p) => AVATAR_COLORS.map((c) => `${p}-${c}`));
	const free = all.filter((a) => !taken.has(a));
	const pool = free.length > 0 ? free : all;
	return pool[randomInt(pool.length)]!;
}

export function newPicturePassword(): string {
	return Array.from(
		{ length: PICTURE_PASSWORD_LENGTH },
		() => PICTURES[randomInt(PICTURES.length)]!
	).join('-');
}

export function newPin(): string {
	return randomFrom('0123456789', PIN_LENGTH);
}

export function isValidPin(pin: string): boolean {
	return new RegExp(`^[0-9]{${PIN_LENGTH}}$`).test(pin);
}
