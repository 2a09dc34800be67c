// `npm run test:faults`: the fault tests on their own. The integration ones (storage outage,
// S3 start-up, backup drill), then after a build the built server as real processes
// (tests/faults/) and the outage browser test. Like `npm test`, it starts a throwaway PostgreSQL
// when TEST_DATABASE_URL is not set, so a machine with nothing configured runs the PostgreSQL
// + S3 cases too; the last line is `N passed, N failed[, N skipped]`.
import { postgresForTestRun, postgresWarning } from './throwaway-postgres.ts';
import {
	check,
	emptyResult,
	playwright,
	root,
	summarise,
	vitest,
	type StepResult
} from './steps.ts';

process.chdir(root);

const results: StepResult[] = [];
const postgres = postgresForTestRun();
const warning = postgres.missing === null ? undefined : postgresWarning(postgres.missing);
if (warning) console.warn(warning);
const startedAt = performance.now();

// Without PostgreSQL, each SQLite run stands for a PostgreSQL one that did not run: "… on sqlite"
// in the integration tests, "… on sqlite + folder" for kill -9 (two-instances is PostgreSQL
// only and reports its own tests as skipped).
const postgresTwin = warning
	? (file: string, test: string) =>
			(file.startsWith('tests/integration/') && test.includes(' on sqlite ')) ||
			(file === 'tests/faults/kill-mid-upload.test.ts' && test.includes(' on sqlite + folder '))
	: undefined;

await vitest(
	results,
	'fault integration tests',
	[
		'--project',
		'integration',
		'tests/integration/job-outage.test.ts',
		'tests/integration/s3-startup.test.ts',
		'tests/integration/backup.test.ts'
	],
	{ postgresTwin }
);
// The tests in tests/faults/ and the browser test run the built server: the build comes first.
if (await check(results, 'build', ['npm', 'run', 'build'])) {
	await vitest(results, 'built server as processes (tests/faults/)', ['--project', 'faults'], {
		env: { ...process.env, SPROUT_FAULTS: '1' },
		postgresTwin
	});
	await playwright(results, ['tests/e2e/outage.spec.ts']);
} else {
	const notRun = emptyResult('tests/faults/ and e2e', 0);
	notRun.failed = 1;
	notRun.failures.push('not run: the build failed');
	results.push(notRun);
}
postgres.stop();

summarise(results, startedAt, warning);
