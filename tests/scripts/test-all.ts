// `npm test`: static checks, unit + integration tests (vitest), build, browser tests (Playwright).
// Every step runs even when an earlier one failed, so the summary is complete. The last line of
// output is always `N passed, N failed[, N skipped]`, summed from the JSON reporters; CI reads it.
//
//   npm test                         everything
//   npm test -- --only unit          a subset: static | unit | integration | e2e
//   npm test -- --only unit,integration   (or repeat --only)
import { postgresForTestRun, postgresWarning } from './throwaway-postgres.ts';
import {
	buildThenPlaywright,
	check,
	npx,
	root,
	run,
	header,
	vitest,
	summarise,
	type StepResult
} from './steps.ts';

process.chdir(root);

const GROUPS = ['static', 'unit', 'integration', 'e2e'] as const;
type Group = (typeof GROUPS)[number];

function usage(message?: string): never {
	if (message) console.error(message);
	console.error(`Usage: node tests/scripts/test-all.ts [--only ${GROUPS.join('|')}]...`);
	process.exit(2);
}

function parseArgs(argv: string[]): Set<Group> {
	const picked: string[] = [];
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i]!;
		if (arg === '--help' || arg === '-h') usage();
		if (arg === '--only') {
			const value = argv[++i];
			if (!value) usage('--only needs a value');
			picked.push(...value.split(','));
		} else if (arg.startsWith('--only=')) {
			picked.push(...arg.slice('--only='.length).split(','));
		} else {
			usage(`Unknown argument: ${arg}`);
		}
	}
	for (const name of picked) {
		if (!(GROUPS as readonly string[]).includes(name)) usage(`Unknown group: ${name}`);
	}
	return new Set((picked.length ? picked : GROUPS) as Group[]);
}

const selected = parseArgs(process.argv.slice(2));

const results: StepResult[] = [];

// Integration tests run on SQLite and PostgreSQL: a throwaway PostgreSQL when TEST_DATABASE_URL
// is not set (a fresh machine); without one, its tests are counted as skipped.
const postgres = selected.has('integration') ? postgresForTestRun() : { missing: null, stop() {} };
const warning = postgres.missing === null ? undefined : postgresWarning(postgres.missing);
if (warning) console.warn(warning);

const startedAt = performance.now();

// Setup, not counted: generates .svelte-kit/ (tsconfig, types) that every later step reads.
const syncCommand = npx('svelte-kit', 'sync');
header('setup', syncCommand);
const sync = await run(syncCommand);
if (sync.code !== 0) console.error(`svelte-kit sync failed (exit code ${sync.code}); continuing.`);

if (selected.has('static')) {
	await check(
		results,
		'check:types',
		npx('svelte-check', '--tsconfig', './tsconfig.json', '--threshold', 'error')
	);
	await check(results, 'check:lint', npx('eslint', '.'));
	await check(results, 'check:format', npx('prettier', '--check', '.'));
}

const vitestProjects = (['unit', 'integration'] as const).filter((g) => selected.has(g));
if (vitestProjects.length)
	await vitest(
		results,
		`vitest ${vitestProjects.join('+')}`,
		vitestProjects.length === 1 ? ['--project', vitestProjects[0]!] : [],
		{
			// Each integration test runs "on sqlite" and "on postgres": without PostgreSQL, every
			// sqlite test stands for a PostgreSQL one that did not run.
			postgresTwin: warning
				? (file, test) => file.startsWith('tests/integration/') && test.includes(' on sqlite ')
				: undefined
		}
	);
postgres.stop();

// The browser tests run against the built server, so the build comes first.
if (selected.has('e2e')) await buildThenPlaywright(results);

summarise(results, startedAt, warning);
