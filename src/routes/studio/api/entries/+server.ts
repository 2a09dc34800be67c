import { json } from '@sveltejs/kit';
import { IMAGE_LIMITS } from '$lib/server/media/image';
import { jsonErrorOn } from '$lib/server/errors';
import { submitEntry } from '$lib/server/entries/submission.service';
import { requireStudent } from '$lib/server/http';
import { getServices } from '$lib/server/services';
import type { RequestHandler } from './$types';

/** The image plus a little room for the meta part and multipart framing. */
const MAX_BODY = IMAGE_LIMITS.maxBytes + 64 * 1024;

function refuse(key: string, status: number): Response {
	return json({ error: key }, { status, headers: { 'cache-control': 'no-store' } });
}

interface Meta {
	contestId: string;
	age: number;
	title: string;
	about: string;
	drawingId: string | null;
}

function parseMeta(value: FormDataEntryValue | null): Meta | null {
	if (typeof value !== 'string' || value.length > 8192) return null;
	let raw: Record<string, unknown>;
	try {
		raw = JSON.parse(value) as Record<string, unknown>;
	} catch {
		return null;
	}
	if (!raw || typeof raw !== 'object') return null;
	const { contestId, age, title, about, drawingId } = raw;
	if (typeof contestId !== 'string' || contestId.length > 64) return null;
	if (typeof age !== 'number' || !Number.isInteger(age)) return null;
	if (typeof title !== 'string' || typeof about !== 'string') return null;
	if (drawingId !== null && (typeof drawingId !== 'string' || drawingId.length > 64)) return null;
	return { contestId, age, title, about, drawingId };
}

/**
 * A child submits a drawing: multipart with `meta` (JSON) and exactly one `image` file, and an
 * `Idempotency-Key` header. 201 for a new entry, 200 when the same submission is replayed.
 * The file's name and declared type are ignored: the service decides by the bytes.
 */
export const POST: RequestHandler = async (event) => {
	const student = requireStudent(event);
	const key = event.request.headers.get('idempotency-key') ?? '';
	if (key.length < 8 || key.length > 100) return refuse('entries.error.idempotencyKey', 400);
	const declared = event.request.headers.get('content-length');
	if (declared !== null && !(Number(declared) <= MAX_BODY))
		return refuse('entries.error.tooLarge', 413);
	if (!event.request.headers.get('content-type')?.startsWith('multipart/form-data'))
		return refuse('entries.error.badRequest', 400);

	let form: FormData;
	try {
		// adapter-node stops a body longer than BODY_SIZE_LIMIT or its declared length.
		form = await event.request.formData();
	} catch {
		return refuse('entries.error.badRequest', 400);
	}
	const files = [...form.values()].filter((v) => typeof v !== 'string');
	if (files.length !== 1 || !(form.get('image') instanceof File))
		return refuse(files.length > 1 ? 'entries.error.oneFile' : 'entries.error.badRequest', 400);
	const image = form.get('image') as File;
	if (image.size > IMAGE_LIMITS.maxBytes) return refuse('entries.error.image.tooBig', 413);
	const meta = parseMeta(form.get('meta'));
	if (!meta) return refuse('entries.error.badRequest', 400);

	const { db, store } = await getServices();
	try {
		const result = await submitEntry(
			{ db, store },
			{ kind: 'student', student },
			{ ...meta, idempotencyKey: key, image: new Uint8Array(await image.arrayBuffer()) }
		);
		return json(result.entry, {
			status: result.replayed ? 200 : 201,
			headers: { 'cache-control': 'no-store' }
		});
	} catch (err) {
		return jsonErrorOn(err, { 'cache-control': 'no-store' });
	}
};
