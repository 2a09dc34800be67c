import { describe, expect, it } from 'vitest';
import { createDocument, type Op } from './document.ts';
import { fitsLimits, LIMITS } from './limits.ts';

const stroke = (id: string, samples: number): Op => ({
	type: 'stroke',
	id,
	tool: 'pencil',
	color: '#000000',
	size: 4,
	opacity: 1,
	points: new Array<number>(samples * 4).fill(1)
});

describe('fitsLimits', () => {
	it('allows changes that add nothing, even to a full document', () => {
		const ops = Array.from({ length: LIMITS.maxOps }, (_, i) => stroke(`s${i}`, 1));
		const doc = { ...createDocument(), ops };
		expect(fitsLimits(doc, [{ type: 'clear' }])).toBe(true);
		expect(fitsLimits(doc, [{ type: 'addOp', op: stroke('x', 1) }])).toBe(false);
	});

	it('refuses a stroke that would push the total past the point budget', () => {
		const big = 90_000;
		const count = Math.floor(LIMITS.maxTotalPoints / big);
		const ops = Array.from({ length: count }, (_, i) => stroke(`s${i}`, big));
		const doc = { ...createDocument(), ops };
		const room = LIMITS.maxTotalPoints - count * big;
		expect(fitsLimits(doc, [{ type: 'addOp', op: stroke('ok', room) }])).toBe(true);
		expect(fitsLimits(doc, [{ type: 'addOp', op: stroke('no', room + 1) }])).toBe(false);
	});
});
