import { sql, type Kysely } from 'kysely';

/** At most one consent in force per child; withdrawn ones stay as history. */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createIndex('guardian_consent_one_active_unique')
		.on('guardian_consent')
		.column('student_id')
		.unique()
		.where(sql.ref('withdrawn_at'), 'is', null)
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropIndex('guardian_consent_one_active_unique').execute();
}
