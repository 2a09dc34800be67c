import { describe, expect, it } from 'vitest';
import { findStamp, STAMPS } from './stamps.ts';

const REQUIRED = [
	'tree',
	'leaf',
	'flower',
	'sun',
	'cloud',
	'rain-drop',
	'wind-turbine',
	'solar-panel',
	'bicycle',
	'recycling-bin',
	'bird',
	'fish',
	'bee',
	'planet'
];

/** Commands followed by the right number of finite numbers: enough to catch a typo. */
const ARITY: Record<string, number> = {
	M: 2,
	L: 2,
	H: 1,
	V: 1,
	C: 6,
	S: 4,
	Q: 4,
	T: 2,
	A: 7,
	Z: 0
};

function isValidPath(d: string): boolean {
	const tokens = d.match(/[a-zA-Z]|-?\d*\.?\d+(?:e-?\d+)?/g) ?? [];
	if (tokens.join('').length !== d.replace(/[\s,]/g, '').length) return false;
	let i = 0;
	if (!/^[Mm]$/.test(tokens[0] ?? '')) return false;
	while (i < tokens.length) {
		const command = tokens[i++]!;
		const arity = ARITY[command.toUpperCase()];
		if (arity === undefined) return false;
		let args = 0;
		while (i < tokens.length && !/[a-zA-Z]/.test(tokens[i]!)) {
			if (!Number.isFinite(Number(tokens[i]))) return false;
			i++;
			args++;
		}
		if (arity === 0 ? args !== 0 : args === 0 || args % arity !== 0) return false;
	}
	return true;
}

describe('stamps', () => {
	it('include the whole green-themed set with unique ids', () => {
		expect(STAMPS.map((s) => s.id).sort()).toEqual([...REQUIRED].sort());
		expect(findStamp('bee')?.id).toBe('bee');
		expect(findStamp('nope')).toBeUndefined();
	});

	it.each(STAMPS.map((s) => [s.id, s] as const))(
		'%s is small, valid and colourful',
		(_id, stamp) => {
			expect(stamp.viewBox).toBe('0 0 64 64');
			expect(JSON.stringify(stamp.paths).length).toBeLessThan(1536);
			expect(stamp.paths.length).toBeGreaterThanOrEqual(2);
			for (const path of stamp.paths) {
				expect(path.fill).toMatch(/^#[0-9a-f]{6}$/);
				expect(isValidPath(path.d), path.d).toBe(true);
			}
		}
	);

	it('the path checker rejects broken data', () => {
		expect(isValidPath('M1 2L3')).toBe(false);
		expect(isValidPath('L1 2')).toBe(false);
		expect(isValidPath('M1 2X3 4')).toBe(false);
	});
});
