import type { Db } from '../db/database.ts';
import type { DrawingTable } from '../db/schema.ts';

const SUMMARY = [
	'id',
	'student_id',
	'title',
	'width',
	'height',
	'op_count',
	'revision',
	'thumb_key',
	'updated_at'
] as const;

export async function findDrawing(db: Db, id: string) {
	return db
		.selectFrom('drawing')
		.select([...SUMMARY, 'doc_key', 'doc_bytes', 'created_at'])
		.where('id', '=', id)
		.executeTakeFirst();
}

export async function listDrawingsOfStudent(db: Db, studentId: string) {
	return db
		.selectFrom('drawing')
		.select(SUMMARY)
		.where('student_id', '=', studentId)
		.orderBy('updated_at', 'desc')
		.execute();
}

export async function insertDrawing(db: Db, row: DrawingTable): Promise<void> {
	await db.insertInto('drawing').values(row).execute();
}

/** Returns false when the row moved on since `baseRevision` (another tab or PC saved). */
export async function updateDrawingIfRevision(
	db: Db,
	id: string,
	baseRevision: number,
	changes: Pick<
		DrawingTable,
		| 'title'
		| 'width'
		| 'height'
		| 'op_count'
		| 'revision'
		| 'doc_key'
		| 'doc_bytes'
		| 'thumb_key'
		| 'updated_at'
	>
): Promise<boolean> {
	const result = await db
		.updateTable('drawing')
		.set(changes)
		.where('id', '=', id)
		.where('revision', '=', baseRevision)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

export async function deleteDrawingRow(db: Db, id: string): Promise<void> {
	await db.deleteFrom('drawing').where('id', '=', id).execute();
}

/** What one child keeps on the server, and how many drawings they started since `since`. */
export async function drawingUsageOfStudent(db: Db, studentId: string, since: number) {
	const row = await db
		.selectFrom('drawing')
		.select((eb) => [
			eb.fn.countAll<number | string>().as('drawings'),
			eb.fn.sum<number | string | null>('doc_bytes').as('bytes'),
			eb.fn
				.sum<number | string | null>(eb.case().when('created_at', '>', since).then(1).else(0).end())
				.as('recent')
		])
		.where('student_id', '=', studentId)
		.executeTakeFirstOrThrow();
	// PostgreSQL returns counts and sums of bigints as strings.
	return {
		drawings: Number(row.drawings),
		bytes: Number(row.bytes ?? 0),
		recent: Number(row.recent ?? 0)
	};
}

/** How many drawings each of these children keeps on the server. */
export async function countDrawingsByStudent(db: Db, studentIds: readonly string[]) {
	if (studentIds.length === 0) return new Map<string, number>();
	const rows = await db
		.selectFrom('drawing')
		.select(['student_id', (eb) => eb.fn.countAll<number | string>().as('n')])
		.where('student_id', 'in', studentIds)
		.groupBy('student_id')
		.execute();
	return new Map(rows.map((r) => [r.student_id, Number(r.n)]));
}
