import { describe, expect, it } from 'vitest';
import { BOARD_PRESETS, boardPresetOf, findBoardPreset, orientationOf } from './board-size.ts';

describe('board presets', () => {
	it('are the five sizes the contest form offers, each with its own id', () => {
		expect(BOARD_PRESETS.map((p) => `${p.id} ${p.width}×${p.height}`)).toEqual([
			'landscape 1600×1200',
			'portrait 1200×1600',
			'square 1400×1400',
			'a4-landscape 1697×1200',
			'a4-portrait 1200×1697'
		]);
	});

	it('finds a preset by id and by size, and nothing else', () => {
		expect(findBoardPreset('a4-portrait')).toMatchObject({ width: 1200, height: 1697 });
		expect(findBoardPreset('huge')).toBeUndefined();
		expect(findBoardPreset('')).toBeUndefined();
		expect(boardPresetOf({ width: 1400, height: 1400 })).toBe('square');
		expect(boardPresetOf({ width: 1600, height: 1600 })).toBeUndefined();
	});

	it('derives the orientation older code reads', () => {
		expect(orientationOf({ width: 1697, height: 1200 })).toBe('landscape');
		expect(orientationOf({ width: 1200, height: 1600 })).toBe('portrait');
		expect(orientationOf({ width: 1400, height: 1400 })).toBe('any');
	});
});
