// npm run user:create -- --role organizer --email a@b.org --name "Wang Fang" [--admin] [--password …]
// Without --password the password is read from the SPROUT_PASSWORD variable or generated.
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import { createDatabase } from '../lib/server/db/database.ts';
import { migrateToLatest } from '../lib/server/db/migrate.ts';
import { isDomainError } from '../lib/server/errors.ts';
import { systemActor } from '../lib/server/auth/actor.ts';
import { createUser } from '../lib/server/users/user.service.ts';
import { configOrExit } from './config.ts';

const { values } = parseArgs({
	options: {
		role: { type: 'string' },
		email: { type: 'string' },
		name: { type: 'string' },
		password: { type: 'string' },
		admin: { type: 'boolean', default: false }
	}
});
if (!values.role || !values.email) {
	console.error(
		'Usage: npm run user:create -- --role organizer|teacher|judge --email EMAIL [--name NAME] [--admin] [--password PASSWORD]'
	);
	process.exit(2);
}
const config = configOrExit();
const generated = !values.password && !process.env.SPROUT_PASSWORD;
const password =
	values.password ?? process.env.SPROUT_PASSWORD ?? randomBytes(12).toString('base64url');
const db = createDatabase(config.database);
try {
	await migrateToLatest(db);
	await createUser(db, systemActor('cli'), {
		email: values.email,
		displayName: values.name ?? values.email.split('@')[0]!,
		role: values.role,
		isAdmin: values.admin || values.role === 'organizer',
		password
	});
	console.log(
		`Created ${values.role} ${values.email}${generated ? ` with password: ${password}` : ''}`
	);
} catch (err) {
	console.error(isDomainError(err) ? `Refused: ${err.code}` : err);
	process.exitCode = 1;
} finally {
	await db.destroy();
}
