import type { PointerInput, ToolContext, ToolStyle } from '../tools/types.ts';

let clock = 1000;

/** A primary-button mouse event at (x, y); time advances 16 ms per event. */
export function pointer(
	type: PointerInput['type'],
	x: number,
	y: number,
	extra: Partial<PointerInput> = {}
): PointerInput {
	clock += 16;
	return {
		type,
		x,
		y,
		pressure: type === 'up' ? 0 : 0.5,
		t: clock,
		pointerType: 'mouse',
		buttons: type === 'up' || type === 'cancel' ? 0 : 1,
		...extra
	};
}

export function toolContext(style: Partial<ToolStyle> = {}, sample = '#abcdef'): ToolContext {
	let next = 0;
	return {
		style: {
			color: '#123456',
			size: 10,
			opacity: 1,
			filled: false,
			tolerance: 32,
			stampId: 'sun',
			fontSize: 40,
			...style
		},
		board: { width: 1600, height: 1200 },
		newId: () => `id${++next}`,
		sampleColor: (x, y) => (x >= 0 && y >= 0 && x < 1600 && y < 1200 ? sample : null)
	};
}
