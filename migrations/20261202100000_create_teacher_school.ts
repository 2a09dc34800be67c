import { sql, type Kysely } from 'kysely';

/**
 * Which schools a teacher works at, set by an admin: teachers create classes only there, so a
 * class can no longer be attached to any school (and slip into a contest restricted to others).
 * Teachers who already have classes keep the schools of those classes.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('teacher_school')
		.addColumn('teacher_id', 'text', (c) =>
			c.notNull().references('app_user.id').onDelete('cascade')
		)
		.addColumn('school_id', 'text', (c) => c.notNull().references('school.id').onDelete('cascade'))
		.addPrimaryKeyConstraint('teacher_school_pk', ['teacher_id', 'school_id'])
		.execute();
	await db.schema
		.createIndex('teacher_school_school_idx')
		.on('teacher_school')
		.column('school_id')
		.execute();
	await sql`
		insert into teacher_school (teacher_id, school_id)
		select distinct classroom.teacher_id, classroom.school_id
		from classroom
		join app_user on app_user.id = classroom.teacher_id
		where app_user.role = 'teacher'
	`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('teacher_school').execute();
}
