/**
 * The art board sizes a contest may ask for. Shared by the contest form (labels) and the
 * server (the only values it accepts): a board is always one of these presets, so the studio,
 * the colouring pages and the print pack can rely on a handful of known shapes.
 */
export interface BoardSize {
	width: number;
	height: number;
}

export const BOARD_PRESETS = [
	{ id: 'landscape', width: 1600, height: 1200 },
	{ id: 'portrait', width: 1200, height: 1600 },
	{ id: 'square', width: 1400, height: 1400 },
	// A4 is 1 : √2; 1697 ≈ 1200·√2.
	{ id: 'a4-landscape', width: 1697, height: 1200 },
	{ id: 'a4-portrait', width: 1200, height: 1697 }
] as const satisfies readonly (BoardSize & { id: string })[];

export type BoardPresetId = (typeof BOARD_PRESETS)[number]['id'];

export const DEFAULT_BOARD_PRESET: BoardPresetId = 'landscape';

export function findBoardPreset(id: string): (typeof BOARD_PRESETS)[number] | undefined {
	return BOARD_PRESETS.find((p) => p.id === id);
}

/** The preset with exactly this size, if any. */
export function boardPresetOf(size: BoardSize): BoardPresetId | undefined {
	return BOARD_PRESETS.find((p) => p.width === size.width && p.height === size.height)?.id;
}

/** The orientation older code reads (`contest.board_orientation`); a square board is 'any'. */
export function orientationOf(size: BoardSize): 'landscape' | 'portrait' | 'any' {
	if (size.width > size.height) return 'landscape';
	if (size.width < size.height) return 'portrait';
	return 'any';
}
