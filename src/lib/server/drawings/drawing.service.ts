import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { parseDocument } from '../../draw/parse-document.ts';
import type { SessionStudent, SessionUser } from '../auth/session.ts';
import { getManagedClassroom } from '../classrooms/classroom.service.ts';
import { writeTransaction, type Db } from '../db/database.ts';
import type { ObjectStore } from '../storage/object-store.ts';
import { studentDrawingsPrefix } from './drawing-files.ts';
import * as repo from './drawing.repository.ts';

export const MAX_DOC_BYTES = 24 * 1024 * 1024;
export const MAX_THUMB_BYTES = 300 * 1024;
export const MAX_TITLE_LENGTH = 60;
const DRAWING_ID = /^[a-z0-9]{6,40}$/;

export type DrawingError =
	| 'drawing.error.notFound'
	| 'drawing.error.conflict'
	| 'drawing.error.corrupt'
	| 'drawing.error.futureVersion'
	| 'drawing.error.tooLarge'
	| 'drawing.error.thumbnail'
	| 'drawing.error.title';

const STATUS: Record<DrawingError, number> = {
	'drawing.error.notFound': 404,
	'drawing.error.conflict': 409,
	'drawing.error.corrupt': 422,
	'drawing.error.futureVersion': 422,
	'drawing.error.tooLarge': 413,
	'drawing.error.thumbnail': 422,
	'drawing.error.title': 422
};

export class DrawingServiceError extends Error {
	readonly code: DrawingError;
	readonly status: number;
	/** The server's revision, for a conflict: the studio keeps both copies. */
	readonly revision: number | undefined;
	constructor(code: DrawingError, revision?: number) {
		super(code);
		this.code = code;
		this.status = STATUS[code];
		this.revision = revision;
	}
}

export function isDrawingId(id: string): boolean {
	return DRAWING_ID.test(id);
}

/** Decided by the bytes, never by a name or a declared type. */
export function thumbnailType(bytes: Uint8Array): 'image/jpeg' | 'image/png' | 'image/webp' | null {
	const b = bytes;
	if (b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
	if (b.length > 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47)
		return 'image/png';
	if (
		b.length > 12 &&
		String.fromCharCode(b[0]!, b[1]!, b[2]!, b[3]!) === 'RIFF' &&
		String.fromCharCode(b[8]!, b[9]!, b[10]!, b[11]!) === 'WEBP'
	)
		return 'image/webp';
	return null;
}

export interface SaveInput {
	/** The revision this save started from; null for a drawing the server has never seen. */
	baseRevision: number | null;
	title: string;
	docText: string;
	thumb: Uint8Array | null;
}

function validate(input: SaveInput) {
	const title = input.title.trim();
	if ([...title].length > MAX_TITLE_LENGTH) throw new DrawingServiceError('drawing.error.title');
	if (Buffer.byteLength(input.docText) > MAX_DOC_BYTES)
		throw new DrawingServiceError('drawing.error.tooLarge');
	let json: unknown;
	try {
		json = JSON.parse(input.docText);
	} catch {
		throw new DrawingServiceError('drawing.error.corrupt');
	}
	const parsed = parseDocument(json);
	if (!parsed.ok) {
		throw new DrawingServiceError(
			parsed.reason === 'future-version'
				? 'drawing.error.futureVersion'
				: parsed.reason === 'too-large'
					? 'drawing.error.tooLarge'
					: 'drawing.error.corrupt'
		);
	}
	let thumbType: string | null = null;
	if (input.thumb) {
		thumbType = thumbnailType(input.thumb);
		if (!thumbType || input.thumb.byteLength > MAX_THUMB_BYTES)
			throw new DrawingServiceError('drawing.error.thumbnail');
	}
	return { title, doc: parsed.doc, thumbType };
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
): Promise<{ revision: number; updatedAt: number }> {
	if (!isDrawingId(id)) throw new DrawingServiceError('drawing.error.notFound');
	const { title, doc, thumbType } = validate(input);
	const existing = await repo.findDrawing(db, id);
	// Someone else's id looks exactly like a missing one.
	if (existing && existing.student_id !== student.id)
		throw new DrawingServiceError('drawing.error.notFound');
	if (existing && input.baseRevision !== existing.revision)
		throw new DrawingServiceError('drawing.error.conflict', existing.revision);

	const revision = (existing?.revision ?? 0) + 1;
	const stem = `${studentDrawingsPrefix(student.id)}${id}/r${revision}-${randomBytes(4).toString('hex')}`;
	const docKey = `${stem}.json`;
	const thumbKey = input.thumb && thumbType ? `${stem}-thumb` : null;
	// Bytes first, outside any transaction; the row only ever points at complete objects.
	const docBytes = Buffer.from(input.docText);
	await store.put(docKey, docBytes, { contentType: 'application/json' });
	if (thumbKey && input.thumb)
		await store.put(thumbKey, Buffer.from(input.thumb), { contentType: thumbType! });

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
		throw new DrawingServiceError('drawing.error.conflict', now?.revision);
	}
	if (existing) {
		const stale = [existing.doc_key, thumbKey ? existing.thumb_key : null].filter(Boolean);
		await Promise.all(stale.map((k) => store.delete(k!).catch(() => {})));
	}
	return { revision, updatedAt: now };
}

export type Viewer = { student: SessionStudent } | { user: SessionUser };

/** The drawing if this viewer may see it: its own child, or a teacher managing the class. */
export async function getViewableDrawing(db: Db, viewer: Viewer, id: string) {
	if (!isDrawingId(id)) throw new DrawingServiceError('drawing.error.notFound');
	const drawing = await repo.findDrawing(db, id);
	if (!drawing) throw new DrawingServiceError('drawing.error.notFound');
	if ('student' in viewer) {
		if (drawing.student_id !== viewer.student.id)
			throw new DrawingServiceError('drawing.error.notFound');
		return drawing;
	}
	const owner = await db
		.selectFrom('student')
		.select('classroom_id')
		.where('id', '=', drawing.student_id)
		.executeTakeFirst();
	if (!owner) throw new DrawingServiceError('drawing.error.notFound');
	await getManagedClassroom(db, viewer.user, owner.classroom_id).catch(() => {
		throw new DrawingServiceError('drawing.error.notFound');
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

export async function readDrawingDocument(store: ObjectStore, docKey: string): Promise<Readable> {
	const object = await store.get(docKey);
	if (!object) throw new DrawingServiceError('drawing.error.notFound');
	return object.body;
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
