import { describe, expect, it } from 'vitest';
import { fitText, wrapText } from './text.ts';

// Every character is as wide as the size: easy widths to reason about.
const mono = (text: string, size: number) => [...text].length * size;

describe('wrapText', () => {
	it('breaks Latin text at spaces and drops the space at the break', () => {
		expect(wrapText('the quick brown fox', 10, 1, mono)).toEqual(['the quick', 'brown fox']);
	});

	it('breaks Chinese between characters but never before closing punctuation', () => {
		expect(wrapText('我画了一只猫。', 6, 1, mono)).toEqual(['我画了一只', '猫。']);
		expect(wrapText('你好，朋友', 2, 1, mono)).toEqual(['你', '好，', '朋友']);
	});

	it('keeps French punctuation glued by the narrow no-break space', () => {
		expect(wrapText('Oui Bravo\u202f!', 8, 1, mono)).toEqual(['Oui', 'Bravo\u202f!']);
		expect(wrapText('« Oui »', 3, 1, mono)).toEqual(['«', 'Oui', '»']);
		expect(wrapText('«\u202fOui\u202f»', 3, 1, mono)).toEqual(['«\u202fO', 'ui\u202f', '»']);
	});

	it('cuts a word wider than the line and keeps hard line breaks', () => {
		expect(wrapText('abcdefgh', 3, 1, mono)).toEqual(['abc', 'def', 'gh']);
		expect(wrapText('a\nb', 10, 1, mono)).toEqual(['a', 'b']);
	});
});

describe('fitText', () => {
	it('keeps the preferred size when the text fits', () => {
		const fitted = fitText('short', { maxWidth: 100, maxHeight: 20, size: 10 }, mono);
		expect(fitted).toEqual({ size: 10, lines: ['short'], truncated: false });
	});

	it('shrinks towards minSize before truncating', () => {
		const fitted = fitText(
			'a long line of words',
			{ maxWidth: 40, maxHeight: 9, size: 4, minSize: 1, lineHeight: 1 },
			mono
		);
		expect(fitted.truncated).toBe(false);
		expect(fitted.size).toBeLessThan(4);
		expect(fitted.lines.length * fitted.size).toBeLessThanOrEqual(9);
	});

	it('ends with an ellipsis when even the smallest size does not fit', () => {
		const fitted = fitText(
			'one two three four five',
			{ maxWidth: 5, maxHeight: 2, size: 1, lineHeight: 1 },
			mono
		);
		expect(fitted.truncated).toBe(true);
		expect(fitted.lines).toEqual(['one', 'two…']);
	});
});
