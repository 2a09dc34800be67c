import { describe, expect, it } from 'vitest';
import { displayWidth, padCells } from './columns.ts';

describe('padCells', () => {
	it('counts a Chinese character as two cells, an accent as none', () => {
		expect(displayWidth('小明 7')).toBe(6);
		expect(displayWidth('Chloe\u0301 5')).toBe(7);
		expect(displayWidth('Lina 21')).toBe(7);
	});

	it('lines names of every script up in the same column', () => {
		const padded = ['小明 7', 'Lina 21', 'Chloé 5', '美美 18'].map((name) => padCells(name, 10));
		for (const line of padded) expect(displayWidth(line)).toBe(10);
		expect(padCells('a long name here', 4)).toBe('a long name here');
	});
});
