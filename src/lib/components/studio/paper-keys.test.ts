import { describe, expect, it } from 'vitest';
import { createDocument, type StampOp } from '$lib/draw/document';
import { Editor } from '$lib/draw/editor';
import { translate, type MessageKey } from '$lib/i18n/index';
import { announcement } from './paper-keys';

const t = (key: string, params?: Record<string, string | number>) =>
	translate('en', key as MessageKey, params);

function editor() {
	let n = 0;
	return new Editor({ document: createDocument(), newId: () => `op${++n}` });
}

const down = {
	type: 'down',
	x: 200,
	y: 150,
	pressure: 0.5,
	t: 0,
	pointerType: 'keyboard',
	buttons: 1
} as const;
const up = { ...down, type: 'up', buttons: 0 } as const;

describe('announcement', () => {
	it('describes what a key added, from the document', () => {
		const e = editor();
		e.setTool('fill');
		e.setColor('#e53935');
		const before = e.getSnapshot();
		e.pointer(down);
		e.pointer(up);
		expect(announcement({ type: 'none' }, before, e.getSnapshot(), t)).toBe(
			'Done: an area filled red top left'
		);
	});

	it('tells how to handle a sticker just put down, then where it moves', () => {
		const e = editor();
		e.setTool('stamp');
		e.setStyle({ stampId: 'sun' });
		const before = e.getSnapshot();
		e.pointer(down);
		e.pointer(up);
		const placed = e.getSnapshot();
		expect(announcement({ type: 'none' }, before, placed, t)).toMatch(
			/^Sun sticker top left\. Arrows move it/
		);
		const op = { ...(placed.pending as StampOp), x: 800, y: 600 };
		e.transformStamp({ x: 800, y: 600 });
		expect(announcement({ type: 'sticker', op, change: 'moved' }, placed, e.getSnapshot(), t)).toBe(
			'Sticker in the middle'
		);
	});

	it('reads the cursor as a ninth of the paper and percentages', () => {
		const s = editor().getSnapshot();
		expect(announcement({ type: 'cursor', x: 1600 - 1, y: 0 }, s, s, t)).toBe(
			'Cursor top right (100%, 0%)'
		);
		expect(announcement({ type: 'none' }, s, s, t)).toBe('Nothing changed here');
	});
});
