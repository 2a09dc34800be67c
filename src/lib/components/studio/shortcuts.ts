import type { ToolName } from '$lib/draw/tools/index';

export type ShortcutAction =
	| { type: 'undo' }
	| { type: 'redo' }
	| { type: 'tool'; tool: ToolName }
	| { type: 'size'; step: -1 | 1 }
	| { type: 'cancel' }
	/** Sticks the sticker being placed. */
	| { type: 'finish' }
	/** Reads the picture's description aloud (through the page's live region). */
	| { type: 'describe' };

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

/** "Describe my picture". */
export const DESCRIBE_KEY = 'D';

/**
 * A shortcut made of one printable key (a tool letter, a bracket): such keys act only while
 * the paper has focus, so typing elsewhere or pressing "e" on a swatch never changes tool
 * (WCAG 2.1.4). Chords with Ctrl or ⌘, Enter and Escape work anywhere.
 */
export function isSingleKey(event: KeyLike): boolean {
	return !event.ctrlKey && !event.metaKey && !event.altKey && [...event.key].length === 1;
}

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
	if (key === DESCRIBE_KEY.toLowerCase()) return { type: 'describe' };
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
