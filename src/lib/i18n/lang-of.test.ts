import { describe, expect, it } from 'vitest';
import { langOf } from './lang-of.ts';

describe('langOf', () => {
	it('marks Chinese text on English and French pages', () => {
		expect(langOf('绿色家园', 'en')).toBe('zh-CN');
		expect(langOf('Ma maison 绿色', 'fr')).toBe('zh-CN');
	});

	it('leaves text in the page language, and Latin text on a Chinese page, alone', () => {
		expect(langOf('Green house', 'en')).toBeUndefined();
		expect(langOf('绿色家园', 'zh-CN')).toBeUndefined();
		expect(langOf('Lina 21', 'zh-CN')).toBeUndefined();
	});
});
