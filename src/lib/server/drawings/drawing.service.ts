import { randomBytes } from 'node:crypto';
import { parseDocument } from '../../draw/parse-document.ts';
import type { SessionStudent, SessionUser } from '../auth/session.ts';
import { findStudentById } from '../classrooms/classroom.repository.ts';
import { getManagedClassroom } from '../classrooms/classroom.service.ts';
import { writeTransaction, type Db } from '../db/database.ts';
import { DRAWING_FORM } from '../../schemas/drawing.ts';
import { parseText } from '../../schemas/field.ts';
import { DomainError } from '../errors.ts';
import type { ObjectStore } from '../storage/object-store.ts';
import { studentDrawingsPrefix } from '../storage/keys.ts';
import * as repo from './drawing.repository.ts';
import { ImageRejectedError, makeDrawingThumbnail, type Rendition } from '../media/image.ts';
import { checkDrawingQuota } from './quota.ts';

export const MAX_DOC_BYTES = 24 * 1024 * 1024;
export const MAX_TITLE_LENGTH = DRAWING_FORM.title.max;
const DRAWING_ID = /^[a-z0-9]{6,40}$/;

export type DrawingError =
	| 'drawing.error.notFound'
	| 'drawing.error.conflict'
	| 'drawing.error.corrupt'
	| 'drawing.error.futureVersion'
	| 'drawing.error.tooLarge'
	| 'drawing.error.title';

const STATUS: Record<DrawingError, DomainError['status']> = {
	'drawing.error.notFound': 404,
	'drawing.error.conflict': 409,
	'drawing.error.corrupt': 422,
	'drawing.error.futureVersion': 422,
	'drawing.error.tooLarge': 413,
	'drawing.error.title': 422
};

/**
 * A refused save or look-up. A conflict carries the server's revision (`params.revision`), so
 * the studio can keep both copies.
 */
export function drawingError(code: DrawingError, revision?: number): DomainError {
	return new DomainError(STATUS[code], code, revision === undefined ? undefined : { revision });
}

export function isDrawingId(id: string): boolean {
	return DRAWING_ID.test(id);
}

export interface SaveInput {
	/** The revision this save started from; null for a drawing the server has never seen. */
	baseRevision: number | null;
	title: string;
	docText: string;
	thumb: Uint8Array | null;
}

function validate(input: SaveInput) {
	const cleanTitle = parseText(DRAWING_FORM.title, input.title);
	if (!cleanTitle.ok) throw drawingError('drawing.error.title');
	const title = cleanTitle.value;
	if (Buffer.byteLength(input.docText) > MAX_DOC_BYTES)
		throw drawingError('drawing.error.tooLarge');
	let json: unknown;
	try {
		json = JSON.parse(input.docText);
	} catch {
		throw drawingError('drawing.error.corrupt');
	}
	const parsed = parseDocument(json);
	if (!parsed.ok) {
		throw drawingError(
			parsed.reason === 'future-version'
				? 'drawing.error.futureVersion'
				: parsed.reason === 'too-large'
					? 'drawing.error.tooLarge'
					: 'drawing.error.corrupt'
		);
	}
	return { title, doc: parsed.doc };
}

/**
 * Stores a new revision of a child's drawing. A save that did not start from the current
 * revision is refused with a conflict, never applied over newer work; the studio then keeps
 * its copy as a separate drawing.
 */
export async function saveDrawing(
	db: Db,
	store: ObjectStore,
	student: SessionStudent,
	id: string,
	input: SaveInput,
	now = Date.now()
): Promise<{ revision: number; updatedAt: number; thumbnail?: 'refused' }> {
	if (!isDrawingId(id)) throw drawingError('drawing.error.notFound');
	const { title, doc } = validate(input);
	const existing = await repo.findDrawing(db, id);
	// Someone else's id looks exactly like a missing one.
	if (existing && existing.student_id !== student.id) throw drawingError('drawing.error.notFound');
	if (existing && input.baseRevision !== existing.revision)
		throw drawingError('drawing.error.conflict', existing.revision);
	const docBytes = Buffer.from(input.docText);
	await checkDrawingQuota(
		db,
		student.id,
		{
			isNew: !existing,
			bytes: docBytes.byteLength,
			replacedBytes: existing?.doc_bytes ?? 0
		},
		now
	);
	// The document is the child's work, the thumbnail only a preview: one we cannot re-encode
	// is dropped (the previous preview stays) and the save goes on, never the other way round.
	const thumb = input.thumb ? await drawingThumbnail(input.thumb) : null;

	const revision = (existing?.revision ?? 0) + 1;
	const stem = `${studentDrawingsPrefix(student.id)}${id}/r${revision}-${randomBytes(4).toString('hex')}`;
	const docKey = `${stem}.json`;
	const thumbKey = thumb ? `${stem}-thumb` : null;
	// Bytes first, outside any transaction; the row only ever points at complete objects.
	await store.put(docKey, docBytes, { contentType: 'application/json' });
	if (thumbKey && thumb) await store.put(thumbKey, thumb.data, { contentType: thumb.contentType });

	const row = {
		title,
		width: doc.width,
		height: doc.height,
		op_count: doc.ops.length,
		revision,
		doc_key: docKey,
		doc_bytes: docBytes.byteLength,
		thumb_key: thumbKey ?? existing?.thumb_key ?? null,
		updated_at: now
	};
	let accepted: boolean;
	try {
		accepted = await writeTransaction(db, async (trx) => {
			if (!existing) {
				await repo.insertDrawing(trx, { id, student_id: student.id, created_at: now, ...row });
				return true;
			}
			return repo.updateDrawingIfRevision(trx, id, existing.revision, row);
		});
	} catch {
		// A concurrent first save of the same id won the insert.
		accepted = false;
	}
	if (!accepted) {
		await Promise.all(
			[docKey, thumbKey].filter(Boolean).map((k) => store.delete(k!).catch(() => {}))
		);
		const now = await repo.findDrawing(db, id);
		throw drawingError('drawing.error.conflict', now?.revision);
	}
	if (existing) {
		const stale = [existing.doc_key, thumbKey ? existing.thumb_key : null].filter(Boolean);
		await Promise.all(stale.map((k) => store.delete(k!).catch(() => {})));
	}
	return { revision, updatedAt: now, ...(input.thumb && !thumb ? { thumbnail: 'refused' } : {}) };
}

async function drawingThumbnail(bytes: Uint8Array): Promise<Rendition | null> {
	try {
		return await makeDrawingThumbnail(Buffer.from(bytes));
	} catch (err) {
		if (err instanceof ImageRejectedError) return null;
		throw err;
	}
}

export type Viewer = { student: SessionStudent } | { user: SessionUser };

/** The drawing if this viewer may see it: its own child, or a teacher managing the class. */
export async function getViewableDrawing(db: Db, viewer: Viewer, id: string) {
	if (!isDrawingId(id)) throw drawingError('drawing.error.notFound');
	const drawing = await repo.findDrawing(db, id);
	if (!drawing) throw drawingError('drawing.error.notFound');
	if ('student' in viewer) {
		if (drawing.student_id !== viewer.student.id) throw drawingError('drawing.error.notFound');
		return drawing;
	}
	const owner = await findStudentById(db, drawing.student_id);
	if (!owner) throw drawingError('drawing.error.notFound');
	await getManagedClassroom(db, viewer.user, owner.classroom_id).catch(() => {
		throw drawingError('drawing.error.notFound');
	});
	return drawing;
}

/**
 * Whether the server keeps a copy of this child's drawing. The editor asks the server for a
 * drawing this computer lacks only when there is one: a new drawing then costs no 404.
 */
export async function hasServerCopy(db: Db, student: SessionStudent, id: string): Promise<boolean> {
	if (!isDrawingId(id)) return false;
	const drawing = await repo.findDrawing(db, id);
	return drawing?.student_id === student.id;
}

export async function deleteDrawing(
	db: Db,
	store: ObjectStore,
	student: SessionStudent,
	id: string
) {
	const drawing = await getViewableDrawing(db, { student }, id);
	await repo.deleteDrawingRow(db, id);
	await Promise.all(
		[drawing.doc_key, drawing.thumb_key]
			.filter(Boolean)
			.map((k) => store.delete(k!).catch(() => {}))
	);
}

export function listMyDrawings(db: Db, student: SessionStudent) {
	return repo.listDrawingsOfStudent(db, student.id);
}
