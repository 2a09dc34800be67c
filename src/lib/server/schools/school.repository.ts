import type { Db } from '../db/database.ts';

export async function listSchools(db: Db) {
	return db
		.selectFrom('school')
		.select((eb) => [
			'school.id',
			'school.name',
			'school.city',
			eb
				.selectFrom('classroom')
				.select(eb.fn.countAll<number | string>().as('n'))
				.whereRef('classroom.school_id', '=', 'school.id')
				.where('classroom.archived_at', 'is', null)
				.as('classroom_count')
		])
		.orderBy('school.name')
		.execute();
}

export async function findSchool(db: Db, id: string) {
	return db
		.selectFrom('school')
		.select(['id', 'name', 'city'])
		.where('id', '=', id)
		.executeTakeFirst();
}

export async function insertSchool(db: Db, row: { id: string; name: string; city: string }) {
	await db
		.insertInto('school')
		.values({ id: row.id, name: row.name, city: row.city, created_at: Date.now() })
		.execute();
}
