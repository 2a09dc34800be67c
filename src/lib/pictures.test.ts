import { describe, expect, it } from 'vitest';
import {
	AVATAR_COLORS,
	isPictureId,
	parseAvatar,
	parsePictureSequence,
	PICTURE_PASSWORD_LENGTH,
	PICTURES,
	PIN_LENGTH
} from './pictures.ts';

describe('pictures', () => {
	it('offers twelve distinct pictures whose ids can be joined with dashes', () => {
		expect(PICTURES).toHaveLength(12);
		expect(new Set(PICTURES).size).toBe(PICTURES.length);
		// Sequences and avatars are dash-joined, so an id with a dash would split wrongly.
		for (const id of PICTURES) expect(id).toMatch(/^[a-z]+$/);
		expect(new Set(AVATAR_COLORS).size).toBe(AVATAR_COLORS.length);
		expect(PICTURE_PASSWORD_LENGTH).toBe(3);
		expect(PIN_LENGTH).toBe(4);
	});

	it('recognises picture ids only', () => {
		expect(isPictureId('leaf')).toBe(true);
		expect(isPictureId('Leaf')).toBe(false);
		expect(isPictureId('')).toBe(false);
		expect(isPictureId('toString')).toBe(false);
	});

	it('parses a picture sequence of exactly the password length', () => {
		expect(parsePictureSequence('leaf-sun-fish')).toEqual(['leaf', 'sun', 'fish']);
		expect(parsePictureSequence('planet-planet-bird')).toEqual(['planet', 'planet', 'bird']);
		for (const bad of ['leaf-sun', 'leaf-sun-fish-bee', 'leaf-sun-dog', '', 'leaf--sun', '1234']) {
			expect(parsePictureSequence(bad)).toBeNull();
		}
	});

	it('reads avatars and falls back to a safe default for unknown parts', () => {
		expect(parseAvatar('fish-teal')).toEqual({ picture: 'fish', color: 'teal' });
		expect(parseAvatar('dragon-teal')).toEqual({ picture: 'leaf', color: 'teal' });
		expect(parseAvatar('fish-gold')).toEqual({ picture: 'fish', color: 'green' });
		expect(parseAvatar('')).toEqual({ picture: 'leaf', color: 'green' });
	});
});
