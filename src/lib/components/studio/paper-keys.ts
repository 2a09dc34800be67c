import { colorName, describeOp, zoneOf, type Translate } from '$lib/draw/describe';
import type { DrawDocument } from '$lib/draw/document';
import type { EditorSnapshot } from '$lib/draw/editor';
import { keyCommand, type KeyboardDrawing, type KeyboardNotice } from '$lib/draw/keyboard';
import type { StudioState } from './studio.svelte';

/**
 * Applies one key pressed on the focused paper to the editor and announces the result.
 * Returns false for keys that are not the paper's (the page's shortcuts then get them).
 */
export function paperKey(
	e: KeyboardEvent,
	studio: StudioState,
	keys: KeyboardDrawing,
	t: Translate
): boolean {
	const command = keyCommand(e);
	const before = studio.snapshot;
	if (!command || !before) return false;
	const board = { width: before.doc.width, height: before.doc.height };
	const result = keys.handle(command, { tool: before.tool, pending: before.pending, board });
	// Escape with nothing to cancel: the page's own Escape handling may still want it.
	if (command.type === 'cancel' && result.actions.length === 0) return false;
	for (const action of result.actions) {
		if (action.type === 'pointer') studio.pointer(action.input);
		else if (action.type === 'transformStamp') studio.transformStamp(action.change);
		else if (action.type === 'finish') studio.finishTool();
		else studio.cancelTool();
	}
	const after = studio.snapshot;
	if (after) studio.announce(announcement(result.notice, before, after, t));
	return true;
}

function where(x: number, y: number, doc: DrawDocument, t: Translate): string {
	return t(`describe.at.${zoneOf(x, y, doc)}`);
}

/** What changed, in words: a new op is described from the document, the rest from the notice. */
export function announcement(
	notice: KeyboardNotice,
	before: EditorSnapshot,
	after: EditorSnapshot,
	t: Translate
): string {
	const doc = after.doc;
	const added = doc.ops.length > before.doc.ops.length ? doc.ops.at(-1) : undefined;
	if (added) return t('access.placed', { what: describeOp(added, doc, t) });
	const sticker = after.pending?.type === 'stamp' ? after.pending : null;
	if (sticker && before.pending?.id !== sticker.id) {
		return t('access.stickerHere', {
			name: t(`draw.stamp.${sticker.stampId}`),
			at: where(sticker.x, sticker.y, doc, t)
		});
	}
	if (after.color !== before.color && after.tool !== before.tool) {
		return t('access.picked', { color: t(`draw.color.${colorName(after.color)}`) });
	}
	switch (notice.type) {
		case 'cursor': {
			const x = Math.round((notice.x / doc.width) * 100);
			const y = Math.round((notice.y / doc.height) * 100);
			return t('access.cursorAt', { at: where(notice.x, notice.y, doc, t), x, y });
		}
		case 'started':
			return t('access.started', {
				tool: t(`draw.tool.${notice.tool}`),
				at: where(notice.x, notice.y, doc, t)
			});
		case 'sticker':
			if (notice.change === 'scaled') {
				return t('access.stickerSize', { percent: Math.round(notice.op.scale * 100) });
			}
			if (notice.change === 'rotated') {
				return t('access.stickerTurned', { degrees: Math.round(notice.op.rotation) });
			}
			return t('access.stickerMoved', { at: where(notice.op.x, notice.op.y, doc, t) });
		case 'writing':
			return t('access.textHere', { at: where(notice.x, notice.y, doc, t) });
		case 'cancelled':
			return t('access.cancelled');
		case 'none':
			return t('access.nothing');
	}
}
