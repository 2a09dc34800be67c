import { describe, expect, it } from 'vitest';
import { isSingleKey, shortcutFor, stepSize, type KeyLike } from './shortcuts.ts';

function key(k: string, mods: Partial<KeyLike> = {}): KeyLike {
	return { key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods };
}

describe('shortcutFor', () => {
	it('maps undo and both redo chords', () => {
		expect(shortcutFor(key('z', { ctrlKey: true }))).toEqual({ type: 'undo' });
		expect(shortcutFor(key('y', { ctrlKey: true }))).toEqual({ type: 'redo' });
		expect(shortcutFor(key('Z', { ctrlKey: true, shiftKey: true }))).toEqual({ type: 'redo' });
		expect(shortcutFor(key('z', { metaKey: true }))).toEqual({ type: 'undo' });
	});

	it('maps tool letters in either case, but not with modifiers', () => {
		expect(shortcutFor(key('b'))).toEqual({ type: 'tool', tool: 'brush' });
		expect(shortcutFor(key('G'))).toEqual({ type: 'tool', tool: 'fill' });
		expect(shortcutFor(key('i'))).toEqual({ type: 'tool', tool: 'eyedropper' });
		expect(shortcutFor(key('b', { ctrlKey: true }))).toBeNull();
		expect(shortcutFor(key('b', { altKey: true }))).toBeNull();
		expect(shortcutFor(key('q'))).toBeNull();
	});

	it('maps D to the picture description', () => {
		expect(shortcutFor(key('d'))).toEqual({ type: 'describe' });
		expect(shortcutFor(key('D'))).toEqual({ type: 'describe' });
	});

	it('tells single-key shortcuts (paper only) from chords, Enter and Escape (anywhere)', () => {
		expect(isSingleKey(key('e'))).toBe(true);
		expect(isSingleKey(key('['))).toBe(true);
		expect(isSingleKey(key('z', { ctrlKey: true }))).toBe(false);
		expect(isSingleKey(key('Enter'))).toBe(false);
		expect(isSingleKey(key('Escape'))).toBe(false);
	});

	it('maps brackets to size, Escape to cancel and Enter to finish', () => {
		expect(shortcutFor(key('['))).toEqual({ type: 'size', step: -1 });
		expect(shortcutFor(key(']'))).toEqual({ type: 'size', step: 1 });
		expect(shortcutFor(key('Escape'))).toEqual({ type: 'cancel' });
		expect(shortcutFor(key('Enter'))).toEqual({ type: 'finish' });
	});
});

describe('stepSize', () => {
	it('always moves by at least one and stays in range', () => {
		expect(stepSize(2, 1)).toBe(3);
		expect(stepSize(2, -1)).toBe(1);
		expect(stepSize(1, -1)).toBe(1);
		expect(stepSize(100, 1)).toBe(115);
		expect(stepSize(120, 1)).toBe(120);
	});
});
