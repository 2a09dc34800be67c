import type { ToolName } from '$lib/draw/tools/index';

export type ShortcutAction =
	| { type: 'undo' }
	| { type: 'redo' }
	| { type: 'tool'; tool: ToolName }
	| { type: 'size'; step: -1 | 1 }
	| { type: 'cancel' }
	/** Sticks the sticker being placed. */
	| { type: 'finish' };

export interface KeyLike {
	key: string;
	ctrlKey: boolean;
	metaKey: boolean;
	shiftKey: boolean;
	altKey: boolean;
}

/** Letters shown in tooltips too, so the toolbar teaches them. */
export const TOOL_KEYS: Partial<Record<ToolName, string>> = {
	brush: 'B',
	pencil: 'P',
	eraser: 'E',
	fill: 'G',
	line: 'L',
	rect: 'R',
	ellipse: 'O',
	stamp: 'S',
	text: 'T',
	eyedropper: 'I'
};

const BY_LETTER = new Map(
	Object.entries(TOOL_KEYS).map(([tool, key]) => [key.toLowerCase(), tool as ToolName])
);

/** Maps a key press to an editor action; null leaves the key to the browser. */
export function shortcutFor(event: KeyLike): ShortcutAction | null {
	const key = event.key.toLowerCase();
	if (event.ctrlKey || event.metaKey) {
		if (event.altKey) return null;
		if (key === 'z') return { type: event.shiftKey ? 'redo' : 'undo' };
		if (key === 'y' && !event.shiftKey) return { type: 'redo' };
		return null;
	}
	if (event.altKey) return null;
	if (event.key === '[') return { type: 'size', step: -1 };
	if (event.key === ']') return { type: 'size', step: 1 };
	if (event.key === 'Escape') return { type: 'cancel' };
	if (event.key === 'Enter') return { type: 'finish' };
	if (event.shiftKey) return null;
	const tool = BY_LETTER.get(key);
	return tool ? { type: 'tool', tool } : null;
}

export const MIN_SIZE = 1;
export const MAX_SIZE = 120;

/** `[` / `]` steps: about 15 % per press, so small and big brushes both change noticeably. */
export function stepSize(size: number, step: -1 | 1): number {
	const next = step > 0 ? Math.max(size + 1, size * 1.15) : Math.min(size - 1, size / 1.15);
	return Math.round(Math.min(MAX_SIZE, Math.max(MIN_SIZE, next)));
}
