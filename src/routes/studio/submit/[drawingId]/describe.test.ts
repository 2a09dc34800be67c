import { describe, expect, it } from 'vitest';
import { fitWords } from './describe';

describe('fitWords', () => {
	it('keeps a text that fits, counting characters rather than UTF-16 units', () => {
		expect(fitWords('画了 3 笔。', 7)).toBe('画了 3 笔。');
		expect(fitWords('🌳🌳', 2)).toBe('🌳🌳');
	});

	it('cuts a long text after its last whole part', () => {
		expect(fitWords('White paper; a red box; 3 stickers: sun, bird', 30)).toBe(
			'White paper; a red box…'
		);
		expect(fitWords('abcdefghij', 5)).toBe('abcd…');
	});
});
