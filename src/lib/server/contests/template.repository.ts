import type { Insertable, Selectable } from 'kysely';
import { dialectOf, type Db, type Trx } from '../db/database.ts';
import type { ContestTemplateTable } from '../db/schema.ts';

type Conn = Db | Trx;
export type TemplateRow = Selectable<ContestTemplateTable>;

const TEMPLATE_COLUMNS = [
	'id',
	'contest_id',
	'label',
	'image_key',
	'thumb_key',
	'width',
	'height',
	'position',
	'created_at'
] as const;

/** The templates of some contests, in each contest's order. */
export async function listTemplates(
	db: Conn,
	contestIds: readonly string[]
): Promise<TemplateRow[]> {
	if (contestIds.length === 0) return [];
	return db
		.selectFrom('contest_template')
		.select(TEMPLATE_COLUMNS)
		.where('contest_id', 'in', contestIds)
		.orderBy('contest_id')
		.orderBy('position')
		.orderBy('created_at')
		.execute();
}

export async function findTemplate(
	db: Conn,
	contestId: string,
	templateId: string
): Promise<TemplateRow | undefined> {
	return db
		.selectFrom('contest_template')
		.select(TEMPLATE_COLUMNS)
		.where('contest_id', '=', contestId)
		.where('id', '=', templateId)
		.executeTakeFirst();
}

export async function countTemplates(db: Conn, contestId: string): Promise<number> {
	const row = await db
		.selectFrom('contest_template')
		.select((eb) => eb.fn.countAll<number | string>().as('n'))
		.where('contest_id', '=', contestId)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

/** One past the last position of the contest's templates. */
export async function nextTemplatePosition(db: Conn, contestId: string): Promise<number> {
	const row = await db
		.selectFrom('contest_template')
		.select((eb) => eb.fn.max<number | string | null>('position').as('last'))
		.where('contest_id', '=', contestId)
		.executeTakeFirst();
	return row?.last === null || row?.last === undefined ? 0 : Number(row.last) + 1;
}

export async function insertTemplate(
	db: Conn,
	row: Insertable<ContestTemplateTable>
): Promise<void> {
	await db.insertInto('contest_template').values(row).execute();
}

export async function deleteTemplate(db: Conn, id: string): Promise<void> {
	await db.deleteFrom('contest_template').where('id', '=', id).execute();
}

export async function setTemplatePosition(db: Conn, id: string, position: number): Promise<void> {
	await db.updateTable('contest_template').set({ position }).where('id', '=', id).execute();
}

/** Whether any template (of any contest) still names this object. */
export async function isObjectReferenced(db: Conn, key: string): Promise<boolean> {
	const row = await db
		.selectFrom('contest_template')
		.select('id')
		.where((eb) => eb.or([eb('image_key', '=', key), eb('thumb_key', '=', key)]))
		.limit(1)
		.executeTakeFirst();
	return row !== undefined;
}

/**
 * Holds the contest row until the transaction ends, so its stage cannot move (to closed, say)
 * between the check and the write. SQLite's write transaction already runs alone.
 */
export async function lockContest(db: Db, trx: Trx, contestId: string): Promise<void> {
	if (dialectOf(db) !== 'postgres') return;
	await trx.selectFrom('contest').select('id').where('id', '=', contestId).forUpdate().execute();
}
