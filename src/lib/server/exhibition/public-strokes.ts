/**
 * The drawing document as the public may have it: the marks in their order and timing, and
 * nothing else — no typed text (a child may write their name), no op ids, no colouring-page
 * path, no revision or owner. The replay only needs these to paint the time-lapse.
 */
import { DOCUMENT_VERSION, type DrawDocument, type Op } from '$lib/draw/document.ts';
import { parseDocument } from '$lib/draw/parse-document.ts';
import type { Db } from '../db/database.ts';
import { findDrawing } from '../drawings/drawing.repository.ts';
import type { ObjectStore } from '../storage/object-store.ts';
import type { PublicEntry } from './public-entry.repository.ts';

/** Hard cap on what is read for a public replay (the editor's own limit is lower). */
const MAX_DOC_BYTES = 32 * 1024 * 1024;

export function stripDocument(doc: DrawDocument): DrawDocument {
	const ops: Op[] = [];
	for (const op of doc.ops) {
		const id = `o${ops.length + 1}`;
		if (op.type === 'stroke')
			ops.push({
				type: 'stroke',
				id,
				tool: op.tool,
				color: op.color,
				size: op.size,
				opacity: op.opacity,
				points: op.points
			});
		else if (op.type === 'fill')
			ops.push({ type: 'fill', id, x: op.x, y: op.y, color: op.color, tolerance: op.tolerance });
		else if (op.type === 'shape')
			ops.push({
				type: 'shape',
				id,
				shape: op.shape,
				x1: op.x1,
				y1: op.y1,
				x2: op.x2,
				y2: op.y2,
				color: op.color,
				size: op.size,
				filled: op.filled
			});
		else if (op.type === 'stamp')
			ops.push({
				type: 'stamp',
				id,
				stampId: op.stampId,
				x: op.x,
				y: op.y,
				scale: op.scale,
				rotation: op.rotation,
				flipX: op.flipX
			});
		// Text is left out on purpose.
	}
	return {
		version: DOCUMENT_VERSION,
		width: doc.width,
		height: doc.height,
		background: doc.background,
		ops
	};
}

/** The stripped document of a public drawn work, or null (not drawn, missing, unreadable). */
export async function publicStrokes(
	db: Db,
	store: ObjectStore,
	entry: PublicEntry
): Promise<DrawDocument | null> {
	if (entry.source !== 'studio' || !entry.drawingId) return null;
	const drawing = await findDrawing(db, entry.drawingId);
	if (!drawing?.doc_key || drawing.doc_bytes > MAX_DOC_BYTES) return null;
	const object = await store.get(drawing.doc_key);
	if (!object) return null;
	const chunks: Buffer[] = [];
	for await (const chunk of object.body)
		chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
	const parsed = parseDocument(Buffer.concat(chunks).toString('utf8'));
	return parsed.ok ? stripDocument(parsed.doc) : null;
}
