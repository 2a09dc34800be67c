/**
 * Colouring pages ("templates") an organizer attaches to a contest. The picture is processed in
 * the organizer's request (they upload rarely): refused input changes nothing, and the two
 * public objects are written before the row, then removed again if the row cannot be added.
 */
import { createHash } from 'node:crypto';
import { recordAudit } from '../audit/audit.repository.ts';
import type { SessionUser } from '../auth/session.ts';
import { writeTransaction, type Db } from '../db/database.ts';
import { TEMPLATE_FORM } from '../../schemas/contest.ts';
import { parseText } from '../../schemas/field.ts';
import { DomainError } from '../errors.ts';
import { newId } from '../ids.ts';
import { ImageRejectedError, makeColouringTemplate, type Rendition } from '../media/image.ts';
import type { ObjectStore } from '../storage/object-store.ts';
import { boardOf, requireContestManager } from './contest.service.ts';
import * as contests from './contest.repository.ts';
import { canChangeTemplates } from './lifecycle.ts';
import * as repo from './template.repository.ts';

export const TEMPLATE_LABEL_MAX = TEMPLATE_FORM.label.max;
export const TEMPLATES_PER_CONTEST_MAX = 12;
/** Under `public/`: served by `/objects/` on the app's own origin, cached for good. */
export const TEMPLATE_PREFIX = 'public/templates/';

/** The same-origin path the browser (and the studio canvas) reads an object from. */
export function objectPath(key: string): string {
	return `/objects/${key}`;
}

/** A colouring page as pages and the studio see it. */
export interface TemplateView {
	id: string;
	/** The organizer's name for the page (not translated: organizers write it once). */
	label: string;
	/**
	 * `/objects/public/templates/<sha256>.png`: black line art with alpha, exactly twice the
	 * contest's board (`width` × `height`); same origin, so a canvas may read its pixels.
	 */
	url: string;
	/** `/objects/public/templates/<sha256>.webp`: 320 px wide, on white, for a picker. */
	thumbUrl: string;
	width: number;
	height: number;
}

export function toTemplateView(row: repo.TemplateRow): TemplateView {
	return {
		id: row.id,
		label: row.label,
		url: objectPath(row.image_key),
		thumbUrl: objectPath(row.thumb_key),
		width: row.width,
		height: row.height
	};
}

export async function listTemplatesForAdmin(
	db: Db,
	actor: SessionUser,
	contestId: string
): Promise<TemplateView[]> {
	requireContestManager(actor);
	return (await repo.listTemplates(db, [contestId])).map(toTemplateView);
}

/** Normalised, inner whitespace collapsed, 1–40 characters. */
function cleanLabel(label: string): string | null {
	const parsed = parseText(TEMPLATE_FORM.label, label.replace(/\s+/g, ' '));
	return parsed.ok ? parsed.value : null;
}

/** Checks that can refuse before any pixel is decoded, and again under the lock. */
async function checkChange(db: Db, contestId: string, now: number): Promise<contests.ContestRow> {
	const row = await contests.findContest(db, contestId);
	if (!row) throw DomainError.notFound('contests.error.notFound');
	if (!canChangeTemplates({ status: row.status, closesAt: row.closes_at }, now))
		throw DomainError.conflict('contests.templates.error.locked');
	return row;
}

async function checkAdd(db: Db, contestId: string, now: number): Promise<contests.ContestRow> {
	const row = await checkChange(db, contestId, now);
	if ((await repo.countTemplates(db, contestId)) >= TEMPLATES_PER_CONTEST_MAX)
		throw DomainError.conflict('contests.templates.error.tooMany', {
			max: TEMPLATES_PER_CONTEST_MAX
		});
	return row;
}

/** Writes what is not stored yet; returns the keys this call created. */
async function storeObjects(
	store: ObjectStore,
	objects: readonly { key: string; rendition: Rendition }[]
): Promise<string[]> {
	const written: string[] = [];
	try {
		for (const { key, rendition } of objects) {
			const existing = await store.head(key);
			// Only trust a complete object; the same page uploaded again lands on the same keys.
			if (existing && existing.size === rendition.data.length) continue;
			await store.put(key, rendition.data, {
				contentType: rendition.contentType,
				contentLength: rendition.data.length
			});
			written.push(key);
		}
	} catch (err) {
		await Promise.allSettled(written.map((key) => store.delete(key)));
		throw err;
	}
	return written;
}

/** Deletes the objects no template names any more (they may be shared between contests). */
async function deleteUnreferenced(db: Db, store: ObjectStore, keys: readonly string[]) {
	for (const key of keys) {
		if (!(await repo.isObjectReferenced(db, key))) await store.delete(key).catch(() => {});
	}
}

export interface AddTemplateInput {
	label: string;
	/** The uploaded file's bytes; null when no file was chosen. */
	image: Uint8Array | null;
}

export async function addContestTemplate(
	deps: { db: Db; store: ObjectStore },
	actor: SessionUser,
	contestId: string,
	input: AddTemplateInput,
	now = Date.now()
): Promise<string> {
	const { db, store } = deps;
	requireContestManager(actor);
	const label = cleanLabel(input.label);
	if (label === null)
		throw DomainError.invalid('contests.templates.error.label', { max: TEMPLATE_LABEL_MAX });
	if (input.image === null) throw DomainError.invalid('contests.templates.error.noFile');
	const contest = await checkAdd(db, contestId, now);

	let template;
	try {
		const bytes = Buffer.from(input.image.buffer, input.image.byteOffset, input.image.byteLength);
		template = await makeColouringTemplate(bytes, boardOf(contest));
	} catch (err) {
		if (err instanceof ImageRejectedError)
			throw DomainError.invalid(`entries.error.image.${err.reason}`);
		throw err;
	}
	const hash = createHash('sha256').update(template.lineArt.data).digest('hex');
	const imageKey = `${TEMPLATE_PREFIX}${hash}.png`;
	const thumbKey = `${TEMPLATE_PREFIX}${hash}.webp`;
	const written = await storeObjects(store, [
		{ key: imageKey, rendition: template.lineArt },
		{ key: thumbKey, rendition: template.thumb }
	]);

	const id = newId();
	try {
		await writeTransaction(db, async (trx) => {
			await repo.lockContest(db, trx, contestId);
			// The stage or the count may have changed while the picture was processed.
			await checkAdd(trx as unknown as Db, contestId, now);
			await repo.insertTemplate(trx, {
				id,
				contest_id: contestId,
				label,
				image_key: imageKey,
				thumb_key: thumbKey,
				width: template.lineArt.width,
				height: template.lineArt.height,
				position: await repo.nextTemplatePosition(trx, contestId),
				created_at: now
			});
			await recordAudit(trx, {
				actorUserId: actor.id,
				action: 'contest.template.add',
				subjectType: 'contest',
				subjectId: contestId,
				detail: { templateId: id }
			});
		});
	} catch (err) {
		await deleteUnreferenced(db, store, written);
		throw err;
	}
	return id;
}

export async function removeContestTemplate(
	deps: { db: Db; store: ObjectStore },
	actor: SessionUser,
	contestId: string,
	templateId: string,
	now = Date.now()
): Promise<string> {
	const { db, store } = deps;
	requireContestManager(actor);
	const outcome = await writeTransaction(db, async (trx) => {
		await repo.lockContest(db, trx, contestId);
		await checkChange(trx as unknown as Db, contestId, now);
		const row = await repo.findTemplate(trx, contestId, templateId);
		if (!row) throw DomainError.notFound('contests.templates.error.notFound');
		await repo.deleteTemplate(trx, row.id);
		await recordAudit(trx, {
			actorUserId: actor.id,
			action: 'contest.template.remove',
			subjectType: 'contest',
			subjectId: contestId,
			detail: { templateId: row.id }
		});
		// Only the picker's thumbnail may go: drawings children started on this page name its
		// line art in their documents and must keep opening, replaying and exporting with it.
		return { id: row.id, keys: [row.thumb_key] };
	});
	await deleteUnreferenced(db, store, outcome.keys);
	return outcome.id;
}

/** Swaps a template with its neighbour above ('up') or below ('down') in the studio's order. */
export async function moveContestTemplate(
	db: Db,
	actor: SessionUser,
	contestId: string,
	templateId: string,
	direction: 'up' | 'down',
	now = Date.now()
): Promise<string> {
	requireContestManager(actor);
	return writeTransaction(db, async (trx) => {
		await repo.lockContest(db, trx, contestId);
		await checkChange(trx as unknown as Db, contestId, now);
		const rows = await repo.listTemplates(trx, [contestId]);
		const from = rows.findIndex((r) => r.id === templateId);
		if (from < 0) throw DomainError.notFound('contests.templates.error.notFound');
		const to = direction === 'up' ? from - 1 : from + 1;
		if (to < 0 || to >= rows.length) return templateId;
		const order = [...rows];
		[order[from], order[to]] = [order[to]!, order[from]!];
		// Renumber all: positions stay 0…n−1 whatever earlier edits left behind.
		for (const [position, row] of order.entries()) {
			if (row.position !== position) await repo.setTemplatePosition(trx, row.id, position);
		}
		return templateId;
	});
}
