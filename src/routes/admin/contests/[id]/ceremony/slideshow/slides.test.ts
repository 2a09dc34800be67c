import { describe, expect, it } from 'vitest';
import { buildSlides, slideAfterKey, type ShowWinner } from './slides.ts';

const winner = (title: string): ShowWinner => ({
	entryId: title,
	kind: 'gold',
	award: 'Gold',
	title,
	pseudonym: 'Kid',
	imageUrl: null
});

describe('slides', () => {
	it('puts each band heading before its winners and skips empty bands', () => {
		const slides = buildSlides([
			{ label: '6–8', winners: [winner('a'), winner('b')] },
			{ label: '9–11', winners: [] }
		]);
		expect(slides.map((s) => s.type)).toEqual(['title', 'band', 'winner', 'winner', 'end']);
	});

	it('moves with arrows, a clicker’s page keys and the space bar, within bounds', () => {
		expect(slideAfterKey('ArrowRight', 0, 3)).toBe(1);
		expect(slideAfterKey('PageDown', 2, 3)).toBe(2);
		expect(slideAfterKey(' ', 1, 3)).toBe(2);
		expect(slideAfterKey('PageUp', 0, 3)).toBe(0);
		expect(slideAfterKey('ArrowLeft', 2, 3)).toBe(1);
		expect(slideAfterKey('End', 0, 3)).toBe(2);
		expect(slideAfterKey('x', 1, 3)).toBeNull();
	});
});
