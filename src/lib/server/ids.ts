import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { randomBytes, randomInt } from 'node:crypto';

/** 80 random bits, lower-case base32: unguessable, URL- and file-safe. */
export function newId(): string {
	return encodeBase32LowerCaseNoPadding(randomBytes(10));
}

/** Uniformly random string from `alphabet`. */
export function randomFrom(alphabet: string, length: number): string {
	let out = '';
	for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
	return out;
}
