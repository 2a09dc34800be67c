import { describe, expect, it } from 'vitest';
import { translate, type Locale, type MessageKey } from '../i18n/index.ts';
import { colorName, describeOp, describePicture, zoneOf } from './describe.ts';
import { createDocument, type DrawDocument, type Op } from './document.ts';

const words = (locale: Locale) => (key: string, params?: Record<string, string | number>) =>
	translate(locale, key as MessageKey, params);

function stroke(id: string, color: string, tool: 'brush' | 'eraser' = 'brush'): Op {
	return {
		type: 'stroke',
		id,
		tool,
		color,
		size: 12,
		opacity: 1,
		points: [100, 1000, 0.5, 0, 300, 1100, 0.5, 16]
	};
}

/** A picture that uses every tool: fill, all shapes, stickers, words, strokes and the eraser. */
const EVERY_TOOL: DrawDocument = {
	...createDocument('landscape', '#4fc3f7'),
	ops: [
		{ type: 'fill', id: 'f1', x: 800, y: 1150, color: '#2e7d32', tolerance: 32 },
		{
			type: 'shape',
			id: 's1',
			shape: 'rect',
			x1: 650,
			y1: 500,
			x2: 950,
			y2: 700,
			color: '#fdd835',
			size: 8,
			filled: true
		},
		{
			type: 'shape',
			id: 's2',
			shape: 'ellipse',
			x1: 100,
			y1: 100,
			x2: 300,
			y2: 300,
			color: '#e53935',
			size: 8,
			filled: false
		},
		{
			type: 'shape',
			id: 's3',
			shape: 'line',
			x1: 0,
			y1: 900,
			x2: 1600,
			y2: 900,
			color: '#8d5a2b',
			size: 6,
			filled: false
		},
		{
			type: 'stamp',
			id: 'a',
			stampId: 'sun',
			x: 1400,
			y: 150,
			scale: 1,
			rotation: 0,
			flipX: false
		},
		{
			type: 'stamp',
			id: 'b',
			stampId: 'bird',
			x: 800,
			y: 250,
			scale: 1,
			rotation: 0,
			flipX: false
		},
		{
			type: 'stamp',
			id: 'c',
			stampId: 'wind-turbine',
			x: 200,
			y: 700,
			scale: 1,
			rotation: 0,
			flipX: false
		},
		{ type: 'text', id: 't', x: 600, y: 1000, text: '绿色家园', color: '#222222', size: 48 },
		stroke('p1', '#2e7d32'),
		stroke('p2', '#2e7d32'),
		stroke('p3', '#e53935'),
		stroke('e1', '#222222', 'eraser'),
		{
			type: 'stroke',
			id: 'p4',
			tool: 'pencil',
			color: '#2e7d32',
			size: 4,
			opacity: 1,
			points: [1500, 1150, 0.5, 0]
		},
		{
			type: 'stroke',
			id: 'p5',
			tool: 'crayon',
			color: '#9ccc65',
			size: 20,
			opacity: 0.5,
			points: [10, 10, 0.5, 0, 20, 20, 0.5, 8]
		},
		{
			type: 'stroke',
			id: 'p6',
			tool: 'marker',
			color: '#2e7d32',
			size: 16,
			opacity: 1,
			points: [10, 10, 0.5, 0, 40, 20, 0.5, 8]
		}
	]
};

describe('describePicture', () => {
	it('says everything on a picture that uses every tool, in English', () => {
		expect(describePicture(EVERY_TOOL, words('en'))).toBe(
			'Sky blue paper; an area filled green at the bottom; ' +
				'a filled yellow box in the middle, a red circle top left, a brown line at the bottom; ' +
				'3 stickers: sun top right, bird at the top, wind turbine on the left; ' +
				'the words “绿色家园” at the bottom; 6 brush strokes, mostly green; rubbed out once.'
		);
	});

	it('says it in Chinese and in French too', () => {
		expect(describePicture(EVERY_TOOL, words('zh-CN'))).toBe(
			'天蓝色的画纸；下边涂满了绿色；中间有一个黄色的方块、左上角有一个红色的圆圈、下边有一条棕色的线；' +
				'3 个贴纸：右上角的太阳、上边的小鸟、左边的风力发电机；下边写着“绿色家园”；画了 6 笔，大多是绿色；擦了 1 次。'
		);
		const fr = describePicture(EVERY_TOOL, words('fr'));
		expect(fr).toMatch(/^Papier bleu ciel\u202F; /);
		expect(fr).toContain('3 images\u202F: soleil en haut à droite');
		expect(fr).toContain('les mots «\u202F绿色家园\u202F» en bas');
	});

	it('says the paper is still empty, and names a colouring page', () => {
		expect(describePicture(createDocument(), words('en'))).toBe('White paper, nothing drawn yet.');
		const page = createDocument(
			'portrait',
			'#ffffff',
			`/objects/public/templates/${'a'.repeat(64)}.png`
		);
		expect(describePicture(page, words('zh-CN'))).toBe('白色的涂色画，还什么都没有画。');
	});

	it('counts what goes past six of a kind instead of listing it', () => {
		const stamps: Op[] = Array.from({ length: 9 }, (_, i) => ({
			type: 'stamp',
			id: `s${i}`,
			stampId: 'tree',
			x: 100 + i * 150,
			y: 1100,
			scale: 1,
			rotation: 0,
			flipX: false
		}));
		const text = describePicture({ ...createDocument(), ops: stamps }, words('en'));
		expect(text).toContain('9 stickers: tree bottom left');
		expect(text).toContain('and 3 more.');
	});
});

describe('describeOp, colorName, zoneOf', () => {
	it('names colours by the nearest colour a child knows, and ninths of the paper', () => {
		expect(colorName('#fdd835')).toBe('yellow');
		expect(colorName('#f0d040')).toBe('yellow');
		expect(colorName('#1e70d0')).toBe('blue');
		expect(zoneOf(0, 0, { width: 300, height: 300 })).toBe('topLeft');
		expect(zoneOf(150, 150, { width: 300, height: 300 })).toBe('middle');
		expect(zoneOf(300, 300, { width: 300, height: 300 })).toBe('bottomRight');
	});

	it('describes one op with where it is', () => {
		const [fill, rect] = EVERY_TOOL.ops;
		expect(describeOp(rect!, EVERY_TOOL, words('en'))).toBe('a filled yellow box in the middle');
		expect(describeOp(fill!, EVERY_TOOL, words('zh-CN'))).toBe('下边涂满了绿色');
	});
});
